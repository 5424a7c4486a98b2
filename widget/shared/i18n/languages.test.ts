// Every shipped language is complete, really translated, and reachable by its tag and aliases.
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { findLanguage, negotiateLanguage, shippedLanguages } from './index.js';
import { toSerbianLatin } from './sr-Latn.js';
import type { FrameTexts } from './texts.js';

const keys = Object.keys(en.texts) as (keyof FrameTexts)[];
const others = shippedLanguages.filter((language) => language !== en);

describe('shipped languages', () => {
  it('ship at least 45 languages, Arabic, Hebrew, Persian and Urdu laid out right to left', () => {
    expect(shippedLanguages.length).toBeGreaterThanOrEqual(45);
    for (const tag of ['ar', 'he', 'fa', 'ur']) expect(findLanguage(tag)?.dir).toBe('rtl');
    const rtl = shippedLanguages.filter((language) => language.dir === 'rtl').map((language) => language.tag);
    expect(rtl.sort()).toEqual(['ar', 'fa', 'he', 'ur']);
  });

  it('mark every language written in a right-to-left script as rtl, and no other', () => {
    // Hebrew, Arabic (with Persian and Urdu letters) and Syriac/Thaana/N'Ko blocks: U+0590–U+08FF.
    const rtlScript = /[\u0590-\u08ff]/;
    for (const language of shippedLanguages) {
      expect(language.dir, language.tag).toBe(rtlScript.test(language.texts.optedIn) ? 'rtl' : 'ltr');
    }
  });

  it('ship all 24 official languages of the EU, each under its own tag', () => {
    const eu = [
      'bg',
      'cs',
      'da',
      'de',
      'el',
      'en',
      'es',
      'et',
      'fi',
      'fr',
      'ga',
      'hr',
      'hu',
      'it',
      'lt',
      'lv',
      'mt',
      'nl',
      'pl',
      'pt-PT',
      'ro',
      'sk',
      'sl',
      'sv',
    ];
    expect(eu).toHaveLength(24);
    for (const tag of eu) expect(findLanguage(tag)?.tag, tag).toBe(tag);
  });

  it('have unique, well-formed tags and their own names', () => {
    const tags = shippedLanguages.map((language) => language.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const language of shippedLanguages) {
      expect(language.tag).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
      expect(language.name.trim()).not.toBe('');
    }
  });

  it.each(others.map((language) => [language.tag, language] as const))(
    '%s translates every text, none left empty or in English',
    (_tag, language) => {
      expect(Object.keys(language.texts).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = language.texts[key];
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toBe(en.texts[key]);
      }
      // Status and button texts are distinct, so the two states never read the same.
      const { optedIn, optedOut, optOutButton, optInButton } = language.texts;
      expect(new Set([optedIn, optedOut, optOutButton, optInButton]).size).toBe(4);
    },
  );

  it('no two languages share a status or button text (no copy of a neighbour left by mistake)', () => {
    const owner = new Map<string, string>();
    for (const language of shippedLanguages) {
      const { optedIn, optedOut, optOutButton, optInButton } = language.texts;
      for (const text of [optedIn, optedOut, optOutButton, optInButton]) {
        expect(owner.get(text), `${language.tag}: "${text}"`).toBeUndefined();
        owner.set(text, language.tag);
      }
    }
    expect(owner.size).toBe(shippedLanguages.length * 4);
  });

  it('finds a language by region subtag, alias and case', () => {
    expect(findLanguage('pt-BR')?.tag).toBe('pt');
    expect(findLanguage('DE-at')?.tag).toBe('de');
    expect(findLanguage('no')?.tag).toBe('nb');
    expect(findLanguage('iw')?.tag).toBe('he');
    expect(negotiateLanguage('auto', 'tlh, fa-IR;q=0.9, en;q=0.5').tag).toBe('fa');
  });

  it('writes Serbian in Latin script letter for letter from the Cyrillic text, leaving no Cyrillic', () => {
    expect(toSerbianLatin('Љубљана, Њива, Џеп, ђак, ћуп, чаша, жаба, шума')).toBe('Ljubljana, Njiva, Džep, đak, ćup, čaša, žaba, šuma');
    expect(toSerbianLatin('Global Privacy Control: 1')).toBe('Global Privacy Control: 1');
    const latin = findLanguage('sr-Latn');
    expect(latin?.name).toBe('Srpski');
    for (const text of Object.values(latin?.texts ?? {})) expect(text).not.toMatch(/[\u0400-\u04ff]/);
  });
});
