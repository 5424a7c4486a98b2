// The first-party mirror's stored form: strict both ways, so another script's value is never read as a state.
import { describe, expect, it } from 'vitest';
import { encodeMirror, mirrorKey, parseMirror } from './client-mirror.js';

describe('client mirror', () => {
  it('round-trips every state', () => {
    for (const optedOut of [true, false]) {
      for (const reason of ['choice', 'default', 'gpc'] as const) {
        expect(parseMirror(encodeMirror({ optedOut, reason }))).toEqual({ optedOut, reason });
      }
    }
  });

  it.each([null, undefined, '', '1', 'true', '1:admin', ' 1:choice', '1:choice\n', '{"optedOut":true}'])('ignores %j', (value) => {
    expect(parseMirror(value)).toBeUndefined();
  });

  it('keys by host origin', () => {
    expect(mirrorKey('https://optout.example.org')).toBe('optout-frame:https://optout.example.org');
  });
});
