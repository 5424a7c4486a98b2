// The frame's choice keeper over fake layers: merge on load, write-back, renewal, blocked storage, GPC and the default.
import { describe, expect, it } from 'vitest';
import { openChoiceKeeper } from './choice-keeper.js';
import type { ChoiceStore } from './choice-store.js';

/** A layer in memory; `blocked` makes it behave like storage the browser refuses. */
function memoryStore(initial: boolean | undefined, blocked = false): ChoiceStore & { value: boolean | undefined; writes: number } {
  return {
    value: blocked ? undefined : initial,
    writes: 0,
    read() {
      return this.value;
    },
    write(optedOut) {
      this.writes += 1;
      if (blocked) return false;
      this.value = optedOut;
      return true;
    },
    canStore: () => !blocked,
  };
}

describe('openChoiceKeeper', () => {
  it('restores an opt-out from frame storage into the cookie', () => {
    const cookie = memoryStore(undefined);
    const storage = memoryStore(true);
    const keeper = openChoiceKeeper({ stores: { cookie, storage }, gpc: false, defaultState: 'in' });
    expect(keeper.state).toEqual({ optedOut: true, reason: 'choice' });
    expect(cookie.value).toBe(true);
  });

  it('renews a stored choice in every layer on load, and writes nothing without a choice', () => {
    const cookie = memoryStore(false);
    const storage = memoryStore(false);
    openChoiceKeeper({ stores: { cookie, storage }, gpc: false, defaultState: 'in' });
    expect([cookie.writes, storage.writes]).toEqual([1, 1]);

    const empty = memoryStore(undefined);
    const keeper = openChoiceKeeper({ stores: { cookie: empty }, gpc: false, defaultState: 'out' });
    expect(empty.writes).toBe(0);
    expect(keeper.state).toEqual({ optedOut: true, reason: 'default' });
  });

  it('writes a choice to every layer', () => {
    const cookie = memoryStore(undefined);
    const storage = memoryStore(undefined);
    const keeper = openChoiceKeeper({ stores: { cookie, storage }, gpc: false, defaultState: 'in' });
    expect(keeper.choose(true)).toEqual({ optedOut: true, reason: 'choice' });
    expect([cookie.value, storage.value]).toEqual([true, true]);
    expect(keeper.choose(false)).toEqual({ optedOut: false, reason: 'choice' });
    expect([cookie.value, storage.value]).toEqual([false, false]);
  });

  it('knows when no layer can keep anything', () => {
    const blocked = openChoiceKeeper({
      stores: { cookie: memoryStore(undefined, true), storage: memoryStore(undefined, true) },
      gpc: false,
      defaultState: 'in',
    });
    expect(blocked.canStore).toBe(false);
    const oneWorks = openChoiceKeeper({
      stores: { cookie: memoryStore(undefined, true), storage: memoryStore(undefined) },
      gpc: false,
      defaultState: 'in',
    });
    expect(oneWorks.canStore).toBe(true);
  });

  it('says gpc whatever is stored or chosen', () => {
    const keeper = openChoiceKeeper({ stores: { cookie: memoryStore(false) }, gpc: true, defaultState: 'in' });
    expect(keeper.state).toEqual({ optedOut: true, reason: 'gpc' });
    expect(keeper.choose(false)).toEqual({ optedOut: true, reason: 'gpc' });
    // A page's opt-out under GPC is stored as a choice and GPC stays the reason.
    expect(keeper.choose(true)).toEqual({ optedOut: true, reason: 'gpc' });
  });
});

describe('refresh', () => {
  it('sees what another tab wrote, applying the merge rule', () => {
    const cookie = memoryStore(undefined);
    const storage = memoryStore(undefined);
    const keeper = openChoiceKeeper({ stores: { cookie, storage }, gpc: false, defaultState: 'in' });
    expect(keeper.refresh()).toBeUndefined();
    cookie.value = true;
    expect(keeper.refresh()).toEqual({ optedOut: true, reason: 'choice' });
    expect(storage.value).toBe(true);
    expect(keeper.state).toEqual({ optedOut: true, reason: 'choice' });
  });

  it('leaves a choice kept only in memory standing when the layers hold nothing', () => {
    const keeper = openChoiceKeeper({ stores: { cookie: memoryStore(undefined, true) }, gpc: false, defaultState: 'in' });
    keeper.choose(true);
    expect(keeper.refresh()).toBeUndefined();
    expect(keeper.state).toEqual({ optedOut: true, reason: 'choice' });
  });
});
