// The frame's layers: each survives every storage API throwing and tells a refused write from a kept one; the keeper over fake layers merges on load, writes back, renews, and honours blocked storage, GPC and the default.
import { describe, expect, it } from 'vitest';
import { cookieChoiceStore, openChoiceKeeper, webStorageChoiceStore, type ChoiceStore } from './choice-layers.js';

/** A `document.cookie` that keeps cookies like a browser, or refuses them all (cookies blocked for the host). */
function cookieDocument(accepts: boolean): Document {
  const jar = new Map<string, string>();
  return {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(line: string) {
      if (!accepts) return;
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    },
  } as unknown as Document;
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as unknown as Storage;
}

const throwing = (): Storage => {
  throw new DOMException("Failed to read the 'localStorage' property from 'Window'", 'SecurityError');
};

describe('cookieChoiceStore', () => {
  it('keeps a choice and leaves no probe behind', () => {
    const doc = cookieDocument(true);
    const store = cookieChoiceStore(doc, 'optout');
    expect(store.canStore()).toBe(true);
    expect(doc.cookie).toBe('');
    expect(store.write(true)).toBe(true);
    expect(store.read()).toBe(true);
  });

  it('says so when the browser refuses the cookie', () => {
    const store = cookieChoiceStore(cookieDocument(false), 'optout');
    expect(store.canStore()).toBe(false);
    expect(store.write(true)).toBe(false);
    expect(store.read()).toBeUndefined();
  });
});

describe('webStorageChoiceStore', () => {
  it('keeps a choice in working storage', () => {
    const storage = memoryStorage();
    const store = webStorageChoiceStore(() => storage, 'optout-frame:optout');
    expect(store.canStore()).toBe(true);
    expect(store.write(false)).toBe(true);
    expect(store.read()).toBe(false);
    expect(storage.getItem('optout-frame:optout')).toBe('0');
    expect(storage.getItem('optout-frame:optout-probe')).toBeNull();
  });

  it('survives storage that throws on access, as in a third-party frame', () => {
    const store = webStorageChoiceStore(throwing, 'optout-frame:optout');
    expect(store.canStore()).toBe(false);
    expect(store.write(true)).toBe(false);
    expect(store.read()).toBeUndefined();
  });

  it('reads junk as no choice', () => {
    const storage = memoryStorage();
    storage.setItem('k', 'true');
    expect(webStorageChoiceStore(() => storage, 'k').read()).toBeUndefined();
  });
});

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
