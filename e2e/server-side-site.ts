// e2e fixture: a site with its own Express server on two subdomains (www. and shop.gazette.test) over HTTPS, which makes a server-side tracking call per page view unless optedOut(req) says no and re-issues optout_state with optOutCookie(req); the host on optout.example.test; a collector that counts the calls.
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { optedOut, optOutCookie } from '../request/opted-out.js';
import { loadConfig } from '../server/config/index.js';
import { close, listen } from '../server/listen.js';
import { makeTestCertificates, type TestCertificates } from '../server/testing/tls-certificates.js';
import { startHttpsHost, type HttpsServer } from './https-origins.js';

const HOST_NAME = 'optout.example.test';
export const WWW_NAME = 'www.gazette.test';
export const SHOP_NAME = 'shop.gazette.test';
/** Another subdomain of the site, not an allowed origin: a page there can still write `Domain=gazette.test` cookies. */
export const SIBLING_NAME = 'blog.gazette.test';
/** The site's registrable domain, where the client's `Domain=auto` puts `optout_state`. */
const SITE_DOMAIN = 'gazette.test';

/** One page view as the site's server saw it. */
export interface SiteView {
  readonly site: string;
  readonly path: string;
  /** The `Cookie` request header, as received. */
  readonly cookie: string | undefined;
  readonly secGpc: string | undefined;
  readonly optedOut: boolean | undefined;
  /** The `Set-Cookie` header the site's server answered with, as sent. */
  readonly setCookie: string | undefined;
}

export interface ServerSideSite {
  /** `https://<name>:PORT` of the site's server. */
  origin(name: string): string;
  readonly hostOrigin: string;
  /** Every page view the site's server answered, in order. */
  readonly views: SiteView[];
  /** The server-side tracking calls the collector received (`<site><path>`), in order. */
  readonly hits: string[];
  close(): Promise<void>;
}

/** The site's pages: the privacy page shows the frame; an article has client.js alone (it loads the bridge only when it must). */
function pages(hostOrigin: string): Record<string, string> {
  const client = `<script src="${hostOrigin}/client.js"></script><script>window.cachedAtStart = optout.cached;</script>`;
  // No favicon request: Firefox and WebKit ask for one after load, and its answer would re-issue (optOutCookie())
  // a cookie the request carried before a test changed it, undoing the change.
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
  return {
    '/privacy': page(
      'Privacy',
      `<iframe src="${hostOrigin}/optout" title="Analytics opt-out" style="border:0;width:100%;height:160px"></iframe>${client}`,
    ),
    '/article': page('Article', `<p>Some article text.</p>${client}`),
  };
}

/** The site's own server: per page view, the server-side tracking call a site makes (Matomo's HTTP API, GA4's Measurement Protocol, …), skipped when opted out. */
function siteApp(hostOrigin: string, collector: string, views: SiteView[]): express.Express {
  const app = express();
  const documents = pages(hostOrigin);
  const render = (req: express.Request) => documents[req.path] ?? '';
  /** The server-side call: to the test's collector here; Matomo, GA4, Plausible or PostHog in production (docs/server-side.md). */
  const track = (req: express.Request) =>
    fetch(`${collector}/hit?page=${encodeURIComponent(`${req.hostname}${req.path}`)}`, { method: 'POST' });
  // What the test reads: each page view as the server saw it (not the favicon a browser asks for).
  app.use((req, res, next) => {
    if (Object.hasOwn(documents, req.path))
      views.push({
        site: req.hostname,
        path: req.path,
        cookie: req.headers.cookie,
        secGpc: req.get('sec-gpc'),
        optedOut: optedOut(req),
        // Read when the test looks: what the answer carried once sent.
        get setCookie() {
          const header = res.getHeader('set-cookie');
          return header === undefined ? undefined : [header].flat().join(', ');
        },
      });
    res.set('Cache-Control', 'no-store');
    next();
  });
  // #region reissue
  // The client's optout_state, re-issued by the server on each page: Safari deletes a cookie written by script after 7 days without a visit, not one an HTTP answer set.
  app.use((req, res, next) => {
    const cookie = optOutCookie(req, { domain: SITE_DOMAIN });
    if (cookie) res.append('Set-Cookie', cookie);
    next();
  });
  // #endregion
  // #region express
  app.get(['/privacy', '/article'], async (req, res) => {
    // true: opted out (Sec-GPC: 1, or the optout_state cookie says 1); false: opted in; undefined: not known yet.
    if (optedOut(req) !== true) await track(req);
    res.type('html').send(render(req));
  });
  // #endregion
  return app;
}

async function startCollector(hits: string[]): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://collector').searchParams.get('page') ?? '?');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts the collector, the site's server and the host (allowed: both subdomains); one certificate for every name. */
export async function startServerSideSite(): Promise<ServerSideSite> {
  const certs: TestCertificates = makeTestCertificates([HOST_NAME, WWW_NAME, SHOP_NAME, SIBLING_NAME]);
  const views: SiteView[] = [];
  const hits: string[] = [];
  const collector = await startCollector(hits);
  // The site's app needs the host's origin, and the host needs the site's origins: the app is set once both listen.
  const app: { current?: express.Express } = {};
  const { tls } = loadConfig({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.keyFile });
  const siteServer = await listen((req, res) => (app.current ? app.current(req, res) : res.writeHead(503).end()), 0, '127.0.0.1', { tls });
  const sitePort = (siteServer.address() as AddressInfo).port;
  const origin = (name: string) => `https://${name}:${sitePort}`;
  const host: HttpsServer = await startHttpsHost(certs, { OPTOUT_ALLOWED_ORIGINS: [origin(WWW_NAME), origin(SHOP_NAME)].join(',') });
  const hostOrigin = host.origin(HOST_NAME);
  app.current = siteApp(hostOrigin, collector.origin, views);
  return {
    origin,
    hostOrigin,
    views,
    hits,
    close: async () => {
      await Promise.all([close(siteServer, 0), host.close(), new Promise((resolve) => collector.server.close(resolve))]);
      certs.remove();
    },
  };
}
