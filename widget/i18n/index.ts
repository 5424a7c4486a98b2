// The shipped languages and the negotiation that picks one for a request.
import { en } from './en.js';
import type { Language } from './texts.js';

export type { FrameTexts, Language } from './texts.js';

/** Every shipped language by lower-case tag. Adding a language is one file plus one line here. */
export const languages: ReadonlyMap<string, Language> = new Map(
  [en].map((language) => [language.tag.toLowerCase(), language]),
);

export const fallbackLanguage = en;

/** Finds a shipped language for one BCP 47 tag: exact match, then its primary subtag. */
export function findLanguage(tag: string): Language | undefined {
  const lower = tag.trim().toLowerCase();
  return languages.get(lower) ?? languages.get(lower.split('-')[0] ?? '');
}

/** Parses `Accept-Language` into tags ordered by quality (highest first, stable). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** Picks the language: an explicit tag wins, `auto` asks `Accept-Language`, English last. */
export function negotiateLanguage(requested: string, acceptLanguage: string | undefined): Language {
  const candidates = requested === 'auto' ? parseAcceptLanguage(acceptLanguage) : [requested];
  for (const tag of candidates) {
    const language = findLanguage(tag);
    if (language) return language;
  }
  return fallbackLanguage;
}
