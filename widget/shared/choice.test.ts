// The state rules, the cookie format shared by host and frame, and the merge rule as a table: what the cookie, the frame's storage and the site's mirror hold → the choice and what is written back.
import { describe, expect, it } from 'vitest';
import { choiceCookie, cookieChoice, mergeLayers, parseChoice, readCookie, resolveState, type StoredChoice } from './choice.js';

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

type Cell = 'out' | 'in' | '-';
const stored = (cell: Cell): StoredChoice => (cell === '-' ? undefined : cell === 'out');

// cookie | frame storage | mirror  →  choice | layers written back
const table: readonly [Cell, Cell, Cell, Cell, string][] = [
  // Nothing anywhere: no choice, nothing forced.
  ['-', '-', '-', '-', ''],
  // One layer holds an opt-out: it wins and is written to the others.
  ['out', '-', '-', 'out', 'storage mirror'],
  ['-', 'out', '-', 'out', 'cookie mirror'],
  ['-', '-', 'out', 'out', 'cookie storage'],
  // The frame lost its cookie but its storage or the mirror kept the opt-out.
  ['-', 'out', 'out', 'out', 'cookie'],
  // Layers disagree inside the frame: the opt-out wins over an opt-in.
  ['in', 'out', '-', 'out', 'cookie mirror'],
  ['out', 'in', 'in', 'out', 'storage mirror'],
  ['out', 'out', 'in', 'out', 'mirror'],
  // Every layer agrees: nothing to write.
  ['out', 'out', 'out', 'out', ''],
  ['in', 'in', 'in', 'in', ''],
  // An opt-in the visitor clicked in the frame reaches the layers that have none.
  ['in', '-', '-', 'in', 'storage mirror'],
  ['-', 'in', '-', 'in', 'cookie mirror'],
  // The visitor opted back in on a page without the client: the frame's opt-in is newer
  // than the mirror's opt-out, which is corrected.
  ['in', '-', 'out', 'in', 'storage mirror'],
  ['in', 'in', 'out', 'in', 'mirror'],
  // An opt-in found only in the mirror is not forced back: a page may not opt anyone in.
  ['-', '-', 'in', '-', ''],
];

describe('mergeLayers', () => {
  it.each(table)('cookie %s, storage %s, mirror %s → %s, write back [%s]', (cookie, storage, mirror, choice, stale) => {
    const merged = mergeLayers({ frame: { cookie: stored(cookie), storage: stored(storage) }, mirror: stored(mirror) });
    expect(merged.choice).toBe(stored(choice));
    expect(merged.stale.join(' ')).toBe(stale);
  });

  it('leaves the mirror out of the write-back when it was not asked about (inside the frame)', () => {
    expect(mergeLayers({ frame: { cookie: true, storage: undefined } })).toEqual({ choice: true, stale: ['storage'] });
    expect(mergeLayers({ frame: { cookie: undefined, storage: false } })).toEqual({ choice: false, stale: ['cookie'] });
  });
});
