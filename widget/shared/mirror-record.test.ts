// The mirror record's stored form: strict both ways, so another script's value is never read as a state; the cookie-domain rule.
import { describe, expect, it } from 'vitest';
import { encodeMirror, isCookieDomain, parseMirror } from './mirror-record.js';

describe('the mirror record', () => {
  it('round-trips every state, with and without its confirmation time', () => {
    for (const optedOut of [true, false]) {
      for (const reason of ['choice', 'default', 'gpc'] as const) {
        expect(parseMirror(encodeMirror({ state: { optedOut, reason }, confirmedAt: 1767225600 }))).toEqual({
          state: { optedOut, reason },
          confirmedAt: 1767225600,
        });
        expect(parseMirror(encodeMirror({ state: { optedOut, reason } }))).toEqual({ state: { optedOut, reason } });
      }
    }
  });

  it("reads version 0.1's form as a state never confirmed", () => {
    expect(parseMirror('1:choice')).toEqual({ state: { optedOut: true, reason: 'choice' } });
    // A bare value, as the contract's "a value starting 1 or 0" allows: an unconfirmed choice.
    expect(parseMirror('1')).toEqual({ state: { optedOut: true, reason: 'choice' } });
    expect(parseMirror('0')).toEqual({ state: { optedOut: false, reason: 'choice' } });
    expect(parseMirror('0:default:1767225600')).toEqual({ state: { optedOut: false, reason: 'default' }, confirmedAt: 1767225600 });
  });

  it.each([
    null,
    undefined,
    '',
    '2',
    'true',
    '1:admin',
    ' 1:choice',
    '1:choice\n',
    '{"optedOut":true}',
    '1:choice:',
    '1:choice:-5',
    '1:choice:1.5',
    '1:choice:1e9',
    '1:choice:1767225600:x',
    '1:choice:1234567890123',
  ])('ignores %j', (value) => {
    expect(parseMirror(value)).toBeUndefined();
  });

  it('accepts auto, none and host names as a cookie domain, nothing that could add an attribute', () => {
    for (const domain of ['auto', 'none', 'example.org', '.example.org', 'xn--bcher-kva.example'])
      expect(isCookieDomain(domain)).toBe(true);
    for (const domain of ['', 'example.org; Secure', 'example.org\nx', 'exa mple.org', 'example..org', '*.example.org'])
      expect(isCookieDomain(domain)).toBe(false);
  });
});
