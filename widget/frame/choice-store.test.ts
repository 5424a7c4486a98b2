// The frame's storage layers survive every storage API throwing, and tell a refused write from a kept one.
import { describe, expect, it } from 'vitest';
import { cookieChoiceStore, webStorageChoiceStore } from './choice-store.js';

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
