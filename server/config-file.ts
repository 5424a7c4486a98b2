// OPTOUT_CONFIG: the site owners' JSON file (texts per language, one profile per site) read and validated once at start-up.
import { readFileSync, statSync } from 'node:fs';
import type { DefaultState } from '../widget/shared/choice.js';
import { findLanguage, shippedLanguages } from '../widget/shared/i18n/index.js';
import {
  DISTINCT_PAIRS,
  describeJson,
  FORBIDDEN_IN_TEXT,
  mergeTexts,
  sameText,
  TEXT_KEYS,
  textProblem,
  type TextKey,
  type TextOverrides,
  type TextsByLanguage,
} from './config-texts.js';
import { isSiteId, parseFrameParams, ParamError } from '../widget/shared/frame-params.js';
import { parseOrigin } from './parse-origin.js';

/** The `GET /optout` theming parameters a site may set defaults for. */
export const THEME_KEYS = Object.freeze(['fontColor', 'backgroundColor', 'fontSize', 'fontFamily', 'theme'] as const);
export type ThemeKey = (typeof THEME_KEYS)[number];
/** Theming defaults as query values (already valid), merged under the request's own query. */
export type ThemeDefaults = Readonly<Partial<Record<ThemeKey, string>>>;

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
export const MAX_SITES = 1000;
export const MAX_ORIGINS_PER_SITE = 100;
const SITE_KEYS = ['allowedOrigins', 'default', 'texts', 'theme'] as const;

/** Thrown inside the validation; `loadConfigFile` adds the file. */
class KeyProblem extends Error {
  constructor(
    readonly path: readonly string[],
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** A value for a one-line message: JSON-quoted, cut at 60 characters, with no control or direction character left raw. */
export function quote(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const forbidden = new RegExp(FORBIDDEN_IN_TEXT.source, 'gu');
  return JSON.stringify(cut).replace(forbidden, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** `sites.news.texts.de.intro`; a segment that is not a plain name is quoted (`sites["a b"]`). */
export function formatKeyPath(path: readonly string[]): string {
  return path.map((segment, index) => (/^[A-Za-z0-9_-]+$/.test(segment) ? `${index ? '.' : ''}${segment}` : `[${quote(segment)}]`)).join('');
}

type JsonObject = Readonly<Record<string, unknown>>;

function object(value: unknown, path: readonly string[], expected: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeyProblem(path, `expected ${expected}, got ${describeJson(value)}`);
  }
  return value as JsonObject;
}

function onlyKeys(value: JsonObject, path: readonly string[], known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new KeyProblem([...path, key], `unknown key; expected one of ${known.join(', ')}`);
  }
}

function parseTextOverrides(value: unknown, path: readonly string[]): TextOverrides {
  const texts = object(value, path, `an object of texts (${TEXT_KEYS.join(', ')})`);
  onlyKeys(texts, path, TEXT_KEYS);
  for (const [key, text] of Object.entries(texts)) {
    const problem = textProblem(key as TextKey, text);
    if (problem) throw new KeyProblem([...path, key], problem);
  }
  return Object.freeze({ ...texts }) as TextOverrides;
}

function parseTexts(value: unknown, path: readonly string[]): TextsByLanguage {
  const byLanguage = object(value, path, 'an object keyed by language tag (e.g. "en")');
  const tags = shippedLanguages.map((language) => language.tag);
  const texts = new Map<string, TextOverrides>();
  for (const [tag, overrides] of Object.entries(byLanguage)) {
    if (!tags.includes(tag)) {
      const near = findLanguage(tag);
      const hint = near ? `did you mean "${near.tag}"?` : `shipped: ${tags.join(', ')}`;
      throw new KeyProblem([...path, tag], `not a shipped language tag (${hint})`);
    }
    texts.set(tag, parseTextOverrides(overrides, [...path, tag]));
  }
  return texts;
}

function parseOrigins(value: unknown, path: readonly string[]): readonly string[] {
  const example = 'e.g. ["https://news.example.org"]';
  if (!Array.isArray(value) || value.length === 0) {
    // Without origins any page could frame the profile and ask it: that is what the top level is for.
    throw new KeyProblem(path, `expected a non-empty array of origins (${example}), got ${describeJson(value)}`);
  }
  if (value.length > MAX_ORIGINS_PER_SITE) throw new KeyProblem(path, `${value.length} origins; at most ${MAX_ORIGINS_PER_SITE}`);
  return Object.freeze(
    value.map((raw: unknown, index) => {
      const origin = typeof raw === 'string' ? parseOrigin(raw) : undefined;
      if (!origin) {
        const shown = typeof raw === 'string' ? quote(raw) : describeJson(raw);
        throw new KeyProblem([...path, String(index)], `${shown} is not an origin; expected scheme, host and optional port (${example})`);
      }
      return origin;
    }),
  );
}

function parseTheme(value: unknown, path: readonly string[]): ThemeDefaults {
  const theme = object(value, path, `an object of theming parameters (${THEME_KEYS.join(', ')})`);
  onlyKeys(theme, path, THEME_KEYS);
  for (const [key, raw] of Object.entries(theme)) {
    if (typeof raw !== 'string') throw new KeyProblem([...path, key], `expected a string, got ${describeJson(raw)}`);
    // The very rules of the query parameter, so a default can never be what a query may not be.
    try {
      parseFrameParams({ [key]: raw });
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      throw new KeyProblem([...path, key], `${quote(raw)}: expected ${error.accepts}`);
    }
  }
  return Object.freeze({ ...theme }) as ThemeDefaults;
}

function parseSite(id: string, value: unknown, path: readonly string[]): SiteProfile {
  if (!isSiteId(id)) {
    throw new KeyProblem(path, 'not a site id; expected 1-63 lower-case letters, digits and "-", starting with a letter or digit');
  }
  const site = object(value, path, 'an object with allowedOrigins and optionally default, texts, theme');
  onlyKeys(site, path, SITE_KEYS);
  const wanted = site.default;
  if (wanted !== undefined && wanted !== 'in' && wanted !== 'out') {
    throw new KeyProblem([...path, 'default'], `expected "in" or "out", got ${typeof wanted === 'string' ? quote(wanted) : describeJson(wanted)}`);
  }
  return Object.freeze({
    id,
    allowedOrigins: parseOrigins(site.allowedOrigins, [...path, 'allowedOrigins']),
    defaultState: wanted,
    texts: site.texts === undefined ? new Map() : parseTexts(site.texts, [...path, 'texts']),
    theme: site.theme === undefined ? Object.freeze({}) : parseTheme(site.theme, [...path, 'theme']),
  });
}

function parseSites(value: unknown): ReadonlyMap<string, SiteProfile> {
  const sites = object(value, ['sites'], 'an object keyed by site id');
  const entries = Object.entries(sites);
  if (entries.length > MAX_SITES) throw new KeyProblem(['sites'], `${entries.length} sites; at most ${MAX_SITES}`);
  return new Map(entries.map(([id, site]) => [id, parseSite(id, site, ['sites', id])]));
}

/**
 * Every language of every layer still tells the states apart once merged over the shipped
 * texts (see DISTINCT_PAIRS); the error names the override of the pair that comes last.
 */
function checkDistinct(top: TextsByLanguage, sites: ReadonlyMap<string, SiteProfile>): void {
  const layers: Array<{ path: readonly string[]; texts: readonly TextsByLanguage[] }> = [
    { path: ['texts'], texts: [top] },
    ...[...sites.values()].map((site) => ({ path: ['sites', site.id, 'texts'], texts: [top, site.texts] })),
  ];
  for (const layer of layers) {
    // Only a language some layer overrides can clash: the shipped pairs differ (config-file.test.ts).
    const overridden = new Set(layer.texts.flatMap((texts) => [...texts.keys()]));
    for (const language of shippedLanguages.filter((shipped) => overridden.has(shipped.tag))) {
      const merged = mergeTexts(language, layer.texts);
      for (const [a, b] of DISTINCT_PAIRS) {
        if (!sameText(merged[a], merged[b])) continue;
        const own = layer.texts.at(-1)?.get(language.tag);
        const key = own?.[b] !== undefined ? b : a;
        // Only the layer that set one of the two is at fault; the top level's own clash is reported there.
        if (own?.[a] === undefined && own?.[b] === undefined) continue;
        throw new KeyProblem([...layer.path, language.tag, key], `reads the same as ${key === a ? b : a} (${quote(merged[a])}); the two must tell the states apart`);
      }
    }
  }
}

/** Validates the parsed JSON of the file; throws `KeyProblem` for the first bad key. */
function parseConfig(json: unknown, path: string): ConfigFile {
  const root = object(json, [], 'a JSON object with "texts" and/or "sites"');
  onlyKeys(root, [], ['texts', 'sites']);
  const texts = root.texts === undefined ? new Map<string, TextOverrides>() : parseTexts(root.texts, ['texts']);
  const sites = root.sites === undefined ? new Map<string, SiteProfile>() : parseSites(root.sites);
  checkDistinct(texts, sites);
  return Object.freeze({ path, texts, sites });
}

/** The file's text, or a one-line reason it cannot be read. */
function readText(path: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new KeyProblem([], `${size} bytes; at most ${MAX_FILE_BYTES}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof KeyProblem) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new KeyProblem([], `cannot be read (${code})`);
  }
  try {
    // A leading byte-order mark (some editors write one) is not part of the JSON.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new KeyProblem([], 'is not UTF-8 text');
  }
}

/** Reads, parses and validates the file at `path`; throws `ConfigFileError` naming the first problem. */
export function loadConfigFile(path: string): ConfigFile {
  try {
    const text = readText(path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      // V8's message can quote the file's own bytes; keep only a quoted, one-line version.
      throw new KeyProblem([], `is not valid JSON: ${quote((error as Error).message).slice(1, -1)}`);
    }
    return parseConfig(json, path);
  } catch (error) {
    if (error instanceof KeyProblem) throw new ConfigFileError(path, formatKeyPath(error.path), error.problem);
    throw error;
  }
}
