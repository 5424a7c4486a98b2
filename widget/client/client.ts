// connectOptOut(): the page-side library; asks the opt-out frame (the visible one, or a hidden bridge) and hears its changes.
import type { OptOutState } from '../shared/choice.js';
import { parseFrameMessage, type FrameMessage } from '../shared/protocol.js';
import { mirrorKey } from './client-mirror.js';
import { frameHearing, type FrameHearing } from './frame-hearing.js';
import { resizeFramesOf } from './frame-height.js';
import { openFrameLink } from './frame-link.js';
import { openKnownState, type OptOutSubscriber } from './known-state.js';
import { OptOutError } from './optout-error.js';
import { openPendingRequests, type PendingRequests } from './pending-requests.js';

export type { OptOutState, Reason } from '../shared/choice.js';
export type { OptOutSubscriber } from './known-state.js';
export { OptOutError, type OptOutErrorCode } from './optout-error.js';

export interface ConnectOptions {
  /** The opt-out host: its origin (`https://optout.example.org`) or the URL it is mounted at. */
  readonly host: string;
  /** Milliseconds before an unanswered request rejects with `TIMEOUT` (default 3000). */
  readonly timeout?: number;
  /** The host's profile for this site (`site=<id>` in its `OPTOUT_CONFIG`); none = the host's top level. */
  readonly site?: string;
}

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

/** A site id as the host accepts it (see server/config-file.ts), checked before it goes in a URL. */
function siteId(site: string | undefined): string | undefined {
  if (site === undefined || /^[a-z0-9][a-z0-9-]{0,62}$/.test(site)) return site;
  throw new OptOutError('INVALID_SITE', `optout-frame: site must be a site id like "news", got ${JSON.stringify(site)}`);
}

/**
 * The parts, top to bottom: what the page knows (mirror, GPC, other tabs, subscribers), the link
 * to the frame or bridge, the requests in flight, and how each state the frame tells is heard.
 */
export function connectOptOut({ host, timeout = 3000, site }: ConnectOptions): OptOutClient {
  const base = hostBase(host);
  const profile = siteId(site);
  const hostOrigin = base.origin;
  const known = openKnownState(mirrorKey(hostOrigin));
  const link = openFrameLink(base, profile, () => requests.resend());
  const requests = openPendingRequests({ hostOrigin, timeout, send: (id, type) => link.post(id, type) });
  const hear = frameHearing(known, requests);

  const onMessage = (event: MessageEvent) => {
    // Origin and source first: only the frame this client talks to (or a visible frame, for resize).
    if (event.origin !== hostOrigin) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'resize') return resizeFramesOf(event.source, message.height, link.bridge);
    if (link.isFrame(event.source)) answer(message, { hear, requests });
  };
  window.addEventListener('message', onMessage);
  link.open();
  // Ask at once, so subscribers hear the live state without anyone calling isOptedOut().
  requests.request('get').catch(() => undefined);

  let destroyed = false;
  return {
    get cached() {
      return known.current?.optedOut;
    },
    isOptedOut: () => requests.request('get').then((state) => state.optedOut),
    optOut: () => requests.request('opt-out'),
    subscribe: (fn: OptOutSubscriber) => known.subscribe(fn),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      link.close();
      known.close();
      requests.close();
    },
  };
}

type LinkedFrameMessage = Exclude<FrameMessage, { type: 'resize' }>;

/** What the frame this client talks to said (everything but `resize`, which any visible frame may send). */
function answer(message: LinkedFrameMessage, { hear, requests }: { hear: FrameHearing; requests: PendingRequests }): void {
  switch (message.type) {
    case 'ready':
      hear(message);
      requests.resend();
      break;
    case 'change':
      hear(message);
      break;
    case 'status':
      hear(message, message.id);
      break;
    case 'error':
      requests.settle(message.id, {
        error: new OptOutError(message.code === 'forbidden' ? 'FORBIDDEN' : 'REFUSED', message.message),
      });
      break;
  }
}
