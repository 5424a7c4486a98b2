// The shipped languages and the negotiation that picks one for a request.
import { ar } from './ar.js';
import { bg } from './bg.js';
import { bn } from './bn.js';
import { ca } from './ca.js';
import { cs } from './cs.js';
import { da } from './da.js';
import { de } from './de.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { et } from './et.js';
import { eu } from './eu.js';
import { fa } from './fa.js';
import { fi } from './fi.js';
import { fil } from './fil.js';
import { fr } from './fr.js';
import { ga } from './ga.js';
import { gl } from './gl.js';
import { he } from './he.js';
import { hi } from './hi.js';
import { hr } from './hr.js';
import { hu } from './hu.js';
import { id } from './id.js';
import { is } from './is.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { lt } from './lt.js';
import { lv } from './lv.js';
import { matchLanguageTag } from './match.js';
import { ms } from './ms.js';
import { mt } from './mt.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ptPT } from './pt-PT.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import { sk } from './sk.js';
import { sl } from './sl.js';
import { sr } from './sr.js';
import { srLatn } from './sr-Latn.js';
import { sv } from './sv.js';
import { sw } from './sw.js';
import { th } from './th.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { ur } from './ur.js';
import { vi } from './vi.js';
import { zh } from './zh.js';
import type { Language } from './texts.js';

export type { FrameTexts, Language } from './texts.js';

/**
 * Every shipped language, in the order the embed-code builder lists them. Adding a language is
 * one file (`<tag>.ts` exporting a `Language`) plus its import and its name in this list.
 * Only the host imports this module: the frame receives its one language in the boot JSON.
 */
export const shippedLanguages: readonly Language[] = [
  en,
  ar,
  bg,
  bn,
  ca,
  cs,
  da,
  de,
  el,
  es,
  et,
  eu,
  fa,
  fi,
  fil,
  fr,
  ga,
  gl,
  he,
  hi,
  hr,
  hu,
  id,
  is,
  it,
  ja,
  ko,
  lt,
  lv,
  ms,
  mt,
  nb,
  nl,
  pl,
  pt,
  ptPT,
  ro,
  ru,
  sk,
  sl,
  sr,
  srLatn,
  sv,
  sw,
  th,
  tr,
  uk,
  ur,
  vi,
  zh,
];

/** Every shipped language by lower-case tag and alias. */
export const languages: ReadonlyMap<string, Language> = new Map(
  shippedLanguages.flatMap((language) => [language.tag, ...(language.aliases ?? [])].map((tag) => [tag.toLowerCase(), language] as const)),
);

export const fallbackLanguage = en;

/** Finds a shipped language for one BCP 47 tag: the whole tag, then shorter and shorter prefixes (`sr-Latn-RS` → `sr-Latn`). */
export function findLanguage(tag: string): Language | undefined {
  return matchLanguageTag(tag, languages);
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
