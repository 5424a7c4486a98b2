// connectOptOut(): the page-side library; answers from the site's mirror, asks the opt-out frame (the visible one, or a hidden bridge) when it must, and hears its changes.
import type { OptOutState } from '../shared/choice.js';
import { isSiteId } from '../shared/frame-params.js';
import { parseFrameMessage, type FrameMessage } from '../shared/protocol.js';
import { isCookieDomain } from '../shared/mirror-record.js';
import { frameHearing, type FrameHearing } from './frame-hearing.js';
import { resizeFramesOf } from './frame-height.js';
import { openFrameLink } from './frame-link.js';
import { openKnownState, type OptOutSubscriber } from './known-state.js';
import { DEFAULT_MAX_AGE, parseMaxAge, refreshWhenStale } from './mirror-freshness.js';
import { OptOutError } from './optout-error.js';
import { openPendingRequests, type PendingRequests } from './pending-requests.js';
import { mirrorKey, openCookieMirror, openSiteMirror } from './site-mirror.js';
import { whenKnown } from './when-known.js';

export type { OptOutState, Reason } from '../shared/choice.js';
export type { OptOutSubscriber } from './known-state.js';
export { OptOutError, type OptOutErrorCode } from './optout-error.js';

export interface ConnectOptions {
  /**
   * The opt-out host's origin (`https://optout.example.org`). The host serves at the root of its
   * origin only: its documents link `/assets/…` and post to `/optout`, so it cannot be mounted under a path.
   */
  readonly host: string;
  /** Milliseconds before an unanswered request rejects with `TIMEOUT` (default 3000). */
  readonly timeout?: number;
  /** The host's profile for this site (`site=<id>` in its `OPTOUT_CONFIG`); none = the host's top level. */
  readonly site?: string;
  /**
   * Seconds a state a frame confirmed is trusted on pages without the widget (default 1800, one
   * analytics visit): younger, the mirror answers and no frame is loaded; older, the bridge is asked.
   */
  readonly maxAge?: number;
  /**
   * The `Domain` of the `optout_state` cookie: `auto` (default: the widest the browser accepts,
   * so every subdomain shares it), `none` (this host only), or a domain such as `example.org`.
   */
  readonly cookieDomain?: string;
  /** Keep the `optout_state` cookie beside the localStorage mirror (default `true`). */
  readonly mirrorCookie?: boolean;
}

export interface OptOutClient {
  /** The state from the site's own mirror, synchronously; `undefined` before any answer, or for an opt-in older than `maxAge`. */
  readonly cached: boolean | undefined;
  /** Asks the frame (loading the bridge on a page without the widget); rejects with an `OptOutError` (e.g. `TIMEOUT`), never hangs. */
  isOptedOut(): Promise<boolean>;
  /**
   * Is the visitor opted out, once known: at once from the mirror, else after the frame's answer;
   * `true` when the host cannot answer (an unknown visitor is not tracked). Never rejects.
   */
  whenKnown(): Promise<boolean>;
  /** Calls `fn` now (if a state is known) and on every change; returns the unsubscribe function. */
  subscribe(fn: OptOutSubscriber): () => void;
  /** Opts the visitor out (a page can never opt in); resolves with the new state. */
  optOut(): Promise<OptOutState>;
  /** Removes every listener, timer and frame this client created; rejects pending calls. Idempotent. */
  destroy(): void;
}

/** The host's URL, ending in `/`, so `optout` and `optout/bridge` resolve against it. */
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

/** `maxAge` as given: a finite number of seconds >= 0, else a typed error naming it. */
function checkMaxAge(maxAge: unknown): number {
  const seconds = parseMaxAge(maxAge);
  if (seconds === undefined) {
    throw new OptOutError('INVALID_MAX_AGE', `optout-frame: maxAge must be a number of seconds >= 0, got ${JSON.stringify(maxAge)}`);
  }
  return seconds;
}

/** A site id as the host accepts it (`isSiteId`, shared with the host), checked before it goes in a URL. */
function siteId(site: string | undefined): string | undefined {
  if (site === undefined || isSiteId(site)) return site;
  throw new OptOutError('INVALID_SITE', `optout-frame: site must be a site id like "news", got ${JSON.stringify(site)}`);
}

/** `cookieDomain` as given: `auto`, `none` or a domain name, else a typed error naming it. */
function checkCookieDomain(domain: string): string {
  if (isCookieDomain(domain)) return domain;
  throw new OptOutError(
    'INVALID_COOKIE_DOMAIN',
    `optout-frame: cookieDomain must be "auto", "none" or a domain name, got ${JSON.stringify(domain)}`,
  );
}

/**
 * The parts, top to bottom: what the page knows (mirror, GPC, other tabs, subscribers), the link
 * to the frame or bridge, the requests in flight, and how each state the frame tells is heard.
 */
export function connectOptOut(options: ConnectOptions): OptOutClient {
  const { host, timeout = 3000, site, maxAge = DEFAULT_MAX_AGE, cookieDomain = 'auto', mirrorCookie = true } = options;
  const base = hostBase(host);
  const profile = siteId(site);
  const hostOrigin = base.origin;
  const cookie = mirrorCookie ? openCookieMirror(checkCookieDomain(cookieDomain)) : undefined;
  const known = openKnownState(openSiteMirror(mirrorKey(hostOrigin), cookie), checkMaxAge(maxAge));
  const link = openFrameLink(base, profile, () => requests.resend());
  const requests = openPendingRequests({ hostOrigin, timeout, send: (id, type) => link.post(id, type) });
  const hear = frameHearing(known, requests);
  let stopRefresh: () => void = () => undefined;
  /** Links a frame (the bridge, on a page without the widget) and asks it, so subscribers hear the live state. */
  const ask = () => {
    stopRefresh();
    link.connect();
    requests.request('get').catch(() => undefined);
  };

  const onMessage = (event: MessageEvent) => {
    // Origin and source first: only the frame this client talks to (or a visible frame, for resize).
    if (event.origin !== hostOrigin) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'resize') return resizeFramesOf(event.source, message.height, link.bridge);
    link.adopt(event.source);
    if (link.isFrame(event.source)) answer(message, { hear, requests });
  };
  window.addEventListener('message', onMessage);
  // A page with the widget talks to it (it is loading anyway). Without it, no frame while the
  // mirror can answer (mirror-freshness.ts), until it goes stale; requests made before the DOM
  // was parsed (a <head> script's isOptedOut()) are sent now, linking the bridge for them.
  link.open((linked) => {
    if (linked || known.verdict.ask) return ask();
    requests.resend();
    stopRefresh = refreshWhenStale(known.verdict, () => known.judge(), ask);
  });

  let destroyed = false;
  const client: OptOutClient = {
    get cached() {
      return known.current?.optedOut;
    },
    isOptedOut: () => requests.request('get').then((state) => state.optedOut),
    whenKnown: () => whenKnown(client),
    optOut: () => requests.request('opt-out'),
    subscribe: (fn: OptOutSubscriber) => known.subscribe(fn),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      stopRefresh();
      link.close();
      known.close();
      requests.close();
    },
  };
  return client;
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
