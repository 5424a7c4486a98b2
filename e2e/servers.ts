// Starts an extra host + demo pair inside a test, on free ports and two sites, with its own environment.
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoApp } from '../demo/server.js';
import { createOptOutHost } from '../server/app.js';
import { loadConfig } from '../server/config/index.js';
import { close, listen } from '../server/listen.js';
import { startPageServer, type PageServer } from './test-pages.js';

export interface TestSite {
  /** e.g. http://127.0.0.1:41234 */
  readonly hostOrigin: string;
  /** e.g. http://localhost:41235 — a different site from the host */
  readonly demoOrigin: string;
  /** Every request the host received so far, as `GET /optout/bridge` (path and query): what reached it over the network. */
  hostRequests(): readonly string[];
  /** Every answer the host finished so far, with its status: `GET /optout/bridge 304`. */
  hostAnswers(): readonly string[];
  /** Stops the host only (the demo keeps running), e.g. to test a host that is down. */
  stopHost(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Host on 127.0.0.1 and demo on localhost, both on free ports. `env` is the host's environment
 * (as for `npm start`); `OPTOUT_ALLOWED_ORIGINS` defaults to this demo's origin.
 */
export async function startTestSite(env: Record<string, string> = {}): Promise<TestSite> {
  let demoHandler: RequestListener = (_req, res) => res.end();
  const demo = await listen((req, res) => demoHandler(req, res), 0, 'localhost');
  const demoOrigin = `http://localhost:${(demo.address() as AddressInfo).port}`;
  const config = loadConfig({ OPTOUT_ALLOWED_ORIGINS: demoOrigin, ...env, PORT: '0' });
  const hostApp = createOptOutHost(config);
  const received: string[] = [];
  const answered: string[] = [];
  const host = await listen(
    (req, res) => {
      const request = `${req.method} ${req.url}`;
      received.push(request);
      res.on('finish', () => answered.push(`${request} ${res.statusCode}`));
      hostApp(req, res);
    },
    0,
    '127.0.0.1',
  );
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  demoHandler = createDemoApp({ hostOrigin });
  let hostOpen = true;
  const stopHost = async () => {
    if (!hostOpen) return;
    hostOpen = false;
    await close(host, 0);
  };
  return {
    hostOrigin,
    demoOrigin,
    hostRequests: () => [...received],
    hostAnswers: () => [...answered],
    stopHost,
    close: async () => {
      await Promise.all([stopHost(), close(demo, 0)]);
    },
  };
}

/** The hooks of a spec file's `test`: Playwright's own, or the engines' (e2e/engines/fixtures.ts). */
interface SpecHooks {
  beforeAll(run: () => Promise<void>): void;
  afterAll(run: () => Promise<void>): void;
}

/**
 * A page server and a host that allows it (two sites), started before the spec file's tests and
 * stopped after them; read `site` and `host` inside a test.
 */
export function usePagesAndHost(hooks: SpecHooks): { readonly site: PageServer; readonly host: TestSite } {
  let started: { site: PageServer; host: TestSite } | undefined;
  hooks.beforeAll(async () => {
    const site = await startPageServer();
    started = { site, host: await startTestSite({ OPTOUT_ALLOWED_ORIGINS: site.origin }) };
  });
  hooks.afterAll(async () => {
    await Promise.all([started?.host.close(), started?.site.close()]);
  });
  const running = () => {
    if (!started) throw new Error('the page server and the host start in beforeAll: use them inside a test');
    return started;
  };
  return {
    get site() {
      return running().site;
    },
    get host() {
      return running().host;
    },
  };
}
