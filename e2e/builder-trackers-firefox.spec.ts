// The builder's generated code per tracker in Firefox ESR (puppeteer over WebDriver BiDi): the same scenario as builder-trackers.spec.ts, one browser for all.
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { cases, expectStopsAndRestarts, GA_ID, isHit, placeBlocks, type InPage, type VisitorTab } from './builder-cases.js';
import { startOwnerSite, type OwnerSite } from './builder-site.js';
import { personBrowser } from './collector.js';
import { findVisibleButton, readFrameView } from './engines/frame-view.js';
import { startTestSite, type TestSite } from './servers.js';

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let host: TestSite;
let site: OwnerSite;
let firefox: Browser;

// One Firefox for the file; each test gets a fresh context (a first-time visitor).
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  site = await startOwnerSite();
  host = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: site.origin });
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
});
test.afterAll(async () => {
  await Promise.all([host?.close(), site?.close(), firefox?.close()]);
});

/** The opt-out frame on the page, once it is there. */
async function optOutFrame(page: Page) {
  await page.waitForSelector(`iframe[src^="${host.hostOrigin}/optout"]`);
  const frame = await (await page.$(`iframe[src^="${host.hostOrigin}/optout"]`))?.contentFrame();
  if (!frame) throw new Error('no opt-out frame');
  return frame;
}

async function clickInFrame(page: Page, name: string, status: string): Promise<void> {
  const frame = await optOutFrame(page);
  await expect.poll(async () => (await frame.evaluate(readFrameView)).buttons).toContain(name);
  const button = (await frame.evaluateHandle(findVisibleButton, name)).asElement() as ElementHandle<Element> | null;
  if (!button) throw new Error(`no visible button "${name}"`);
  // A real click (a user gesture), as the engines' driver makes it.
  await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const { x, y } = await button.clickablePoint();
  await page.mouse.click(x, y);
  await expect.poll(async () => (await frame.evaluate(readFrameView)).status).toBe(status);
}

/** The builder's two blocks, read from the builder page in Firefox as a site owner copies them. */
async function generatedBlocks(page: Page, tracker: string): Promise<{ privacy: string; everyPage: string }> {
  await page.goto(`${host.hostOrigin}/?trackers=${tracker}&gaId=${GA_ID}`);
  const read = (id: string) => page.$eval(`#${id}`, (area) => (area as HTMLTextAreaElement).value);
  return { privacy: await read('privacy-code'), everyPage: await read('every-page-code') };
}

for (const kase of cases) {
  test(`Firefox ESR, ${kase.tracker}: the generated code stops the tracker after opting out and restarts it after opting in`, async () => {
    test.setTimeout(60_000);
    const context = await firefox.createBrowserContext();
    try {
      const page = await context.newPage();
      const urls = placeBlocks(site, kase, await generatedBlocks(page, kase.tracker), 'firefox');
      // Plausible and PostHog drop hits from automated browsers: present this one as a person's.
      await page.evaluateOnNewDocument(personBrowser.initScript);
      let hits = 0;
      page.on('request', (request) => void (isHit(kase.tracker, request.method(), request.url()) && (hits += 1)));
      const tab: VisitorTab = {
        goto: async (url) => void (await page.goto(url)),
        evaluate: <A, R>(fn: InPage<A, R>, arg: A) =>
          (page as unknown as { evaluate(f: InPage<A, R>, a: A): Promise<R> }).evaluate(fn, arg),
        waitFor: async (fn) => void (await page.waitForFunction(fn)),
        clickInFrame: (name, status) => clickInFrame(page, name, status),
        hitsMade: () => hits,
      };
      await expectStopsAndRestarts(tab, site, kase, urls);
    } finally {
      await context.close();
    }
  });
}
