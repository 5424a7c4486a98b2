// The generated code: minimal query, escaped attributes, title, lazy loading, the client tag with adapters, trackers held until the choice is known.
import { describe, expect, it } from 'vitest';
import { parseFrameParams } from './frame-params.js';
import {
  builderPath,
  embedQuery,
  everyPageCode,
  everyPageHint,
  privacyPageCode,
  type BuilderChoices,
  type EmbedOptions,
} from './embed-snippet.js';
import { parseIntegrationParams } from './integration-params.js';

const defaults: EmbedOptions = parseFrameParams({});
const none = parseIntegrationParams({});
const embedSnippet = (host: string, options: EmbedOptions, title: string) => privacyPageCode(host, { ...options, ...none }, title);
const host = 'https://optout.example.org';
const withTrackers = (query: Record<string, unknown>): BuilderChoices => ({ ...defaults, ...parseIntegrationParams(query) });

describe('embed code', () => {
  it('names only what differs from the defaults', () => {
    expect(embedQuery(defaults)).toBe('');
    expect(
      embedQuery({
        lang: 'de',
        showIntro: false,
        fontColor: '#1f2937',
        backgroundColor: '#fff',
        fontSize: '110%',
        fontFamily: `"Open Sans", sans-serif`,
        theme: 'dark',
      }),
    ).toBe(
      'lang=de&showIntro=0&fontColor=1f2937&backgroundColor=fff&fontSize=110%25&fontFamily=%22Open%20Sans%22%2C%20sans-serif&theme=dark',
    );
  });

  it('is an iframe with title and lazy loading, then client.js, with attributes escaped', () => {
    const snippet = embedSnippet('https://optout.example.org', { ...defaults, lang: 'fr', theme: 'light' }, 'Refus "x" <b>');
    expect(snippet).toBe(
      [
        '<iframe src="https://optout.example.org/optout?lang=fr&amp;theme=light"',
        '        title="Refus &quot;x&quot; &lt;b&gt;" loading="lazy"',
        '        style="border:0;width:100%;height:180px"></iframe>',
        '<script src="https://optout.example.org/client.js" async></script>',
      ].join('\n'),
    );
  });

  it("a profile's site= comes first in the frame's URL, and data-site on the client script", () => {
    expect(embedQuery({ ...defaults, site: 'news', lang: 'de' })).toBe('site=news&lang=de');
    const snippet = embedSnippet('https://optout.example.org', { ...defaults, site: 'news' }, 'Opt-out');
    expect(snippet).toContain('<iframe src="https://optout.example.org/optout?site=news"');
    expect(snippet).toContain('<script src="https://optout.example.org/client.js" data-site="news" async></script>');
  });
});

describe('the integration: trackers, cookie domain, every page', () => {
  it('puts the adapters, the GA id and the cookie domain on a blocking client tag on both blocks', () => {
    const choices = withTrackers({ trackers: 'google-analytics,plausible', gaId: 'G-ABC1234', cookieDomain: 'Example.org' });
    const tag = `<script src="${host}/client.js" data-adapters="plausible,gtag" data-ga-id="G-ABC1234" data-cookie-domain="example.org"></script>`;
    expect(privacyPageCode(host, choices, 'Opt-out').split('\n').at(-1)).toBe(tag);
    const code = everyPageCode(host, choices);
    expect(code.startsWith(`${tag}\n`)).toBe(true);
    // The builder's order, whatever the address said.
    expect(code.indexOf('Plausible')).toBeLessThan(code.indexOf('Google Analytics'));
    expect(code).toContain("gtag('config', 'G-ABC1234');");
    expect(code).toContain('await optout.whenKnown();');
  });

  it("holds each tracker's start until optout.whenKnown() on every page, or starts at once without the client", () => {
    for (const tracker of ['matomo', 'umami', 'posthog', 'google-analytics', 'fathom']) {
      expect(everyPageCode(host, withTrackers({ trackers: tracker }))).toContain('optout.whenKnown().then(function () {');
      const plain = everyPageCode(host, withTrackers({ trackers: tracker, everyPage: '0' }));
      expect(plain).not.toContain('whenKnown');
      expect(plain).not.toContain('/client.js"');
    }
    expect(everyPageCode(host, withTrackers({ trackers: 'matomo' }))).toMatch(
      /whenKnown\(\)\.then\(function \(\) \{\n {4}_paq\.push\(\['trackPageView'\]\);\n {2}\}\);/,
    );
  });

  it("the block's hint says what it holds: the client first, or the trackers alone", () => {
    expect(everyPageHint(true)).toContain('the client first, then the tracker');
    expect(everyPageHint(false)).not.toContain('client first');
    expect(everyPageHint(false)).toContain('the tracker alone');
  });

  it('without trackers, the client is async and carries no adapters; a missing GA id is a visible placeholder', () => {
    expect(everyPageCode(host, withTrackers({}))).toBe(`<script src="${host}/client.js" async></script>`);
    expect(everyPageCode(host, withTrackers({ trackers: 'google-analytics' }))).toContain('data-ga-id="G-XXXXXXXXXX"');
  });

  it("the builder's address keeps every choice, commas readable", () => {
    const choices = {
      ...withTrackers({ trackers: ['matomo', 'plausible'], gaId: 'G-ABC1234', cookieDomain: 'none', everyPage: '0' }),
      site: 'news',
      lang: 'de',
    };
    expect(builderPath(choices)).toBe('/?site=news&lang=de&trackers=matomo,plausible&cookieDomain=none&everyPage=0');
    expect(builderPath({ ...defaults, ...none })).toBe('/');
  });
});
