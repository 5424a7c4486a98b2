// The state rules and the cookie format shared by host and frame.
import { describe, expect, it } from 'vitest';
import { choiceCookie, cookieChoice, parseChoice, readCookie, resolveState } from './choice.js';

describe('resolveState', () => {
  it.each([
    [
      { choice: undefined, gpc: false, defaultState: 'in' },
      { optedOut: false, reason: 'default' },
    ],
    [
      { choice: undefined, gpc: false, defaultState: 'out' },
      { optedOut: true, reason: 'default' },
    ],
    [
      { choice: true, gpc: false, defaultState: 'in' },
      { optedOut: true, reason: 'choice' },
    ],
    [
      { choice: false, gpc: false, defaultState: 'out' },
      { optedOut: false, reason: 'choice' },
    ],
    [
      { choice: false, gpc: true, defaultState: 'in' },
      { optedOut: true, reason: 'gpc' },
    ],
    [
      { choice: undefined, gpc: true, defaultState: 'in' },
      { optedOut: true, reason: 'gpc' },
    ],
  ] as const)('%o → %o', (inputs, expected) => {
    expect(resolveState(inputs)).toEqual(expected);
  });
});

describe('cookie', () => {
  it('writes a partitioned cross-site cookie that outlives nothing past 400 days', () => {
    expect(choiceCookie('optout', true)).toBe('optout=1; Max-Age=34560000; Path=/; SameSite=None; Secure; Partitioned');
  });

  it('reads only its own cookie and only known values', () => {
    expect(readCookie('a=1; optout=0; b=2', 'optout')).toBe('0');
    expect(readCookie('xoptout=1', 'optout')).toBeUndefined();
    expect(readCookie(undefined, 'optout')).toBeUndefined();
    expect(parseChoice('1')).toBe(true);
    expect(parseChoice('0')).toBe(false);
    expect(parseChoice('true')).toBeUndefined();
    expect(parseChoice(undefined)).toBeUndefined();
  });

  it('of several copies of the cookie (a sibling subdomain can add one, sent first), an opt-out wins', () => {
    expect(cookieChoice('optout=0; optout=1', 'optout')).toBe(true);
    expect(cookieChoice('optout=1; a=b; optout=0', 'optout')).toBe(true);
    expect(cookieChoice('optout=junk; optout=0', 'optout')).toBe(false);
    expect(cookieChoice('optout=0; optout=0', 'optout')).toBe(false);
    expect(cookieChoice('xoptout=1; optout=', 'optout')).toBeUndefined();
    expect(cookieChoice(undefined, 'optout')).toBeUndefined();
  });
});
