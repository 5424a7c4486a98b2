// Test support for the server-side scenarios: one site, host, collector and test-names proxy per spec file and engine, a visitor's session, and what the site's server saw.
import { startServerSideSite, type ServerSideSite } from '../server-side-site.js';
import { startTestNamesProxy, type TestNamesProxy } from '../test-names-proxy.js';
import type { EnginePage, EngineSession } from './driver.js';
import { test } from './fixtures.js';

export interface ServerSideScenario {
  readonly site: ServerSideSite;
  readonly proxy: TestNamesProxy;
}

/** Starts the site and the proxy before the calling file's tests and stops them after; read the returned object inside hooks and tests. */
export function useServerSideSite(): ServerSideScenario {
  const scenario = {} as { site: ServerSideSite; proxy: TestNamesProxy };
  test.beforeAll(async () => {
    [scenario.site, scenario.proxy] = await Promise.all([startServerSideSite(), startTestNamesProxy()]);
  });
  test.afterAll(async () => {
    await Promise.all([scenario.site?.close(), scenario.proxy?.close()]);
  });
  return scenario;
}

/** What the site's server saw and did from now on: `<name><path> <optedOut>` per view, and the tracking calls it made. */
export function watchServerSide(site: ServerSideSite) {
  const [views, hits] = [site.views.length, site.hits.length];
  return {
    views: () => site.views.slice(views).map((view) => `${view.site}${view.path} ${String(view.optedOut)}`),
    hits: () => site.hits.slice(hits),
  };
}

/** Runs `run` on a page of a new visitor's session, closed after. */
export async function withVisitor(session: Promise<EngineSession>, run: (page: EnginePage) => Promise<void>): Promise<void> {
  const visitor = await session;
  try {
    await run(await visitor.newPage());
  } finally {
    await visitor.close();
  }
}
