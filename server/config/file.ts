// OPTOUT_CONFIG: the site owners' JSON file (texts per language, one profile per site), described once as a valibot schema and checked at start-up.
import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import type { DefaultState } from '../../widget/shared/choice.js';
import { findLanguage, shippedLanguages } from '../../widget/shared/i18n/index.js';
import { isSiteId, parseFrameParams, ParamError } from '../../widget/shared/frame-params.js';
import { originProblem, parseOrigin } from './env.js';
import {
  describeJson,
  DISTINCT_PAIRS,
  FORBIDDEN_IN_TEXT,
  mergeTexts,
  sameText,
  TEXT_KEYS,
  textProblem,
  type TextOverrides,
  type TextsByLanguage,
} from './texts.js';

/** The `GET /optout` theming parameters a site may set defaults for. */
const THEME_KEYS = ['fontColor', 'backgroundColor', 'fontSize', 'fontFamily', 'theme'] as const;
/** Theming defaults as query values (already valid), merged under the request's own query. */
export type ThemeDefaults = Readonly<Partial<Record<(typeof THEME_KEYS)[number], string>>>;

export interface SiteProfile {
  /** The `site=<id>` that selects it. */
  readonly id: string;
  /** Origins that may embed it and talk to it; never empty. */
  readonly allowedOrigins: readonly string[];
  /** The state before any choice; undefined = the environment's `OPTOUT_DEFAULT`. */
  readonly defaultState: DefaultState | undefined;
  readonly texts: TextsByLanguage;
  readonly theme: ThemeDefaults;
}

export interface ConfigFile {
  /** The path it was read from, as given. */
  readonly path: string;
  /** Texts for every request, with or without `site=`. */
  readonly texts: TextsByLanguage;
  readonly sites: ReadonlyMap<string, SiteProfile>;
}

/** A file that cannot be used: `keyPath` (e.g. `sites.news.texts.de.intro`, empty for the whole file) and what is wrong. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly problem: string,
  ) {
    super(`${quote(file)}: ${keyPath ? `${keyPath}: ` : ''}${problem}`);
  }
}

/** Bounds, so a mistaken path (a log, a dump) fails fast instead of filling memory with frames. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_SITES = 1000;
const MAX_ORIGINS_PER_SITE = 100;

/** A value for a one-line message: JSON-quoted, cut at 60 characters, with no control or direction character left raw. */
export function quote(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const forbidden = new RegExp(FORBIDDEN_IN_TEXT.source, 'gu');
  return JSON.stringify(cut).replace(forbidden, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** `sites.news.texts.de.intro`; a segment that is not a plain name is quoted (`sites["a b"]`). */
export function formatKeyPath(path: readonly string[]): string {
  return path
    .map((segment, index) => (/^[A-Za-z0-9_-]+$/.test(segment) ? `${index ? '.' : ''}${segment}` : `[${quote(segment)}]`))
    .join('');
}

/** A bad value as a message shows it: a string quoted, anything else by its JSON type. */
const shown = (value: unknown) => (typeof value === 'string' ? quote(value) : describeJson(value));

type JsonObject = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object with only the keys of `entries` (valibot's objects accept arrays: refused first). */
function fields<const E extends v.ObjectEntries>(entries: E, expected: string) {
  const known = Object.keys(entries).join(', ');
  return v.pipe(
    v.custom<JsonObject>(isObject, (issue) => `expected ${expected}, got ${describeJson(issue.input)}`),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') return `unknown key; expected one of ${known}`;
      // A required key that is missing: what its own schema says of nothing.
      const key = String(issue.path?.at(-1)?.key);
      return v.safeParse(entries[key] as v.GenericSchema, undefined).issues?.[0].message ?? `missing; expected ${key}`;
    }),
  );
}

/**
 * A JSON object whose keys are names the owner chooses (languages, site ids) as a frozen Map,
 * each key checked by `keyProblem` and each value by `value`. Written out because valibot's
 * `record` skips `__proto__` and `constructor` silently, and a site may be called `constructor`.
 */
function keyed<T>(
  expected: string,
  keyProblem: (key: string) => string | undefined,
  value: v.GenericSchema<unknown, T>,
  max = { count: Infinity, noun: '' },
) {
  return v.pipe(
    v.custom<JsonObject>(isObject, (issue) => `expected ${expected}, got ${describeJson(issue.input)}`),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const entries = Object.entries(dataset.value);
      if (entries.length > max.count) addIssue({ message: `${entries.length} ${max.noun}; at most ${max.count}` });
      const out = new Map<string, T>();
      if (dataset.issues) return NEVER;
      for (const [key, raw] of entries) {
        const path: [v.ObjectPathItem] = [{ type: 'object', origin: 'value', input: dataset.value, key, value: raw }];
        const problem = keyProblem(key);
        if (problem) addIssue({ message: problem, path });
        const result = problem ? undefined : v.safeParse(value, raw, { abortEarly: true });
        for (const issue of result?.issues ?? []) addIssue({ message: issue.message, path: [...path, ...(issue.path ?? [])] });
        if (!result?.success) return NEVER;
        out.set(key, result.output);
      }
      return out as ReadonlyMap<string, T>;
    }),
  );
}

/** An object of optional strings, each checked by `problem` (what is wrong, or undefined), frozen. */
function checkedStrings<K extends string>(keys: readonly K[], problem: (key: K, value: unknown) => string | undefined, expected: string) {
  const entries = keys.map((key) => [
    key,
    v.optional(
      v.custom<string>(
        (value) => !problem(key, value),
        (issue) => problem(key, issue.input) ?? '',
      ),
    ),
  ]);
  return v.pipe(
    fields(Object.fromEntries(entries), `${expected} (${keys.join(', ')})`),
    v.transform((values) => Object.freeze(values) as Readonly<Partial<Record<K, string>>>),
  );
}

const textOverrides: v.GenericSchema<unknown, TextOverrides> = checkedStrings(TEXT_KEYS, textProblem, 'an object of texts');

const tags = shippedLanguages.map((language) => language.tag);
const textsByLanguage = keyed<TextOverrides>(
  'an object keyed by language tag (e.g. "en")',
  (tag) => {
    if (tags.includes(tag)) return undefined;
    const near = findLanguage(tag);
    return `not a shipped language tag (${near ? `did you mean "${near.tag}"?` : `shipped: ${tags.join(', ')}`})`;
  },
  textOverrides,
);

const EXAMPLE_ORIGINS = 'e.g. ["https://news.example.org"]';
const origins = v.pipe(
  // Without origins any page could frame the profile and ask it: that is what the top level is for.
  v.array(
    v.pipe(
      v.custom<string>(
        (raw) => typeof raw === 'string' && parseOrigin(raw) !== undefined,
        (issue) =>
          typeof issue.input === 'string'
            ? originProblem(issue.input, quote(issue.input))
            : `${shown(issue.input)} is not an origin; ${EXAMPLE_ORIGINS}`,
      ),
      v.transform((raw) => parseOrigin(raw) ?? raw),
    ),
    (issue) => `expected a non-empty array of origins (${EXAMPLE_ORIGINS}), got ${describeJson(issue.input)}`,
  ),
  v.minLength(1, `expected a non-empty array of origins (${EXAMPLE_ORIGINS}), got an empty one`),
  v.maxLength(MAX_ORIGINS_PER_SITE, (issue) => `${issue.input.length} origins; at most ${MAX_ORIGINS_PER_SITE}`),
  v.transform((list) => Object.freeze(list)),
);

/** What is wrong with `raw` as the theming parameter `key`: the very rules of the query, so a default is never what a query may not be. */
function themeProblem(key: string, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return `expected a string, got ${describeJson(raw)}`;
  try {
    parseFrameParams({ [key]: raw });
    return undefined;
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return `${quote(raw)}: expected ${error.accepts}`;
  }
}

const theme = checkedStrings(THEME_KEYS, themeProblem, 'an object of theming parameters');

const site = fields(
  {
    allowedOrigins: origins,
    default: v.optional(v.picklist(['in', 'out'], (issue) => `expected "in" or "out", got ${shown(issue.input)}`)),
    texts: v.optional(textsByLanguage),
    theme: v.optional(theme),
  },
  'an object with allowedOrigins and optionally default, texts, theme',
);

const sites = keyed(
  'an object keyed by site id',
  (id) => (isSiteId(id) ? undefined : 'not a site id; expected 1-63 lower-case letters, digits and "-", starting with a letter or digit'),
  site,
  { count: MAX_SITES, noun: 'sites' },
);

const file = fields({ texts: v.optional(textsByLanguage), sites: v.optional(sites) }, 'a JSON object with "texts" and/or "sites"');

/**
 * Every language of every layer still tells the states apart once merged over the shipped
 * texts (see DISTINCT_PAIRS); the error names the override of the pair that comes last.
 */
function checkDistinct(file: string, top: TextsByLanguage, sites: readonly SiteProfile[]): void {
  const layers = [
    { path: ['texts'], texts: [top] },
    ...sites.map((site) => ({ path: ['sites', site.id, 'texts'], texts: [top, site.texts] })),
  ];
  for (const layer of layers) {
    // Only a language some layer overrides can clash: the shipped pairs differ (file.test.ts).
    const overridden = new Set(layer.texts.flatMap((texts) => [...texts.keys()]));
    for (const language of shippedLanguages.filter((shipped) => overridden.has(shipped.tag))) {
      const merged = mergeTexts(language, layer.texts);
      const own = layer.texts.at(-1)?.get(language.tag);
      for (const [a, b] of DISTINCT_PAIRS) {
        // Only the layer that set one of the two is at fault; the top level's own clash is reported there.
        if (!sameText(merged[a], merged[b]) || (own?.[a] === undefined && own?.[b] === undefined)) continue;
        const key = own?.[b] !== undefined ? b : a;
        throw new ConfigFileError(
          file,
          formatKeyPath([...layer.path, language.tag, key]),
          `reads the same as ${key === a ? b : a} (${quote(merged[a])}); the two must tell the states apart`,
        );
      }
    }
  }
}

/** Validates the parsed JSON of the file; throws `ConfigFileError` for the first bad key. */
function parseConfig(json: unknown, path: string): ConfigFile {
  const result = v.safeParse(file, json, { abortEarly: true });
  if (!result.success) {
    const [issue] = result.issues;
    throw new ConfigFileError(path, formatKeyPath((issue.path ?? []).map((item) => String(item.key))), issue.message);
  }
  const profiles = [...(result.output.sites ?? new Map()).entries()].map(([id, entry]) =>
    Object.freeze({
      id,
      allowedOrigins: entry.allowedOrigins,
      defaultState: entry.default,
      texts: entry.texts ?? new Map(),
      theme: entry.theme ?? Object.freeze({}),
    }),
  );
  const texts = result.output.texts ?? new Map<string, TextOverrides>();
  checkDistinct(path, texts, profiles);
  return Object.freeze({ path, texts, sites: new Map(profiles.map((profile) => [profile.id, profile])) });
}

/** The file's text, or a one-line reason it cannot be read. */
function readText(path: string): string {
  const refuse = (problem: string) => new ConfigFileError(path, '', problem);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw refuse(`${size} bytes; at most ${MAX_FILE_BYTES}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ConfigFileError) throw error;
    throw refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  try {
    // A leading byte-order mark (some editors write one) is not part of the JSON.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse('is not UTF-8 text');
  }
}

/** Reads, parses and validates the file at `path`; throws `ConfigFileError` naming the first problem. */
export function loadConfigFile(path: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (error) {
    if (error instanceof ConfigFileError) throw error;
    // V8's message can quote the file's own bytes; keep only a quoted, one-line version.
    throw new ConfigFileError(path, '', `is not valid JSON: ${quote((error as Error).message).slice(1, -1)}`);
  }
  return parseConfig(json, path);
}
