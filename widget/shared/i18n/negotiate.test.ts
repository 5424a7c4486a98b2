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
});
