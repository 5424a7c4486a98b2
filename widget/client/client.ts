// connectOptOut(): the page-side library; asks the opt-out frame (the visible one, or a hidden bridge) and hears its changes.
import type { OptOutState } from '../shared/choice.js';
import { mirrorKey, mirrorRestoresOptOut, parseMirror, readMirror, writeMirror } from './client-mirror.js';
import { browserSendsGpc } from '../shared/gpc.js';
import { parseFrameMessage, PROTOCOL } from '../shared/protocol.js';

export type { OptOutState, Reason } from '../shared/choice.js';

/** Why a request failed: no answer in time, the client was destroyed, the frame refused, a bad `host`. */
export type OptOutErrorCode = 'TIMEOUT' | 'DESTROYED' | 'FORBIDDEN' | 'REFUSED' | 'INVALID_HOST';

export class OptOutError extends Error {
  override readonly name = 'OptOutError';
  constructor(
    readonly code: OptOutErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ConnectOptions {
  /** The opt-out host: its origin (`https://optout.example.org`) or the URL it is mounted at. */
  readonly host: string;
  /** Milliseconds before an unanswered request rejects with `TIMEOUT` (default 3000). */
  readonly timeout?: number;
}

/** Called with `{ optedOut, reason }` at once (when a state is known) and on every change. */
export type OptOutSubscriber = (state: OptOutState) => void;

export interface OptOutClient {
  /** The last known state from the site's own mirror, synchronously; `undefined` before any answer. */
  readonly cached: boolean | undefined;
  /** Asks the frame; rejects with an `OptOutError` (e.g. `TIMEOUT`), never hangs. */
  isOptedOut(): Promise<boolean>;
  /** Calls `fn` now (if a state is known) and on every change; returns the unsubscribe function. */
  subscribe(fn: OptOutSubscriber): () => void;
  /** Opts the visitor out (a page can never opt in); resolves with the new state. */
  optOut(): Promise<OptOutState>;
  /** Removes every listener, timer and frame this client created; rejects pending calls. Idempotent. */
  destroy(): void;
}

interface PendingRequest {
  readonly type: 'get' | 'opt-out';
  readonly resolve: (state: OptOutState) => void;
  readonly reject: (error: OptOutError) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** The host's base URL, ending in `/`, so `optout` and `optout/bridge` resolve below it. */
function hostBase(host: string): URL {
  let base: URL | undefined;
  try {
    base = new URL(host.endsWith('/') ? host : `${host}/`);
  } catch {
    // handled below
  }
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:')) {
    throw new OptOutError('INVALID_HOST', `optout-frame: host must be an http(s) URL, got ${JSON.stringify(host)}`);
  }
  return base;
}

/**
 * Whether a frame has navigated away from its initial about:blank document. That document
 * shares the page's origin, so reading its location works; once the host's document is in,
 * the read throws (cross-origin), which is the sign that messages can be delivered.
 */
function hasLeftBlank(target: Window): boolean {
  try {
    return target.location.href !== 'about:blank';
  } catch {
    return true;
  }
}

/** The iframe's height for a content height, counting its border and padding under `border-box`. */
function frameHeight(iframe: HTMLIFrameElement, contentHeight: number): string {
  const style = getComputedStyle(iframe);
  const px = (value: string) => parseFloat(value) || 0;
  const extra =
    style.boxSizing === 'border-box'
      ? px(style.borderTopWidth) + px(style.borderBottomWidth) + px(style.paddingTop) + px(style.paddingBottom)
      : 0;
  return `${Math.ceil(contentHeight + extra)}px`;
}

export function connectOptOut({ host, timeout = 3000 }: ConnectOptions): OptOutClient {
  const base = hostBase(host);
  const hostOrigin = base.origin;
  const frameUrl = new URL('optout', base);
  const key = mirrorKey(hostOrigin);
  const idPrefix = Math.random().toString(36).slice(2, 10);
  const subscribers = new Set<OptOutSubscriber>();
  const pending = new Map<string, PendingRequest>();
  let known: OptOutState | undefined = readMirror(key);
  /** What the mirror held before the frame first spoke: the site's layer for the merge rule. */
  const mirrored = known;
  // The page sees the browser's GPC signal too: opted out before the frame answers, or if it never does.
  if (browserSendsGpc(navigator)) known = { optedOut: true, reason: 'gpc' };
  let heardFrame = false;
  /** The mirror's opt-out being written back to a frame that lost it (see `hear`). */
  let restoring: Promise<OptOutState> | undefined;
  let frame: HTMLIFrameElement | undefined;
  let bridge: HTMLIFrameElement | undefined;
  let requests = 0;
  let destroyed = false;

  /** A new state (from the frame or another tab): subscribers hear only real changes. */
  const update = (state: OptOutState) => {
    if (known && known.optedOut === state.optedOut && known.reason === state.reason) return;
    known = Object.freeze({ optedOut: state.optedOut, reason: state.reason });
    for (const fn of [...subscribers]) notify(fn, known);
  };
  const notify = (fn: OptOutSubscriber, state: OptOutState) => {
    try {
      fn(state);
    } catch (error) {
      // One broken subscriber must not stop the others; the error still reaches the console.
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  /** The frame said so: remember it first-party for the next page view, then tell subscribers. */
  const learn = (state: OptOutState) => {
    writeMirror(key, state);
    update(state);
  };

  /**
   * Every state the frame tells. The first is checked against the mirror (the merge rule): an
   * opt-out the frame lost (cleared cookies, storage blocked) is written back with `opt-out`, a
   * request any page may make, while a mirrored opt-in is never forced back. Until the restore
   * lands, no "opted in" reaches subscribers or callers, so trackers never start in between.
   */
  const hear = (state: OptOutState, id?: string) => {
    if (!heardFrame) {
      heardFrame = true;
      if (mirrorRestoresOptOut(mirrored, state)) {
        restoring = request('opt-out').finally(() => {
          restoring = undefined;
        });
        restoring.catch(() => undefined);
      }
    }
    if (restoring && !state.optedOut) {
      // A frame that cannot answer the restore leaves the mirror's opt-out as the answer.
      const held = restoring;
      if (id !== undefined) {
        held.then(
          (restored) => settle(id, { state: restored }),
          () => settle(id, { state: known ?? state }),
        );
      }
      return;
    }
    learn(state);
    if (id !== undefined) settle(id, { state: known ?? state });
  };

  const send = (id: string, type: PendingRequest['type']) => {
    // The page removed the frame (a single-page app moved on): talk to another one.
    if (frame && !frame.isConnected) attachFrame();
    const target = frame?.contentWindow;
    // A frame still on about:blank would drop the message and the browser would log an origin
    // mismatch on the site's console: wait, it is sent again on the frame's `load` and `ready`.
    if (target && hasLeftBlank(target)) target.postMessage({ protocol: PROTOCOL, type, id }, hostOrigin);
  };
  const resendPending = () => {
    for (const [id, request] of pending) send(id, request.type);
  };
  const settle = (id: string, outcome: { state: OptOutState } | { error: OptOutError }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    if ('state' in outcome) request.resolve(outcome.state);
    else request.reject(outcome.error);
  };

  const request = (type: PendingRequest['type']): Promise<OptOutState> => {
    if (destroyed) return Promise.reject(new OptOutError('DESTROYED', 'optout-frame: this client was destroyed'));
    return new Promise((resolve, reject) => {
      const id = `${idPrefix}-${++requests}`;
      const timer = setTimeout(
        () => settle(id, { error: new OptOutError('TIMEOUT', `optout-frame: no answer from ${hostOrigin} within ${timeout} ms`) }),
        timeout,
      );
      pending.set(id, { type, resolve, reject, timer });
      send(id, type);
    });
  };

  /** Sizes any of the host's visible frames on this page to its content (never the bridge). */
  const resize = (source: MessageEventSource | null, height: number) => {
    for (const iframe of document.getElementsByTagName('iframe')) {
      if (iframe !== bridge && iframe.contentWindow === source) iframe.style.height = frameHeight(iframe, height);
    }
  };

  const onMessage = (event: MessageEvent) => {
    // Origin and source first: only the frame this client talks to (or a visible frame, for resize).
    if (event.origin !== hostOrigin) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'resize') return resize(event.source, message.height);
    if (!frame || event.source !== frame.contentWindow) return;
    switch (message.type) {
      case 'ready':
        hear(message);
        resendPending();
        break;
      case 'change':
        hear(message);
        break;
      case 'status':
        hear(message, message.id);
        break;
      case 'error':
        settle(message.id, {
          error: new OptOutError(message.code === 'forbidden' ? 'FORBIDDEN' : 'REFUSED', message.message),
        });
        break;
    }
  };

  /** Another tab wrote the mirror (its frame told it of a change): same site, same visitor. */
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key) return;
    const state = parseMirror(event.newValue);
    if (state) update(state);
  };

  const isVisibleFrame = (iframe: HTMLIFrameElement) => {
    try {
      const url = new URL(iframe.src, location.href);
      return url.origin === hostOrigin && url.pathname === frameUrl.pathname;
    } catch {
      return false;
    }
  };

  /** Talks to the page's visible frame when it has one, else to a hidden bridge it creates. */
  const attachFrame = () => {
    document.removeEventListener('DOMContentLoaded', attachFrame);
    frame?.removeEventListener('load', resendPending);
    bridge?.remove();
    frame = bridge = undefined;
    if (destroyed) return;
    frame = [...document.getElementsByTagName('iframe')].find(isVisibleFrame);
    // A lazy frame below the fold would not load until scrolled to, and page scripts need the
    // state now.
    if (frame?.loading === 'lazy') frame.loading = 'eager';
    if (!frame) {
      bridge = frame = document.createElement('iframe');
      bridge.src = new URL('optout/bridge', base).href;
      bridge.title = 'optout-frame bridge';
      bridge.hidden = true;
      bridge.tabIndex = -1;
      bridge.setAttribute('aria-hidden', 'true');
      (document.body ?? document.documentElement).appendChild(bridge);
    }
    frame.addEventListener('load', resendPending);
    resendPending();
  };

  window.addEventListener('message', onMessage);
  window.addEventListener('storage', onStorage);
  // In a <head> script the page's own <iframe> may not be parsed yet: look once the DOM is.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attachFrame);
  else attachFrame();
  // Ask at once, so subscribers hear the live state without anyone calling isOptedOut().
  request('get').catch(() => undefined);

  return {
    get cached() {
      return known?.optedOut;
    },
    isOptedOut: () => request('get').then((state) => state.optedOut),
    optOut: () => request('opt-out'),
    subscribe(fn) {
      if (destroyed) return () => undefined;
      subscribers.add(fn);
      if (known) notify(fn, known);
      return () => {
        subscribers.delete(fn);
      };
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('DOMContentLoaded', attachFrame);
      frame?.removeEventListener('load', resendPending);
      bridge?.remove();
      frame = bridge = undefined;
      subscribers.clear();
      for (const id of [...pending.keys()]) {
        settle(id, { error: new OptOutError('DESTROYED', 'optout-frame: this client was destroyed') });
      }
    },
  };
}
