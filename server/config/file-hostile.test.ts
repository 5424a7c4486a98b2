// Property-based: hostile texts in an OPTOUT_CONFIG file are refused at start-up with one clean line, or kept exactly and shown as inert text.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, shippedLanguages, type FrameTexts } from '../../widget/shared/i18n/index.js';
import { ConfigFileError, loadConfigFile } from './file.js';
import { FORBIDDEN_IN_TEXT, TEXT_KEYS, TEXT_LIMITS, textProblem, type TextKey } from './texts.js';
import { parseFrameParams } from '../../widget/shared/frame-params.js';
import { renderFramePage } from '../frame-page.js';
import { escapeHtml } from '../html.js';
import { siteTexts } from '../site-profiles.js';
import { hasMarkup, hostileText, INJECTIONS } from '../testing/hostile-strings.js';
import { writeConfigFile } from '../testing/config-files.js';
import { startInProcessHost, type InProcessHost } from '../testing/in-process-host.js';

/** Every run writes and reads a real file; fast-check prints the seed of any failure to replay it. */
const RUNS = { numRuns: 150 };

/** What an owner's file can hold beyond the parameters' hostile strings: direction tricks, quotes, huge texts. */
const hostileFileText: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.constantFrom(
    '\u202Etuo detpo won era uoY',
    'opted \u2066in\u2069 or out',
    'א\u202Bב\u202Cג',
    `He said "no" and 'yes' & left`,
    '\u200FRLM mark is fine',
    'x'.repeat(100_000),
    '<b>'.repeat(30_000),
    `${'a'.repeat(299)}é`,
    'ok\u0085next',
    'tab\there',
  ),
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('\u202A', '\u202E', '\u2066', '\u2069', '\n', '\u2028'),
      fc.string({ maxLength: 20 }),
    )
    .map((parts) => parts.join('')),
);

const tags = shippedLanguages.map((language) => language.tag);
const placement = fc.record({
  onSite: fc.boolean(),
  tag: fc.constantFrom(...tags),
  key: fc.constantFrom(...TEXT_KEYS),
});

function fileWith(onSite: boolean, tag: string, key: TextKey, text: string): unknown {
  const texts = { [tag]: { [key]: text } };
  return onSite ? { sites: { news: { allowedOrigins: ['https://news.example.org'], texts } } } : { texts };
}

describe('hostile texts in the file', () => {
  it('are refused naming their key on one clean line, or kept exactly as given within the rules', () => {
    const seen = { refused: 0, kept: 0 };
    fc.assert(
      fc.property(placement, hostileFileText, ({ onSite, tag, key }, text) => {
        const path = writeConfigFile(fileWith(onSite, tag, key, text));
        const keyPath = `${onSite ? 'sites.news.' : ''}texts.${tag}.${key}`;
        let file;
        try {
          file = loadConfigFile(path);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigFileError);
          const refused = error as ConfigFileError;
          // The key itself, or (a status line or button that reads as its partner) the key it set.
          expect(refused.keyPath).toBe(keyPath);
          expect(refused.message).not.toMatch(new RegExp(FORBIDDEN_IN_TEXT.source, 'u'));
          expect(refused.message.length).toBeLessThan(400);
          seen.refused++;
          return;
        }
        const kept = onSite ? file.sites.get('news')?.texts.get(tag) : file.texts.get(tag);
        expect(kept).toEqual({ [key]: text });
        expect([...text].length).toBeLessThanOrEqual(TEXT_LIMITS[key]);
        expect(text).not.toMatch(FORBIDDEN_IN_TEXT);
        expect(text.trim()).not.toBe('');
        seen.kept++;
      }),
      {
        ...RUNS,
        examples: INJECTIONS.map((text): [{ onSite: boolean; tag: string; key: TextKey }, string] => [
          { onSite: true, tag: 'en', key: 'intro' },
          text,
        ]),
      },
    );
    // Both outcomes were exercised, so neither branch's checks went unasserted.
    expect(seen.refused).toBeGreaterThan(10);
    expect(seen.kept).toBeGreaterThan(10);
  });

  it('that are kept reach the frame document escaped, in every place a text is shown', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXT_KEYS), hostileFileText, (key, text) => {
        let file;
        try {
          file = loadConfigFile(writeConfigFile(fileWith(true, 'en', key, text)));
        } catch {
          return;
        }
        const texts = siteTexts(file, 'news', languages.get('en')!);
        expect(texts[key]).toBe(text);
        const render = (shown: FrameTexts) =>
          renderFramePage({
            state: { optedOut: key === 'optedOut' || key === 'optInButton', reason: key === 'gpcHonoured' ? 'gpc' : 'default' },
            language: { ...languages.get('en')!, texts: shown },
            params: parseFrameParams({}),
            assets: { frameScript: '/assets/frame.js', bridgeScript: '/assets/bridge.js' },
            formAction: '/optout?site=news',
            cookieName: 'optout',
            defaultState: 'in',
            cookieRefused: key === 'storageBlocked',
            allowedOrigins: ['https://news.example.org'],
          }).html;
        const html = render(texts);
        // Markup in a text never reaches the page raw; every text the first HTML shows is there escaped.
        if (hasMarkup(text)) expect(html).not.toContain(text);
        const shown: readonly TextKey[] = [
          'title',
          'intro',
          'optedIn',
          'optedOut',
          'optOutButton',
          'optInButton',
          'gpcHonoured',
          'storageBlocked',
        ];
        if (shown.includes(key)) expect(html).toContain(escapeHtml(text));
        // The boot JSON for the element carries it, unable to close its <script>.
        const boot = /<script type="application\/json" id="optout-boot">([^<]*)<\/script>/.exec(html);
        expect((JSON.parse(boot![1]!) as { texts: Record<string, string> }).texts[key]).toBe(text);
        // Not one "<" more than the same page with the shipped texts: no element, comment or end tag came in.
        expect(html.split('<').length).toBe(render(languages.get('en')!.texts).split('<').length);
        rendered++;
      }),
      RUNS,
    );
    expect(rendered).toBeGreaterThan(10);
  });
});

/** Recorded, so a failure replays: change it to sample other texts. */
const HOST_SEED = 1702;

describe('hostile texts the file accepts, served by the real host', () => {
  /** One site per accepted text, each overriding one key in English. */
  const samples = fc
    .sample(fc.tuple(fc.constantFrom(...TEXT_KEYS), hostileFileText), { seed: HOST_SEED, numRuns: 200 })
    .filter(([key, text]) => textProblem(key, text) === undefined);
  let host: InProcessHost;

  beforeAll(async () => {
    const sites = Object.fromEntries(
      samples.map(([key, text], index) => [`s${index}`, { allowedOrigins: ['https://news.example.org'], texts: { en: { [key]: text } } }]),
    );
    host = await startInProcessHost({ OPTOUT_CONFIG: writeConfigFile({ sites }) });
  });
  afterAll(() => host.close());

  it('never add a "<" to the frame page: every one of them is in it escaped, as text', async () => {
    expect(samples.length).toBeGreaterThan(50);
    const count = (body: string) => body.split('<').length;
    const clean = await host.request({ path: '/optout' });
    const cleanGpc = await host.request({ path: '/optout', headers: { 'sec-gpc': '1' } });
    for (const [index, [key, text]] of samples.entries()) {
      const gpc = key === 'gpcHonoured';
      const response = await host.request({ path: `/optout?site=s${index}`, headers: gpc ? { 'sec-gpc': '1' } : {} });
      expect(response.status, `s${index}`).toBe(200);
      expect(count(response.body), `${key}: ${JSON.stringify(text.slice(0, 40))}`).toBe(count((gpc ? cleanGpc : clean).body));
      const shown = key === 'title' || key === 'intro' || key === 'optedIn' || key === 'optOutButton' || gpc;
      if (shown) expect(response.body).toContain(escapeHtml(text));
    }
  });
});
