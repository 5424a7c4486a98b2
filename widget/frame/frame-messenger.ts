// The frame's side of the protocol (no Lit, shared by the frame and the bridge): answers pages, pushes ready/change/resize, relays other tabs.
import type { OptOutState } from '../shared/choice.js';
import { parseChangeMessage, parsePageMessage, PROTOCOL, type ChangeMessage, type FrameMessage } from '../shared/protocol.js';

export interface FrameMessengerOptions {
  /** Origins that get answers; empty = any origin (as for CSP `frame-ancestors`). */
  readonly allowedOrigins: readonly string[];
  /** The state when the document loaded. */
  readonly state: OptOutState;
  /**
   * The state as storage holds it now, or undefined when storage tells nothing. Read before
   * every answer: another tab may have changed it where no BroadcastChannel carried the news.
   */
  readonly read?: () => OptOutState | undefined;
  /** A page asked to opt out: store it and return the new state. */
  readonly optOut: (current: OptOutState) => OptOutState;
  /** The state changed without a click in this document (a page's request, another tab). */
  readonly onChange?: (state: OptOutState) => void;
}

export interface FrameMessenger {
  /** The visitor clicked in this frame and the choice is stored: tell the page and other tabs. */
  changed(state: OptOutState): void;
  /** The content height changed (CSS pixels). */
  resized(height: number): void;
  stop(): void;
}

/**
 * Frames of this host in other tabs hear each change here. BroadcastChannel is partitioned
 * like the frame's storage (by top-level site in Chromium), so a change reaches the tabs of
 * the same site and no other site: the scope of the choice itself.
 */
const CHANNEL_NAME = 'optout-frame';

/** The embedding page's origin, for messages nobody asked for (only answers know it for sure). */
function parentOrigin(): string | undefined {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a page on `origin` may talk to the frame: an allowed origin (any when none are configured). */
export function originAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  // The frame's own host pages (the embed-code builder) may talk to it too, like CSP's 'self'.
  return origin !== 'null' && (allowedOrigins.length === 0 || origin === location.origin || allowedOrigins.includes(origin));
}

/**
 * Where the frame's messages nobody asked for go (its own protocol's and Matomo's): the embedding
 * page's origin when the frame is framed and that origin is allowed, else nowhere until a page asks.
 */
export function allowedParentOrigin(allowedOrigins: readonly string[]): string | undefined {
  const guessed = window.parent !== window ? parentOrigin() : undefined;
  return guessed && originAllowed(guessed, allowedOrigins) ? guessed : undefined;
}

const sameState = (a: OptOutState, b: OptOutState) => a.optedOut === b.optedOut && a.reason === b.reason;

/** The tab-to-tab channel, when the browser offers one. */
function openChannel(): BroadcastChannel | undefined {
  try {
    return new BroadcastChannel(CHANNEL_NAME);
  } catch {
    // Not available (old browser, opaque origin): other tabs learn on their next request.
    return undefined;
  }
}

/** The answer to a page that asks to opt in: only the visitor's own click may. */
const optInForbidden = (id: string): FrameMessage => ({
  protocol: PROTOCOL,
  type: 'error',
  id,
  code: 'forbidden',
  message: "A page cannot opt the visitor in: that takes the visitor's own click in the frame.",
});

export function startFrameMessenger(options: FrameMessengerOptions): FrameMessenger {
  let state = options.state;
  let height: number | undefined;
  const framed = window.parent !== window;
  const isAllowed = (origin: string) => originAllowed(origin, options.allowedOrigins);
  // Where unsolicited messages go: the parent's origin if allowed, then the last page that asked.
  let pageOrigin = allowedParentOrigin(options.allowedOrigins);

  /** Posts to one exact origin, never '*': a message carries the visitor's state. */
  const post = (message: FrameMessage, origin: string | undefined = pageOrigin) => {
    if (origin) window.parent.postMessage(message, origin);
  };
  const change = (): ChangeMessage => ({ protocol: PROTOCOL, type: 'change', ...state });

  const channel = openChannel();

  /** Takes a new state; `local` changes are also broadcast to the other tabs. */
  const apply = (next: OptOutState, local: boolean) => {
    if (sameState(state, next)) return;
    state = { optedOut: next.optedOut, reason: next.reason };
    post(change());
    if (local) channel?.postMessage(change());
  };

  const onChannelMessage = (event: MessageEvent) => {
    const message = parseChangeMessage(event.data);
    if (!message || sameState(state, message)) return;
    apply(message, false);
    options.onChange?.(state);
  };

  const onMessage = (event: MessageEvent) => {
    // Source first (only our parent page), then the shape, then the exact origin.
    if (!framed || event.source !== window.parent) return;
    const message = parsePageMessage(event.data);
    if (!message || !isAllowed(event.origin)) return;
    pageOrigin = event.origin;
    // A client that arrived after the last resize still gets the height with its first answer.
    if (height !== undefined) post({ protocol: PROTOCOL, type: 'resize', height });
    const stored = options.read?.();
    if (stored && !sameState(state, stored)) {
      apply(stored, false);
      options.onChange?.(state);
    }
    switch (message.type) {
      case 'get':
        break;
      case 'opt-out':
        apply(options.optOut(state), true);
        options.onChange?.(state);
        break;
      case 'opt-in':
        post(optInForbidden(message.id));
        return;
    }
    post({ protocol: PROTOCOL, type: 'status', id: message.id, ...state });
  };

  window.addEventListener('message', onMessage);
  channel?.addEventListener('message', onChannelMessage);
  post({ protocol: PROTOCOL, type: 'ready', ...state });

  return {
    changed: (next) => apply(next, true),
    resized(next) {
      const rounded = Math.ceil(next);
      if (rounded === height) return;
      height = rounded;
      post({ protocol: PROTOCOL, type: 'resize', height });
    },
    stop() {
      window.removeEventListener('message', onMessage);
      channel?.removeEventListener('message', onChannelMessage);
      channel?.close();
    },
  };
}
