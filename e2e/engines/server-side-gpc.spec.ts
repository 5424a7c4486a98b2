// Sec-GPC sent by the engine itself reaching the site's own server. Chromium and WebKit cannot send it (Chrome and Safari send
// none), so playwright.config.ts runs this file only where `sendsGpc` is true, rather than skipping it.
import { WWW_NAME } from '../server-side-site.js';
import { expect, test } from './fixtures.js';
import { useServerSideSite, watchServerSide, withVisitor } from './server-side-scenario.js';

const scenario = useServerSideSite();

test("Sec-GPC: 1 on the wire: the site's server reads it as opted out and skips its call", async ({ engine }) => {
  // Run only in configurations that send GPC (playwright.config.ts): one that cannot fails here rather than pretending.
  expect(engine.abilities.gpc, `${engine.name} sends Global Privacy Control`).toBe(true);
  const { site, proxy } = scenario;
  await withVisitor(engine.startSession({ proxy: proxy.url, gpc: true }), async (page) => {
    const server = watchServerSide(site);
    await page.goto(`${site.origin(WWW_NAME)}/article`);
    expect(site.views.at(-1)?.secGpc).toBe('1');
    expect(server.views()).toEqual([`${WWW_NAME}/article true`]);
    expect(server.hits()).toEqual([]);
  });
});
