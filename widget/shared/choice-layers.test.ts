// The merge rule as a table: what the cookie, the frame's storage and the site's mirror hold → the choice and what is written back.
import { describe, expect, it } from 'vitest';
import { mergeLayers, type StoredChoice } from './choice-layers.js';

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
