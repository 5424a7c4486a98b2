// Serbian frame texts in Latin script (LTR): transliterated from the Cyrillic `sr`, so the two never drift apart.
import { sr } from './sr.js';
import type { FrameTexts, Language } from './texts.js';

/** Serbian Cyrillic → Latin (gajica), letter by letter; the mapping is one to one in Serbian. */
const cyrillicToLatin: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
};

/** Transliterates one text; a capital becomes a capital (`Љ` → `Lj`, as at the start of a word). */
export function toSerbianLatin(text: string): string {
  return [...text]
    .map((letter) => {
      const lower = letter.toLowerCase();
      const latin = cyrillicToLatin[lower];
      if (latin === undefined) return letter;
      return letter === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

const texts = Object.fromEntries(Object.entries(sr.texts).map(([key, text]) => [key, toSerbianLatin(text)])) as unknown as FrameTexts;

export const srLatn: Language = {
  tag: 'sr-Latn',
  name: toSerbianLatin(sr.name),
  dir: 'ltr',
  texts,
};
