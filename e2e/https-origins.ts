// e2e fixture: production's shape on this machine — the host on https://optout.example.test, sites on other *.test names, a test CA, and a Chromium that resolves them to loopback and trusts it.
import { chromium, test, type Browser } from '@playwright/test';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoApp } from '../demo/server.js';
import { createOptOutHost } from '../server/app.js';
import { loadConfig } from '../server/config/index.js';
import { close, listen } from '../server/listen.js';
import { makeTestCertificates, type TestCertificates } from '../server/testing/tls-certificates.js';
import { chromiumLaunchOptions } from './browser.js';

/** The opt-out host's name. */
export const HOST_NAME = 'optout.example.test';
/** A site on the host's own registrable domain (example.test): the frame is same-site, as on a site's own subdomain. */
export const SAME_SITE_NAME = 'news.example.test';
/** A site elsewhere (gazette.test): the frame is third-party, as with a host shared by many sites. */
export const CROSS_SITE_NAME = 'www.gazette.test';
/** A site that is not allowed to embed the frame. */
export const OTHER_NAME = 'www.attacker.test';

/** One certificate for every name above, signed by a CA made for this run. */
export function exampleCertificates(): TestCertificates {
  return makeTestCertificates([HOST_NAME, SAME_SITE_NAME, CROSS_SITE_NAME, OTHER_NAME]);
}

/**
 * Chromium as a visitor's browser would be in production: every `*.test` name resolves to
 * loopback (no DNS here), and the test certificate is trusted by its key's hash, so Secure
 * cookies, CHIPS and CSP apply exactly as on a public HTTPS site — none of the exceptions a
 * browser makes for `localhost` or `127.0.0.1`.
 */
export function launchChromiumForTestNames(certs: TestCertificates): Promise<Browser> {
  const base = chromiumLaunchOptions();
  return chromium.launch({
    ...base,
    args: [...(base.args ?? []), '--host-resolver-rules=MAP *.test 127.0.0.1', `--ignore-certificate-errors-spki-list=${certs.spki}`],
  });
}

export interface HttpsServer {
  /** The bound port on 127.0.0.1; every `*.test` name reaches it there. */
  readonly port: number;
  /** `https://<name>:<port>` */
  origin(name: string): string;
  close(): Promise<void>;
}

function httpsServer(server: Server): HttpsServer {
  const { port } = server.address() as AddressInfo;
  return { port, origin: (name) => `https://${name}:${port}`, close: () => close(server, 0) };
}

export interface HttpsDemo extends HttpsServer {
  /** Points the demo's pages at the host (known only once the host, which needs the demo's origins, listens). */
  pointAt(hostOrigin: string): void;
}

/** The demo site over HTTPS on a free port: each `*.test` name on it is an origin of its own. */
export async function startHttpsDemo(certs: TestCertificates): Promise<HttpsDemo> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const config = loadConfig({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.keyFile });
  const server = await listen((req, res) => handler(req, res), 0, '127.0.0.1', { tls: config.tls });
  return { ...httpsServer(server), pointAt: (hostOrigin) => (handler = createDemoApp({ hostOrigin })) };
}

/** The host in this process, configured by `env` plus the test certificate, as `optout-frame` would serve it. */
export async function startHttpsHost(certs: TestCertificates, env: Readonly<Record<string, string>>): Promise<HttpsServer> {
  const config = loadConfig({ ...env, PORT: '0', OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.keyFile });
  return httpsServer(await listen(createOptOutHost(config), 0, '127.0.0.1', { tls: config.tls }));
}

/** What a spec file on the HTTPS names shares, started once per worker. */
export interface HttpsSites {
  readonly browser: Browser;
  readonly demo: HttpsDemo;
  /** The host's origin on `HOST_NAME`, which the demo's pages embed. */
  readonly hostOrigin: string;
}

/**
 * Starts the HTTPS set-up before the calling spec file's tests and stops it after them: one
 * certificate, a Chromium that resolves the names, the demo, and the host allowing the demo on
 * the same site and on another site, configured by `env` as well.
 */
export function useHttpsSites(env: Readonly<Record<string, string>> = {}): HttpsSites {
  let started: { certs: TestCertificates; browser: Browser; demo: HttpsDemo; host: HttpsServer } | undefined;
  test.beforeAll(async () => {
    const certs = exampleCertificates();
    const [browser, demo] = await Promise.all([launchChromiumForTestNames(certs), startHttpsDemo(certs)]);
    const allowed = [SAME_SITE_NAME, CROSS_SITE_NAME].map((name) => demo.origin(name)).join(',');
    const host = await startHttpsHost(certs, { OPTOUT_ALLOWED_ORIGINS: allowed, ...env });
    demo.pointAt(host.origin(HOST_NAME));
    started = { certs, browser, demo, host };
  });
  test.afterAll(async () => {
    await started?.browser.close();
    await Promise.all([started?.host.close(), started?.demo.close()]);
    started?.certs.remove();
  });
  const running = () => {
    if (!started) throw new Error('the HTTPS set-up runs in beforeAll: use it inside a test');
    return started;
  };
  return {
    get browser() {
      return running().browser;
    },
    get demo() {
      return running().demo;
    },
    get hostOrigin() {
      return running().host.origin(HOST_NAME);
    },
  };
}
