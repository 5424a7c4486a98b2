// The embedding site of the bench: tiny pages on http://localhost that embed the host (http://127.0.0.1) cross-site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a bench page stores for the bench to read: when (ms since navigation start) it knew. */
export interface PageMarks {
  knownAt?: number;
  /** Whether `cached` was defined synchronously right after the client loaded. */
  cachedSync?: boolean;
  /** Epoch milliseconds (timeOrigin + now) of the moment the state was known. */
  knownAtEpoch?: number;
  /** Epoch milliseconds of each subscriber call after the first one. */
  changesAtEpoch?: number[];
  /** Set by the frame's init script: epoch milliseconds of each click the browser dispatched. */
  clicksAtEpoch?: number[];
}

declare global {
  interface Window {
    __bench?: PageMarks;
  }
}

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><h1>${title}</h1><p>Some article text, as on a real page.</p>${body}</body></html>`;

/** Marks "known" in the page: the moment since navigation start and on the epoch clock. */
const markKnown = `function markKnown(extra){var now=performance.now();window.__bench=Object.assign(window.__bench||{},{knownAt:now,knownAtEpoch:performance.timeOrigin+now},extra||{});}`;

/** Notes whether `cached` was there at once, marks the first subscriber call as "known" and each later one as a change. */
const subscribeAndMark = `var cachedSync=optout.cached!==undefined;
optout.subscribe(function(){var b=window.__bench;
if(!b||b.knownAt===undefined){markKnown({cachedSync:cachedSync,changesAtEpoch:[]});return;}
b.changesAtEpoch.push(performance.timeOrigin+performance.now());});`;

/** The page script every bundled-client page runs: connect, then subscribe and mark. */
const connectAndSubscribe = (hostOrigin: string) => `<script>${markKnown}
var optout=optoutBench.connectOptOut({host:${JSON.stringify(hostOrigin)}});
${subscribeAndMark}</script>`;

/**
 * The bench's pages. `client` is the client library as a site bundles it; pages that do not
 * connect still carry it, so the floor and the bridge page differ only in the frame they load.
 */
export function pageRoutes(hostOrigin: string, client: string): Record<string, string> {
  const library = `<script>${client}</script>`;
  const frame = `<iframe src="${hostOrigin}/optout?showIntro=1" title="Analytics opt-out" style="border:0;width:100%;height:140px"></iframe>`;
  return {
    // The privacy page exactly as a site owner pastes the frame: nothing else from the host.
    '/frame': page('Privacy', '', frame),
    // The privacy page with a page script listening: click → subscriber.
    '/privacy': page('Privacy', '', `${frame}${library}${connectAndSubscribe(hostOrigin)}`),
    // A page without the widget: the client asks the hidden bridge (or answers from the mirror).
    '/shop': page('Shop', '', `${library}${connectAndSubscribe(hostOrigin)}`),
    // A page without the widget as the demo's shop has it: client.js from the host, alone.
    '/tag-shop': page(
      'Shop',
      `<script src="${hostOrigin}/client.js"></script><script>${markKnown}
var optout=window.optout;
${subscribeAndMark}</script>`,
      '',
    ),
    // The floor: the same page with an empty cross-site iframe, hidden like the bridge; "known" at its load.
    '/floor': page(
      'Shop',
      '',
      `${library}<script>${markKnown}</script><iframe src="${hostOrigin}/healthz" title="" hidden tabindex="-1" aria-hidden="true" onload="markKnown()"></iframe>`,
    ),
  };
}

export interface PageServer {
  readonly origin: string;
  /** Sets the pages once the host's origin is known. */
  setRoutes(routes: Record<string, string>): void;
  close(): Promise<void>;
}

/** Serves the bench pages on http://localhost:<free port>, never cached, so each run loads the page again. */
export async function startPageServer(): Promise<PageServer> {
  let routes: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    const body = routes[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    setRoutes: (next) => {
      routes = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
