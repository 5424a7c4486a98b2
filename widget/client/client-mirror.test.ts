// The first-party mirror's stored form: strict both ways, so another script's value is never read as a state.
import { describe, expect, it } from 'vitest';
import { encodeMirror, parseMirror } from '../shared/mirror-cookie.js';
import { mirrorKey, mirrorRestoresOptOut } from './client-mirror.js';

describe('client mirror', () => {
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

  it('keys by host origin', () => {
    expect(mirrorKey('https://optout.example.org')).toBe('optout-frame:https://optout.example.org');
  });
});

describe('mirrorRestoresOptOut: the merge rule between the mirror and what the frame says', () => {
  const out = { optedOut: true, reason: 'choice' } as const;
  const in_ = { optedOut: false, reason: 'choice' } as const;
  const defaultIn = { optedOut: false, reason: 'default' } as const;
  const defaultOut = { optedOut: true, reason: 'default' } as const;
  const gpc = { optedOut: true, reason: 'gpc' } as const;

  // mirror | frame says | restore through the frame?
  it.each([
    [out, defaultIn, true], // the frame lost its cookie: the opt-out comes back
    [out, defaultOut, true], // OPTOUT_DEFAULT=out: restored as the visitor's choice
    [out, gpc, true], // kept as a choice for when the signal stops
    [out, out, false], // nothing lost
    [out, in_, false], // the visitor opted back in, in the frame, after the mirror learnt the opt-out
    [in_, defaultIn, false], // an opt-in is never forced back
    [in_, defaultOut, false],
    [defaultOut, defaultIn, false], // a default is no choice
    [gpc, defaultIn, false], // GPC is a signal, not a choice: it ends when the browser stops sending it
    [undefined, defaultIn, false],
  ] as const)('mirror %o, frame %o → %s', (mirror, frame, restore) => {
    expect(mirrorRestoresOptOut(mirror, frame)).toBe(restore);
  });
});
