// loadConfigFile (OPTOUT_CONFIG): a good file becomes a typed, frozen object; each bad one a one-line error naming the file, the key and the fault.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../widget/shared/i18n/en.js';
import { shippedLanguages } from '../../widget/shared/i18n/index.js';
import { ConfigError, loadConfig } from './index.js';
import { ConfigFileError, formatKeyPath, loadConfigFile, MAX_FILE_BYTES, quote } from './file.js';
import { DISTINCT_PAIRS, mergeTexts, sameText, TEXT_KEYS, textProblem } from './texts.js';
import { configDir, writeConfigFile } from '../testing/config-files.js';

const writeConfig = writeConfigFile;

function failure(content: unknown): ConfigFileError {
  const path = writeConfig(content);
  try {
    loadConfigFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return error as ConfigFileError;
  }
  throw new Error(`accepted: ${JSON.stringify(content)}`);
}

const news = { allowedOrigins: ['https://news.example.org'] };

/** The contract's example, as a site owner would write it. */
const CONTRACT_EXAMPLE = {
  texts: { en: { intro: 'We count visits to this site; you can opt out below.' } },
  sites: {
    news: {
      allowedOrigins: ['https://news.example.org'],
      default: 'in',
      texts: { en: { optOutButton: 'Stop counting my visits.' }, de: { intro: 'Wir zählen Besuche.' } },
      theme: { fontColor: '#222222', backgroundColor: '#ffffff' },
    },
  },
};

describe('loadConfigFile: a good file', () => {
  it("reads the contract's example into typed, frozen values", () => {
    const path = writeConfig(CONTRACT_EXAMPLE);
    const file = loadConfigFile(path);
    expect(file.path).toBe(path);
    expect(file.texts.get('en')).toEqual({ intro: 'We count visits to this site; you can opt out below.' });
    const site = file.sites.get('news');
    expect(site).toEqual({
      id: 'news',
      allowedOrigins: ['https://news.example.org'],
      defaultState: 'in',
      texts: new Map([
        ['en', { optOutButton: 'Stop counting my visits.' }],
        ['de', { intro: 'Wir zählen Besuche.' }],
      ]),
      theme: { fontColor: '#222222', backgroundColor: '#ffffff' },
    });
    expect(Object.isFrozen(file)).toBe(true);
    expect(Object.isFrozen(site)).toBe(true);
    expect(Object.isFrozen(site!.allowedOrigins)).toBe(true);
    expect(Object.isFrozen(site!.texts.get('en'))).toBe(true);
    expect(Object.isFrozen(site!.theme)).toBe(true);
  });

  it('accepts an empty object, a byte-order mark, two sites, and leaves out what is not given', () => {
    expect(loadConfigFile(writeConfig('{}')).sites.size).toBe(0);
    const file = loadConfigFile(
      writeConfig(`\uFEFF${JSON.stringify({ sites: { news, shop: { allowedOrigins: ['http://localhost:8080/'] } } })}`),
    );
    expect([...file.sites.keys()]).toEqual(['news', 'shop']);
    expect(file.sites.get('shop')).toMatchObject({ allowedOrigins: ['http://localhost:8080'], defaultState: undefined, theme: {} });
    expect(file.texts.size).toBe(0);
  });

  it('texts may hold markup characters, quotes, marks and joiners: they are text, escaped when shown', () => {
    const intro = `Nous comptons les <visites> & "clics" d'ici. \u200F\u200C\u200D 👩‍💻`;
    expect(loadConfigFile(writeConfig({ texts: { fr: { intro } } })).texts.get('fr')).toEqual({ intro });
  });

  it('a site id that names a prototype member is just an id', () => {
    const file = loadConfigFile(writeConfig({ sites: { constructor: news } }));
    expect(file.sites.get('constructor')?.id).toBe('constructor');
    expect(file.sites.get('toString')).toBeUndefined();
  });
});

/** [what the file holds, the key path named, a fragment of what is wrong]. */
const BAD_FILES: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ['not JSON', '{"texts": ', '', 'is not valid JSON'],
  ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), '', 'is not UTF-8'],
  ['an array', '[]', '', 'expected a JSON object'],
  ['an unknown top-level key', { text: {} }, 'text', 'unknown key; expected one of texts, sites'],
  ['texts as a string', { texts: 'hello' }, 'texts', 'expected an object keyed by language tag'],
  ['an unshipped language', { texts: { xx: {} } }, 'texts.xx', 'not a shipped language tag (shipped: en, '],
  ['a region tag', { texts: { 'de-AT': { intro: 'Servus' } } }, 'texts.de-AT', 'did you mean "de"?'],
  ['an upper-case tag', { texts: { EN: { intro: 'Hi' } } }, 'texts.EN', 'did you mean "en"?'],
  ['an unknown text key', { texts: { en: { footer: 'x' } } }, 'texts.en.footer', 'unknown key; expected one of title, intro,'],
  ['a number as text', { texts: { en: { intro: 3 } } }, 'texts.en.intro', 'expected a string, got a number'],
  ['an empty text', { texts: { en: { intro: '  ' } } }, 'texts.en.intro', 'empty'],
  ['a title of 81 characters', { texts: { en: { title: 'é'.repeat(81) } } }, 'texts.en.title', '81 characters; at most 80'],
  ['an intro of 100 KB', { texts: { en: { intro: 'x'.repeat(100_000) } } }, 'texts.en.intro', '100000 characters; at most 300'],
  ['a newline', { texts: { en: { intro: 'one\ntwo' } } }, 'texts.en.intro', 'U+000A at position 3'],
  ['a right-to-left override', { texts: { he: { optedIn: 'א\u202Eב' } } }, 'texts.he.optedIn', 'U+202E'],
  ['a bidi isolate', { texts: { ar: { intro: 'x\u2066y\u2069' } } }, 'texts.ar.intro', 'U+2066'],
  ['a lone surrogate', { texts: { en: { intro: 'x\uD800y' } } }, 'texts.en.intro', 'U+D800'],
  ['a line separator', { texts: { en: { intro: 'x\u2028y' } } }, 'texts.en.intro', 'U+2028'],
  [
    'status lines that read the same',
    { texts: { en: { optedOut: 'you are currently  OPTED IN.' } } },
    'texts.en.optedOut',
    'reads the same as optedIn',
  ],
  [
    'buttons that read the same',
    { texts: { de: { optOutButton: 'Klick', optInButton: 'klick' } } },
    'texts.de.optInButton',
    'reads the same as optOutButton',
  ],
  [
    "a site's status line the same as the top level's other one",
    { texts: { en: { optedOut: 'Not counted.' } }, sites: { news: { ...news, texts: { en: { optedIn: 'Not counted.' } } } } },
    'sites.news.texts.en.optedIn',
    'reads the same as optedOut',
  ],
  ['sites as an array', { sites: [] }, 'sites', 'expected an object keyed by site id'],
  ['a site id with a space', { sites: { 'my news': news } }, 'sites["my news"]', 'not a site id'],
  ['a site id in capitals', { sites: { News: news } }, 'sites.News', 'not a site id'],
  [
    'a site id that is a prototype key',
    { sites: JSON.parse('{"__proto__": {"allowedOrigins": ["https://a.example"]}}') },
    'sites.__proto__',
    'not a site id',
  ],
  [
    'a site without origins',
    { sites: { news: {} } },
    'sites.news.allowedOrigins',
    'expected a non-empty array of origins (e.g. ["https://news.example.org"]), got nothing',
  ],
  ['a site with no origin', { sites: { news: { allowedOrigins: [] } } }, 'sites.news.allowedOrigins', 'non-empty'],
  [
    'a site with 101 origins',
    { sites: { news: { allowedOrigins: Array.from({ length: 101 }, (_, i) => `https://s${i}.example`) } } },
    'sites.news.allowedOrigins',
    '101 origins; at most 100',
  ],
  [
    '1001 sites',
    { sites: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`s${i}`, news])) },
    'sites',
    '1001 sites; at most 1000',
  ],
  [
    'an origin without scheme',
    { sites: { news: { allowedOrigins: ['https://a.example', 'news.example.org'] } } },
    'sites.news.allowedOrigins.1',
    '"news.example.org" is not an origin',
  ],
  [
    'an origin with a path',
    { sites: { news: { allowedOrigins: ['https://news.example.org/privacy'] } } },
    'sites.news.allowedOrigins.0',
    '"https://news.example.org/privacy" is not an origin; expected scheme, host and optional port, like https://example.org (did you mean https://news.example.org?)',
  ],
  ['a wildcard origin', { sites: { news: { allowedOrigins: ['*'] } } }, 'sites.news.allowedOrigins.0', '"*" is not an origin'],
  [
    'an unknown site key',
    { sites: { news: { ...news, origins: [] } } },
    'sites.news.origins',
    'unknown key; expected one of allowedOrigins, default, texts, theme',
  ],
  ['a bad default', { sites: { news: { ...news, default: 'maybe' } } }, 'sites.news.default', 'expected "in" or "out", got "maybe"'],
  ['a default as a boolean', { sites: { news: { ...news, default: true } } }, 'sites.news.default', 'got a boolean'],
  [
    'a colour name',
    { sites: { news: { ...news, theme: { fontColor: 'red' } } } },
    'sites.news.theme.fontColor',
    '"red": expected a hex colour',
  ],
  [
    'a font family that leaves its declaration',
    { sites: { news: { ...news, theme: { fontFamily: 'a;}</style><script>' } } } },
    'sites.news.theme.fontFamily',
    'expected family names',
  ],
  [
    'a theme key that is not theming',
    { sites: { news: { ...news, theme: { lang: 'de' } } } },
    'sites.news.theme.lang',
    'unknown key; expected one of fontColor,',
  ],
  [
    'a long site text',
    { sites: { news: { ...news, texts: { de: { intro: 'ü'.repeat(301) } } } } },
    'sites.news.texts.de.intro',
    '301 characters; at most 300',
  ],
];

describe('loadConfigFile: a bad file stops start-up with one line', () => {
  it.each(BAD_FILES)('%s → %s', (_what, content, keyPath, fragment) => {
    const error = failure(content);
    expect(error.keyPath).toBe(keyPath);
    expect(error.problem).toContain(fragment);
    expect(error.message).toBe(`${quote(error.file)}: ${keyPath ? `${keyPath}: ` : ''}${error.problem}`);
    expect(error.message).not.toMatch(/[\n\r\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
  });

  it('a missing file, a folder and an oversized file are named with the reason', () => {
    const missing = join(configDir(), 'missing.json');
    expect(() => loadConfigFile(missing)).toThrow(`${JSON.stringify(missing)}: cannot be read (ENOENT)`);
    const folder = join(configDir(), 'folder.json');
    mkdirSync(folder);
    expect(() => loadConfigFile(folder)).toThrow(/: (cannot be read \(EISDIR\)|is not valid JSON)/);
    const big = writeConfig(' '.repeat(MAX_FILE_BYTES + 1));
    expect(() => loadConfigFile(big)).toThrow(`: ${MAX_FILE_BYTES + 1} bytes; at most ${MAX_FILE_BYTES}`);
  });

  it('JSON that quotes hostile bytes in its parse error still gives one clean line', () => {
    const error = failure('{"texts": \u202E\n<script>');
    expect(error.keyPath).toBe('');
    expect(error.message).not.toMatch(/[\n\u202E]/);
  });
});

describe('loadConfig with OPTOUT_CONFIG', () => {
  it('carries the file; without the variable there is none', () => {
    expect(loadConfig({ OPTOUT_CONFIG: writeConfig(CONTRACT_EXAMPLE) }).configFile?.sites.get('news')?.id).toBe('news');
    expect(loadConfig({}).configFile).toBeUndefined();
    expect(loadConfig({ OPTOUT_CONFIG: '' }).configFile).toBeUndefined();
  });

  it('a bad file is a ConfigError naming OPTOUT_CONFIG, the file and the key, next to the other bad variables', () => {
    const path = writeConfig({ sites: { news: { ...news, texts: { de: { intro: '' } } } } });
    let caught: unknown;
    try {
      loadConfig({ OPTOUT_CONFIG: path, OPTOUT_DEFAULT: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toMatch(
      new RegExp(
        `^OPTOUT_DEFAULT: .*; OPTOUT_CONFIG: ${JSON.stringify(path).replace(/[.\\]/g, '\\$&')}: sites\\.news\\.texts\\.de\\.intro: empty`,
      ),
    );
  });
});

describe('the text rules', () => {
  it('every shipped text passes them, so an owner can always restate a shipped text', () => {
    for (const language of shippedLanguages) {
      for (const key of TEXT_KEYS) expect(textProblem(key, language.texts[key]), `${language.tag}.${key}`).toBeUndefined();
    }
  });

  it("every shipped language's status lines and buttons read differently (so only overridden languages need checking)", () => {
    for (const language of shippedLanguages) {
      for (const [a, b] of DISTINCT_PAIRS) expect(sameText(language.texts[a], language.texts[b]), `${language.tag}: ${a}/${b}`).toBe(false);
    }
  });

  it('merge: shipped, then each layer in order; the shipped object itself when nothing applies', () => {
    const top = new Map([['en', { intro: 'Top.', title: 'Top title' }]]);
    const site = new Map([['en', { intro: 'Site.' }]]);
    expect(mergeTexts(en, [top, site])).toEqual({ ...en.texts, intro: 'Site.', title: 'Top title' });
    expect(mergeTexts(en, [undefined, new Map()])).toBe(en.texts);
  });

  it('key paths and quoted values are printable on one line', () => {
    expect(formatKeyPath(['sites', 'news', 'texts', 'de', 'intro'])).toBe('sites.news.texts.de.intro');
    expect(formatKeyPath(['sites', 'a.b\n'])).toBe('sites["a.b\\n"]');
    expect(quote('a\u202Eb\u2028')).toBe('"a\\u202eb\\u2028"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
  });
});

describe('the example files people copy', () => {
  it('the OPTOUT_CONFIG examples in docs/examples/ and demo/optout.example.json load as they are', () => {
    const examples = new URL('../../docs/examples/', import.meta.url);
    const files = readdirSync(examples).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(() => loadConfigFile(new URL(file, examples).pathname)).not.toThrow();
    const demo = loadConfigFile(new URL('../../demo/optout.example.json', import.meta.url).pathname);
    expect([...demo.sites.keys()]).toEqual(['demo', 'shop']);
  });
});
