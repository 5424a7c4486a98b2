// The code a site owner pastes: the frame's query for chosen options, the <iframe>, the client script tag and the trackers' snippets.
import type { FrameParams } from './frame-params.js';
import { integrationQuery, type IntegrationParams } from './integration-params.js';
import { GA_ID_PLACEHOLDER, TRACKER_INFO } from './tracker-snippets.js';

/** What the builder lets a site owner choose: the frame's parsed parameters, and the host's profile. */
export interface EmbedOptions extends FrameParams {
  /** The profile (`site=<id>`, from the host's `OPTOUT_CONFIG`); none = the host's top level. */
  readonly site?: string;
}

/** The `GET /optout` query for the options, naming only what differs from the defaults. */
export function embedQuery(options: EmbedOptions): string {
  const query = new URLSearchParams();
  // First: it says whose frame this is.
  if (options.site) query.set('site', options.site);
  if (options.lang !== 'auto') query.set('lang', options.lang);
  if (!options.showIntro) query.set('showIntro', '0');
  // Matomo's form (no "#"), so the URL needs no escaping for colours.
  if (options.fontColor) query.set('fontColor', options.fontColor.replace('#', ''));
  if (options.backgroundColor) query.set('backgroundColor', options.backgroundColor.replace('#', ''));
  if (options.fontSize) query.set('fontSize', options.fontSize);
  if (options.fontFamily) query.set('fontFamily', options.fontFamily);
  if (options.theme !== 'auto') query.set('theme', options.theme);
  // URLSearchParams writes spaces as "+"; %20 reads the same everywhere and is clearer pasted.
  return query.toString().replaceAll('+', '%20');
}

/** The frame's URL on `hostOrigin` (e.g. `https://optout.example.org`) for the options. */
export function embedUrl(hostOrigin: string, options: EmbedOptions): string {
  const query = embedQuery(options);
  return `${hostOrigin}/optout${query ? `?${query}` : ''}`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Everything the builder lets a site owner choose: the frame's options and the integration's. */
export type BuilderChoices = EmbedOptions & IntegrationParams;

/**
 * The `client.js` tag: the profile (`data-site`), the trackers' adapters and the cookie mirror's
 * domain. With adapters it is a plain (blocking) script, so it runs before the trackers below it.
 */
export function clientTag(hostOrigin: string, choices: BuilderChoices): string {
  const attributes = [`src="${escapeAttribute(hostOrigin)}/client.js"`];
  if (choices.site) attributes.push(`data-site="${escapeAttribute(choices.site)}"`);
  const adapters = choices.trackers.map((tracker) => TRACKER_INFO[tracker].adapter);
  if (adapters.length > 0) attributes.push(`data-adapters="${adapters.join(',')}"`);
  if (choices.trackers.includes('google-analytics')) attributes.push(`data-ga-id="${escapeAttribute(choices.gaId ?? GA_ID_PLACEHOLDER)}"`);
  if (choices.cookieDomain !== 'auto') attributes.push(`data-cookie-domain="${escapeAttribute(choices.cookieDomain)}"`);
  if (adapters.length === 0) attributes.push('async');
  return `<script ${attributes.join(' ')}></script>`;
}

/**
 * "On your privacy page": the `<iframe>` (a title for screen readers, lazy loading, a starting
 * height) and `client.js`, which sizes the `<iframe>` to its content from then on and keeps the
 * trackers' own switches in step on this page too.
 */
export function privacyPageCode(hostOrigin: string, choices: BuilderChoices, title: string): string {
  const height = choices.showIntro ? 180 : 110;
  return [
    `<iframe src="${escapeAttribute(embedUrl(hostOrigin, choices))}"`,
    `        title="${escapeAttribute(title)}" loading="lazy"`,
    `        style="border:0;width:100%;height:${height}px"></iframe>`,
    clientTag(hostOrigin, choices),
  ].join('\n');
}

/** The hint under "On every other page" (HTML, our own text): what that block does, with the client there or without. */
export function everyPageHint(everyPage: boolean): string {
  const where = 'In the <code>&lt;head&gt;</code>, instead of your tracker’s usual snippet: ';
  const what = everyPage
    ? 'the client first, then the tracker, which waits for the visitor’s choice.'
    : 'the tracker alone, which follows what <code>client.js</code> recorded on your privacy page (Google Analytics reads its <code>optout_state</code> cookie).';
  return `${where}${what} Replace the example ids and addresses with yours.`;
}

/**
 * "On every other page": `client.js` with the adapters first, so a remembered opt-out reaches
 * the trackers' switches before their first hit, then each tracker's snippet, its start held
 * until `optout.whenKnown()`. Without the client on every page, the trackers' plain snippets:
 * they read what the privacy page's client recorded (their own switches; GA, its cookie).
 */
export function everyPageCode(hostOrigin: string, choices: BuilderChoices): string {
  const gaId = choices.gaId ?? GA_ID_PLACEHOLDER;
  const snippets = choices.trackers.map((tracker) => TRACKER_INFO[tracker].snippet(choices.everyPage, gaId));
  if (!choices.everyPage) {
    const note = '<!-- No optout-frame code here: each tracker follows what client.js recorded on the privacy page -->';
    return [note, ...snippets].join('\n');
  }
  return [clientTag(hostOrigin, choices), ...snippets].join('\n');
}

/** The builder's own address for the choices (`/?…`): the frame's options, then the integration's. */
export function builderPath(choices: BuilderChoices): string {
  // Commas stay readable in a shared address (`trackers=plausible,matomo`).
  const integration = integrationQuery(choices).map(([name, value]) => `${name}=${encodeURIComponent(value).replaceAll('%2C', ',')}`);
  const text = [embedQuery(choices), ...integration].filter((part) => part !== '').join('&');
  return `/${text ? `?${text}` : ''}`;
}
