// The embed code a site owner pastes: the frame's query for chosen options, the <iframe> and the client script tag.
import type { FrameParams } from './frame-params.js';

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

/**
 * The code to paste: the `<iframe>` (a title for screen readers, lazy loading, a starting
 * height) and `client.js`, which sizes the `<iframe>` to its content from then on (and talks to
 * the same profile, by `data-site`).
 */
export function embedSnippet(hostOrigin: string, options: EmbedOptions, title: string): string {
  const height = options.showIntro ? 180 : 110;
  return [
    `<iframe src="${escapeAttribute(embedUrl(hostOrigin, options))}"`,
    `        title="${escapeAttribute(title)}" loading="lazy"`,
    `        style="border:0;width:100%;height:${height}px"></iframe>`,
    `<script src="${escapeAttribute(hostOrigin)}/client.js"${options.site ? ` data-site="${escapeAttribute(options.site)}"` : ''} async></script>`,
  ].join('\n');
}
