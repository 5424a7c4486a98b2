// Every shipped language is complete, really translated, and reachable by its tag and aliases.
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { findLanguage, negotiateLanguage, shippedLanguages } from './index.js';
import type { FrameTexts } from './texts.js';

const keys = Object.keys(en.texts) as (keyof FrameTexts)[];
const others = shippedLanguages.filter((language) => language !== en);

describe('shipped languages', () => {
  it('ship at least 20 languages, including Arabic, Hebrew and Persian laid out right to left', () => {
    expect(shippedLanguages.length).toBeGreaterThanOrEqual(20);
    for (const tag of ['ar', 'he', 'fa']) expect(findLanguage(tag)?.dir).toBe('rtl');
    const rtl = shippedLanguages.filter((language) => language.dir === 'rtl').map((language) => language.tag);
    expect(rtl.sort()).toEqual(['ar', 'fa', 'he']);
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

  it('finds a language by region subtag, alias and case', () => {
    expect(findLanguage('pt-BR')?.tag).toBe('pt');
    expect(findLanguage('DE-at')?.tag).toBe('de');
    expect(findLanguage('no')?.tag).toBe('nb');
    expect(findLanguage('iw')?.tag).toBe('he');
    expect(negotiateLanguage('auto', 'tlh, fa-IR;q=0.9, en;q=0.5').tag).toBe('fa');
  });
});
