// The rule for pages without the widget, as a table: what page scripts know at once, and whether a frame is asked.
import { describe, expect, it } from 'vitest';
import type { OptOutState } from '../shared/choice.js';
import { DEFAULT_MAX_AGE, judgeMirror, parseMaxAge } from './mirror-freshness.js';

const now = 1_767_225_600;
const out: OptOutState = { optedOut: true, reason: 'choice' };
const in_: OptOutState = { optedOut: false, reason: 'choice' };
const defaultIn: OptOutState = { optedOut: false, reason: 'default' };
const defaultOut: OptOutState = { optedOut: true, reason: 'default' };
const gpc: OptOutState = { optedOut: true, reason: 'gpc' };
const age = (seconds: number) => now - seconds;

describe('judgeMirror', () => {
  // mirror state | confirmed (seconds ago; undefined = 0.1's form) | GPC sent | known at once | ask a frame
  it.each([
    ['no mirror (first view, cleared site data)', undefined, undefined, false, undefined, true],
    ['fresh opt-out', out, age(60), false, out, false],
    ['fresh opt-in', in_, age(60), false, in_, false],
    ['fresh default', defaultIn, age(DEFAULT_MAX_AGE - 1), false, defaultIn, false],
    ['stale opt-out: held until a frame answers', out, age(DEFAULT_MAX_AGE), false, out, true],
    ['stale opt-in: not trusted, trackers wait', in_, age(DEFAULT_MAX_AGE), false, undefined, true],
    ['stale default opt-in', defaultIn, age(DEFAULT_MAX_AGE + 3600), false, undefined, true],
    ['stale default opt-out (OPTOUT_DEFAULT=out)', defaultOut, age(DEFAULT_MAX_AGE), false, defaultOut, true],
    ["0.1's form, opt-out", out, undefined, false, out, true],
    ["0.1's form, opt-in", in_, undefined, false, undefined, true],
    ['confirmed in the future (clock set back)', in_, now + 60, false, undefined, true],
    ['GPC mirrored, signal stopped: held, asked at once', gpc, age(1), false, gpc, true],
    ['GPC turned on over a fresh opt-in: no request', in_, age(1), true, gpc, false],
    ['GPC turned on, no mirror: no request', undefined, undefined, true, gpc, false],
    ['GPC on, stale opt-in', in_, age(DEFAULT_MAX_AGE * 10), true, gpc, false],
  ] as const)('%s', (_name, state, confirmedAt, sendsGpc, known, ask) => {
    const mirror = state && (confirmedAt === undefined ? { state } : { state, confirmedAt });
    const verdict = judgeMirror({ mirror, now, maxAge: DEFAULT_MAX_AGE, gpc: sendsGpc });
    expect(verdict.known).toEqual(known);
    expect(verdict.ask).toBe(ask);
  });

  it('says when a fresh mirror goes stale, so an open page asks then', () => {
    expect(judgeMirror({ mirror: { state: in_, confirmedAt: age(100) }, now, maxAge: 600, gpc: false }).staleAt).toBe(now + 500);
    expect(judgeMirror({ mirror: { state: in_, confirmedAt: age(700) }, now, maxAge: 600, gpc: false }).staleAt).toBeUndefined();
  });

  it('with maxAge 0 always asks, as 0.1 did', () => {
    expect(judgeMirror({ mirror: { state: out, confirmedAt: now }, now, maxAge: 0, gpc: false })).toEqual({ known: out, ask: true });
  });
});

describe('parseMaxAge', () => {
  it.each([
    [1800, 1800],
    [0, 0],
    ['60', 60],
    [' 90 ', 90],
    ['2.5', 2.5],
    ['', undefined],
    ['abc', undefined],
    ['-1', undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['Infinity', undefined],
    [undefined, undefined],
    [null, undefined],
  ] as const)('%j → %j', (value, expected) => {
    expect(parseMaxAge(value)).toBe(expected);
  });
});
