// Reads and writes the visitor's choice from inside the frame: the host's partitioned cookie and the frame's own storage.
import { choiceCookie, cookieChoice, encodeChoice, parseChoice, readCookie, storageKey } from '../shared/choice.js';

export interface ChoiceStore {
  /** The stored choice, or `undefined` when there is none (or storage is unreadable). */
  read(): boolean | undefined;
  /** Stores a choice; returns whether it could be stored. */
  write(optedOut: boolean): boolean;
  /** Whether this layer can keep anything at all here, tested without touching the choice. */
  canStore(): boolean;
}

/** The frame's cookie. Every storage API may throw in a third-party frame, so each call is guarded. */
export function cookieChoiceStore(doc: Document, name: string): ChoiceStore {
  const read = (): boolean | undefined => {
    try {
      return cookieChoice(doc.cookie, name);
    } catch {
      return undefined;
    }
  };
  return {
    read,
    write(optedOut) {
      try {
        doc.cookie = choiceCookie(name, optedOut);
      } catch {
        return false;
      }
      return read() === optedOut;
    },
    canStore() {
      // A short-lived probe cookie with the same attributes as the choice: a browser that
      // refuses it (cookies blocked for the host) refuses the choice too.
      const probe = `${name}-probe`;
      const attributes = 'Path=/; SameSite=None; Secure; Partitioned';
      try {
        doc.cookie = `${probe}=1; Max-Age=60; ${attributes}`;
        const kept = readCookie(doc.cookie, probe) === '1';
        doc.cookie = `${probe}=; Max-Age=0; ${attributes}`;
        return kept;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The frame's `localStorage` (partitioned by the embedding site in current browsers). Merely
 * reading `window.localStorage` throws `SecurityError` where the browser blocks it, so the
 * storage is fetched inside the guard on every call.
 */
export function webStorageChoiceStore(storage: () => Storage, key: string): ChoiceStore {
  return {
    read() {
      try {
        return parseChoice(storage().getItem(key));
      } catch {
        return undefined;
      }
    },
    write(optedOut) {
      try {
        storage().setItem(key, encodeChoice(optedOut));
        return storage().getItem(key) === encodeChoice(optedOut);
      } catch {
        return false;
      }
    },
    canStore() {
      const probe = `${key}-probe`;
      try {
        storage().setItem(probe, '1');
        const kept = storage().getItem(probe) === '1';
        storage().removeItem(probe);
        return kept;
      } catch {
        return false;
      }
    },
  };
}

/** The layers a frame document keeps its choice in, by name. */
export function frameChoiceStores(win: Window, cookieName: string): Record<'cookie' | 'localStorage', ChoiceStore> {
  return {
    cookie: cookieChoiceStore(win.document, cookieName),
    localStorage: webStorageChoiceStore(() => win.localStorage, storageKey(cookieName)),
  };
}
