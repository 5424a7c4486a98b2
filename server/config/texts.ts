// What a site owner's frame text may be (plain text, bounded, no control characters) and how owners' texts merge over the shipped ones.
import type { FrameTexts, Language } from '../../widget/shared/i18n/index.js';

export type TextKey = keyof FrameTexts;

/** One language's overrides: any subset of the frame's texts. */
export type TextOverrides = Readonly<Partial<Record<TextKey, string>>>;

/** Overrides by shipped language tag (`en`, `pt`, …). */
export type TextsByLanguage = ReadonlyMap<string, TextOverrides>;

/**
 * Longest text per key, in code points. A title and a button label are read in one glance (and
 * a tab strip cuts titles), the sentences are one or two; the shipped texts use at most about
 * half of each. A bound also keeps a pasted document from becoming every frame's weight.
 */
export const TEXT_LIMITS: Readonly<Record<TextKey, number>> = Object.freeze({
  title: 80,
  intro: 300,
  optedIn: 300,
  optedOut: 300,
  optOutButton: 80,
  optInButton: 80,
  gpcHonoured: 300,
  storageBlocked: 300,
  storageAccessButton: 80,
});

export const TEXT_KEYS = Object.freeze(Object.keys(TEXT_LIMITS)) as readonly TextKey[];

/**
 * Refused in a text: C0/C1 controls (tabs and newlines too: HTML would fold them, and a line
 * break in a log line is a new line), lone surrogates, the line and paragraph separators, and
 * the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 * The frame sets `dir` from the language, so a text never needs those; an owner's text that
 * carries one can make the status line read as the opposite state (Trojan Source), and
 * refusing is simpler and safer than balancing them. Marks (U+200E, U+200F, U+061C) and joiners
 * (U+200C, U+200D, needed by Persian and emoji) are ordinary text and stay allowed.
 */
export const FORBIDDEN_IN_TEXT = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/** What is wrong with `value` as the text `key`, or undefined when it is fine. */
export function textProblem(key: TextKey, value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected a string, got ${describeJson(value)}`;
  const limit = TEXT_LIMITS[key];
  // Measured before spreading into code points, so a 100 MB value costs nothing more.
  const length = value.length > limit * 2 ? value.length : [...value].length;
  if (length > limit) return `${length} characters; at most ${limit}`;
  if (value.trim() === '') return 'empty; a text must say something (to hide the intro, embed with showIntro=0)';
  const forbidden = FORBIDDEN_IN_TEXT.exec(value);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0) ?? 0;
    return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${forbidden.index}; texts are plain text on one line`;
  }
  return undefined;
}

/** The JSON type of a value, for messages ("an array", "null", "a number"). */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `language`'s texts with each layer of overrides applied in order (later wins). */
export function mergeTexts(language: Language, layers: readonly (TextsByLanguage | undefined)[]): FrameTexts {
  const overrides = layers.map((layer) => layer?.get(language.tag)).filter((layer) => layer !== undefined);
  // The shipped object itself when nothing applies: most languages of most sites.
  if (overrides.length === 0) return language.texts;
  return Object.freeze(Object.assign({}, language.texts, ...overrides) as FrameTexts);
}

/** Texts that a reader would take for the same sentence: case, spacing and compatibility forms aside. */
export function sameText(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Pairs that must tell the two states apart: the status lines say which state the visitor is
 * in, the buttons what a click does. An override that makes a pair the same is refused.
 */
export const DISTINCT_PAIRS: ReadonlyArray<readonly [TextKey, TextKey]> = [
  ['optedIn', 'optedOut'],
  ['optOutButton', 'optInButton'],
];
