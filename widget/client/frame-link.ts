// Which frame the client talks to: the page's visible opt-out frame when it has one, else a hidden bridge it adds.
import { PROTOCOL } from '../shared/protocol.js';
import type { RequestType } from './pending-requests.js';

export interface FrameLink {
  /** Looks for the frame now, or once the DOM is parsed (a <head> script runs before the page's <iframe> exists). */
  open(): void;
  /** Posts a request to the frame, if its document can receive it yet (else `onLoad` will resend). */
  post(id: string, type: RequestType): void;
  /** Whether a message came from the frame this client talks to. */
  isFrame(source: MessageEventSource | null): boolean;
  /** The hidden bridge, when the client added one (it is never resized). */
  readonly bridge: HTMLIFrameElement | undefined;
  /** Removes the bridge and every listener; the link never reopens. Idempotent. */
  close(): void;
}

/**
 * `base` is the host's URL ending in `/`, `site` the profile (`site=<id>`) or undefined for the
 * host's top level; `onLoad` runs whenever the frame (re)loads or the
 * client switches frames, so requests that could not be delivered yet are sent again.
 */
export function openFrameLink(base: URL, site: string | undefined, onLoad: () => void): FrameLink {
  const hostOrigin = base.origin;
  let frame: HTMLIFrameElement | undefined;
  let bridge: HTMLIFrameElement | undefined;
  let closed = false;

  const detach = () => {
    document.removeEventListener('DOMContentLoaded', attach);
    frame?.removeEventListener('load', onLoad);
    bridge?.remove();
    frame = bridge = undefined;
  };
  const attach = () => {
    detach();
    if (closed) return;
    frame = visibleFrame(base, site);
    // When to load the bridge: only when the page shows no frame of this host.
    if (!frame) bridge = frame = appendBridge(base, site);
    frame.addEventListener('load', onLoad);
    onLoad();
  };

  return {
    open() {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attach);
      else attach();
    },
    post(id, type) {
      // The page removed the frame (a single-page app moved on): talk to another one.
      if (frame && !frame.isConnected) attach();
      const target = frame?.contentWindow;
      // A frame still on about:blank would drop the message and the browser would log an origin
      // mismatch on the site's console: wait, it is sent again on the frame's `load` and `ready`.
      if (target && hasLeftBlank(target)) target.postMessage({ protocol: PROTOCOL, type, id }, hostOrigin);
    },
    isFrame: (source) => frame !== undefined && source === frame.contentWindow,
    get bridge() {
      return bridge;
    },
    close() {
      closed = true;
      detach();
    },
  };
}

/** The page's own opt-out frame of this host, loaded eagerly: page scripts need the state now, not when scrolled to. */
function visibleFrame(base: URL, site: string | undefined): HTMLIFrameElement | undefined {
  const framePath = new URL('optout', base).pathname;
  const isVisibleFrame = (iframe: HTMLIFrameElement) => {
    try {
      const url = new URL(iframe.src, location.href);
      // Another profile's frame is another site's: it would not answer this page anyway.
      return url.origin === base.origin && url.pathname === framePath && (url.searchParams.get('site') ?? undefined) === site;
    } catch {
      return false;
    }
  };
  const frame = [...document.getElementsByTagName('iframe')].find(isVisibleFrame);
  if (frame?.loading === 'lazy') frame.loading = 'eager';
  return frame;
}

/** The invisible bridge document (GET /optout/bridge), out of the accessibility tree and the tab order. */
function appendBridge(base: URL, site: string | undefined): HTMLIFrameElement {
  const bridge = document.createElement('iframe');
  const src = new URL('optout/bridge', base);
  if (site !== undefined) src.searchParams.set('site', site);
  bridge.src = src.href;
  bridge.title = 'optout-frame bridge';
  bridge.hidden = true;
  bridge.tabIndex = -1;
  bridge.setAttribute('aria-hidden', 'true');
  (document.body ?? document.documentElement).appendChild(bridge);
  return bridge;
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
