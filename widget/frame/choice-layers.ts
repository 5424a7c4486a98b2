// The choice in the frame's own layers (the host's partitioned cookie, the frame's storage): merged on load by the shared rule, written to every layer on a choice, with GPC and the site's default on top.
import type { MessagingBoot } from '../shared/boot.js';
import {
  choiceCookie,
  cookieChoice,
  encodeChoice,
  mergeLayers,
  parseChoice,
  readCookie,
  resolveState,
  storageKey,
  type DefaultState,
  type OptOutState,
  type StoredChoice,
} from '../shared/choice.js';
import { browserSendsGpc } from '../shared/gpc.js';

/**
 * Opens the choice from the frame's own layers. GPC counts when either the host saw the
 * header or the script sees the property, so the script never disagrees with the first HTML.
 */
export function openFrameChoice(win: Window, boot: MessagingBoot): ChoiceKeeper {
  return openChoiceKeeper({
    stores: frameChoiceStores(win, boot.cookieName),
    gpc: boot.state.reason === 'gpc' || browserSendsGpc(win.navigator),
    defaultState: boot.defaultState,
  });
}

export interface ChoiceKeeperOptions<Name extends string> {
  /** The frame's own layers (host cookie, frame storage), by name. */
  readonly stores: Readonly<Record<Name, ChoiceStore>>;
  /** The browser sends Global Privacy Control (header seen by the host, or the navigator property). */
  readonly gpc: boolean;
  readonly defaultState: DefaultState;
}

export interface ChoiceKeeper {
  /** The state now, from the merged layers, GPC and the site's default. */
  readonly state: OptOutState;
  /** Whether at least one layer can keep a choice; `false` means a toggle here would lie. */
  readonly canStore: boolean;
  /** Records a choice (the visitor's click, or a page's opt-out) in every layer; returns the new state. */
  choose(optedOut: boolean): OptOutState;
  /**
   * Reads the layers again (another tab may have written them) and applies the merge rule;
   * `undefined` when they hold no choice, so a choice kept only in memory (nothing can be
   * stored, or the site's mirror restored it) stands.
   */
  refresh(): OptOutState | undefined;
}

/**
 * Reads every layer once and applies the merge rule: an opt-out found anywhere is written back
 * to the other layers. A stored choice is also rewritten to every layer on each load, which
 * renews the cookie's 400-day lifetime even when the frame is served by a static host.
 */
export function openChoiceKeeper<Name extends string>(options: ChoiceKeeperOptions<Name>): ChoiceKeeper {
  const names = Object.keys(options.stores) as Name[];
  const readAll = (): Record<Name, StoredChoice> => {
    const frame = {} as Record<Name, StoredChoice>;
    for (const name of names) frame[name] = options.stores[name].read();
    return frame;
  };
  const writeAll = (optedOut: boolean, to: readonly Name[] = names): void => {
    for (const name of to) options.stores[name].write(optedOut);
  };

  let choice = mergeLayers({ frame: readAll() }).choice;
  if (choice !== undefined) writeAll(choice);
  const canStore = names.some((name) => options.stores[name].canStore());
  const state = (): OptOutState => resolveState({ choice, gpc: options.gpc, defaultState: options.defaultState });

  return {
    get state() {
      return state();
    },
    canStore,
    choose(optedOut) {
      choice = optedOut;
      writeAll(optedOut);
      return state();
    },
    refresh() {
      const merged = mergeLayers({ frame: readAll() });
      if (merged.choice === undefined) return undefined;
      choice = merged.choice;
      writeAll(
        choice,
        merged.stale.filter((name): name is Name => name !== 'mirror'),
      );
      return state();
    },
  };
}

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
function frameChoiceStores(win: Window, cookieName: string): Record<'cookie' | 'localStorage', ChoiceStore> {
  return {
    cookie: cookieChoiceStore(win.document, cookieName),
    localStorage: webStorageChoiceStore(() => win.localStorage, storageKey(cookieName)),
  };
}
