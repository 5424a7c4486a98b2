// Language negotiation: explicit tag, Accept-Language by quality, English fallback.
import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage } from './index.js';

describe('language negotiation', () => {
  it('orders Accept-Language by quality, keeping order on ties', () => {
    expect(parseAcceptLanguage('fr;q=0.5, de, en-GB;q=0.8, *;q=0.1')).toEqual(['de', 'en-GB', 'fr']);
    expect(parseAcceptLanguage('xx;q=0, en')).toEqual(['en']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('falls back to English for unknown tags', () => {
    expect(negotiateLanguage('tlh', undefined).tag).toBe('en');
    expect(negotiateLanguage('auto', 'tlh, x-klingon').tag).toBe('en');
    expect(negotiateLanguage('en-AU', undefined).tag).toBe('en');
  });

  it('tells European from Brazilian Portuguese: pt-PT and the European-norm regions, pt and pt-BR Brazilian', () => {
    expect(negotiateLanguage('pt-PT', undefined).tag).toBe('pt-PT');
    expect(negotiateLanguage('pt-pt', undefined).tag).toBe('pt-PT');
    expect(negotiateLanguage('pt-AO', undefined).tag).toBe('pt-PT');
    expect(negotiateLanguage('pt-MZ', undefined).tag).toBe('pt-PT');
    expect(negotiateLanguage('pt-BR', undefined).tag).toBe('pt');
    expect(negotiateLanguage('pt', undefined).tag).toBe('pt');
    expect(negotiateLanguage('auto', 'pt-PT,pt;q=0.9,en;q=0.8').tag).toBe('pt-PT');
    expect(negotiateLanguage('auto', 'pt-BR,pt;q=0.9').tag).toBe('pt');
    // A Portuguese reader who asks for no region gets the one shipped as plain `pt`, Brazilian.
    expect(negotiateLanguage('auto', 'pt, en;q=0.5').tag).toBe('pt');
  });

  it('gives Serbian in Cyrillic for sr and sr-Cyrl, in Latin script for sr-Latn, with or without a region', () => {
    expect(negotiateLanguage('sr', undefined).tag).toBe('sr');
    expect(negotiateLanguage('sr-RS', undefined).tag).toBe('sr');
    expect(negotiateLanguage('sr-Cyrl', undefined).tag).toBe('sr');
    expect(negotiateLanguage('sr-Cyrl-RS', undefined).tag).toBe('sr');
    expect(negotiateLanguage('sr-Latn', undefined).tag).toBe('sr-Latn');
    expect(negotiateLanguage('sr-latn-rs', undefined).tag).toBe('sr-Latn');
    expect(negotiateLanguage('auto', 'sr-Latn-ME, en;q=0.5').tag).toBe('sr-Latn');
    expect(negotiateLanguage('sr-Latn', undefined).texts.optedIn).toBe('Trenutno učestvujete u merenju poseta.');
    expect(negotiateLanguage('sr', undefined).texts.optedIn).toBe('Тренутно учествујете у мерењу посета.');
  });

  it('picks Filipino for tl and fil, and the new languages by region', () => {
    expect(negotiateLanguage('tl', undefined).tag).toBe('fil');
    expect(negotiateLanguage('auto', 'tl-PH').tag).toBe('fil');
    expect(negotiateLanguage('FIL-ph', undefined).tag).toBe('fil');
    expect(negotiateLanguage('auto', 'ca-ES-valencia, es;q=0.5').tag).toBe('ca');
    expect(negotiateLanguage('auto', 'ur-PK').tag).toBe('ur');
    expect(negotiateLanguage('auto', 'ms-MY, id;q=0.5').tag).toBe('ms');
    expect(negotiateLanguage('auto', 'ga-IE, en-IE;q=0.8').tag).toBe('ga');
    expect(negotiateLanguage('auto', 'bn-IN').tag).toBe('bn');
    expect(negotiateLanguage('auto', 'sw-KE').tag).toBe('sw');
  });

  it('stops at a private-use or extension singleton and never matches a subtag alone', () => {
    expect(negotiateLanguage('de-x-sr', undefined).tag).toBe('de');
    expect(negotiateLanguage('en-u-sr', undefined).tag).toBe('en');
    expect(negotiateLanguage('x-sr', undefined).tag).toBe('en');
    expect(negotiateLanguage('xx-PT', undefined).tag).toBe('en');
    expect(negotiateLanguage('', undefined).tag).toBe('en');
  });
});
