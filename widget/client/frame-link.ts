// Which frame the client talks to: the page's visible opt-out frame when it has one, else a hidden bridge it adds when asked to.
import { PROTOCOL } from '../shared/protocol.js';
import type { RequestType } from './pending-requests.js';

export interface FrameLink {
  /**
   * Once the DOM is parsed (a <head> script runs before the page's <iframe> exists): links the
   * page's visible frame if it has one, then calls `onParsed` with whether it did. Adds no bridge.
   */
  open(onParsed: (linked: boolean) => void): void;
  /** Links a frame now, once the DOM is parsed: the visible one, else a hidden bridge. Nothing if one is linked. */
  connect(): void;
  /** Posts a request to the frame, linking one first if none is (else `onLoad` will resend). */
  post(id: string, type: RequestType): void;
  /** A visible frame that a single-page app added while no frame was linked speaks first (`ready`): link it. */
  adopt(source: MessageEventSource | null): void;
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
  let parsed = false;
  let closed = false;
  let onParsed: (linked: boolean) => void = () => undefined;

  const detach = () => {
    frame?.removeEventListener('load', onLoad);
    bridge?.remove();
    frame = bridge = undefined;
  };
  const link = (iframe: HTMLIFrameElement) => {
    frame = iframe;
    frame.addEventListener('load', onLoad);
    onLoad();
  };
  /** The visible frame, or a bridge: the bridge loads only when the page shows no frame of this host. */
  const attach = () => {
    detach();
    if (closed) return;
    const visible = visibleFrame(base, site);
    link(visible ?? (bridge = appendBridge(base, site)));
  };
  // No frame yet (the mirror answered), or the page removed it (a single-page app moved on).
  const connect = () => {
    if (parsed && !closed && !frame?.isConnected) attach();
  };
  const parse = () => {
    document.removeEventListener('DOMContentLoaded', parse);
    if (closed) return;
    parsed = true;
    const visible = visibleFrame(base, site);
    if (visible) link(visible);
    onParsed(visible !== undefined);
  };

  return {
    open(then) {
      onParsed = then;
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parse);
      else parse();
    },
    connect,
    post(id, type) {
      connect();
      const target = frame?.contentWindow;
      // A frame still on about:blank would drop the message and the browser would log an origin
      // mismatch on the site's console: wait, it is sent again on the frame's `load` and `ready`.
      if (target && hasLeftBlank(target)) target.postMessage({ protocol: PROTOCOL, type, id }, hostOrigin);
    },
    adopt(source) {
      if (!parsed || closed || frame || source === null) return;
      if (framesOfHost(base, site).some((iframe) => iframe.contentWindow === source)) attach();
    },
    isFrame: (source) => frame !== undefined && source === frame.contentWindow,
    get bridge() {
      return bridge;
    },
    close() {
      closed = true;
      document.removeEventListener('DOMContentLoaded', parse);
      detach();
    },
  };
}

/** The page's own opt-out frames of this host (`<iframe src="…/optout…">`). */
function framesOfHost(base: URL, site: string | undefined): HTMLIFrameElement[] {
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
  return [...document.getElementsByTagName('iframe')].filter(isVisibleFrame);
}

/** The page's own opt-out frame, loaded eagerly: page scripts need the state now, not when scrolled to. */
function visibleFrame(base: URL, site: string | undefined): HTMLIFrameElement | undefined {
  const frame = framesOfHost(base, site)[0];
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
