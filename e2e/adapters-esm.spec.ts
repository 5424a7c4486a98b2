// optout-frame/adapters as ES modules, with posthog-js and @plausible-analytics/tracker imported as modules, held by whenKnown().
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { personBrowser, watchCollector } from './collector.js';
import { texts } from './frame.js';
import { startTestSite, type TestSite } from './servers.js';
import { CLIENT_MODULE_PATH, startPageServer, type PageServer } from './test-pages.js';

const trackerModules: Record<string, URL> = {
  '/vendor/plausible.js': new URL('../node_modules/@plausible-analytics/tracker/plausible.js', import.meta.url),
  '/vendor/posthog.js': new URL('../node_modules/posthog-js/dist/module.no-external.js', import.meta.url),
};

let pages: PageServer;
let site: TestSite;
let pageUrl: string;

test.use({ userAgent: personBrowser.userAgent });

test.beforeAll(async () => {
  pages = await startPageServer();
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  // What a site owner writes with a bundler, the imports resolved by hand.
  pageUrl = pages.page(
    '/esm',
    `<iframe src="${site.hostOrigin}/optout" title="Analytics opt-out"></iframe>
     <script type="module">
       import { connectOptOut } from '${CLIENT_MODULE_PATH}';
       import { plausible, posthog as posthogAdapter, whenKnown } from '${CLIENT_MODULE_PATH.replace('client.js', 'adapters/index.js')}';
       import { init, track } from '/vendor/plausible.js';
       import posthog from '/vendor/posthog.js';

       const optout = connectOptOut({ host: '${site.hostOrigin}' });
       plausible(optout);
       posthog.init('phc_esm_test', {
         api_host: '/collect/posthog', opt_out_capturing_by_default: true, persistence: 'localStorage',
         request_batching: false, disable_compression: true, advanced_disable_flags: true,
         autocapture: false, disable_session_recording: true,
       });
       posthogAdapter(optout, { instance: posthog });
       window.cachedAtStart = optout.cached;
       await whenKnown(optout);
       init({ domain: 'example.test', endpoint: '/collect/plausible/api/event', captureOnLocalhost: true });
       window.sendTrackedEvent = (name) => { track(name, {}); posthog.capture(name); };
     </script>`,
  );
});
test.afterAll(async () => {
  await Promise.all([site.close(), pages.close()]);
});

async function servingTrackers(page: Page): Promise<void> {
  await page.addInitScript({ content: personBrowser.initScript });
  for (const [path, file] of Object.entries(trackerModules)) {
    const body = await readFile(file, 'utf8');
    await page.route(`${pages.origin}${path}`, (route) => route.fulfill({ contentType: 'text/javascript', body }));
  }
}

const sendEvent = async (page: Page, name: string) => {
  await page.waitForFunction(() => typeof (window as { sendTrackedEvent?: unknown }).sendTrackedEvent === 'function');
  await page.evaluate((event) => (window as unknown as { sendTrackedEvent(name: string): void }).sendTrackedEvent(event), name);
};

test('ES modules: both trackers count a visit, stop on opt-out, and send nothing on a returning opted-out visit', async ({ page }) => {
  await servingTrackers(page);
  const collector = await watchCollector(page);
  const frame = () => page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
  await page.goto(pageUrl);
  await expect(frame().getByRole('status')).toHaveText(texts.optedIn);
  // A first visit: nothing was known at start, so whenKnown() waited for the frame's answer.
  expect(await page.evaluate(() => (window as { cachedAtStart?: boolean }).cachedAtStart)).toBeUndefined();
  await expect.poll(() => collector.events('plausible')).toEqual(['pageview']);
  await expect.poll(() => collector.events('posthog')).toEqual(['$pageview']);

  await frame().getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame().getByRole('status')).toHaveText(texts.optedOut);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('plausible_ignore'))).toBe('true');
  collector.clear();

  await page.reload();
  expect(await page.evaluate(() => (window as { cachedAtStart?: boolean }).cachedAtStart)).toBe(true);
  await sendEvent(page, 'while opted out');
  await frame().getByRole('button', { name: texts.optInButton }).click();
  await expect(frame().getByRole('status')).toHaveText(texts.optedIn);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('plausible_ignore'))).toBeNull();
  await sendEvent(page, 'after opting back in');
  // The page view of this visit and the event sent while opted out never left the page.
  await expect.poll(() => collector.events('plausible')).toEqual(['after opting back in']);
  await expect.poll(() => collector.events('posthog')).toEqual(['$opt_in', '$pageview', 'after opting back in']);
});

test('client.js placed before PostHog’s snippet still switches PostHog, once the page is parsed', async ({ page }) => {
  await servingTrackers(page);
  const collector = await watchCollector(page);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('optout-frame')) warnings.push(message.text());
  });
  const url = pages.page(
    '/client-first',
    `<script src="${site.hostOrigin}/client.js" data-adapters="posthog"></script>
     <script>
       window.posthog = Object.assign([], { _i: [], __SV: 1 });
       for (const method of ['capture', 'opt_in_capturing', 'opt_out_capturing']) {
         posthog[method] = (...args) => posthog.push([method, ...args]);
       }
       posthog.init = (...args) => posthog._i.push(args);
       document.head.append(Object.assign(document.createElement('script'), { src: '/vendor/posthog-array.js', async: true }));
       posthog.init('phc_order_test', {
         api_host: '/collect/posthog', persistence: 'localStorage',
         request_batching: false, disable_compression: true, advanced_disable_flags: true,
         autocapture: false, disable_session_recording: true,
       });
       window.sendTrackedEvent = (name) => posthog.capture(name);
     </script>
     <iframe src="${site.hostOrigin}/optout" title="Analytics opt-out"></iframe>`,
  );
  const arrayBuild = await readFile(new URL('../node_modules/posthog-js/dist/array.no-external.js', import.meta.url), 'utf8');
  await page.route(`${pages.origin}/vendor/posthog-array.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: arrayBuild }),
  );
  const frame = () => page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);

  await page.goto(url);
  await expect.poll(() => collector.events('posthog')).toEqual(['$pageview']);
  await frame().getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame().getByRole('status')).toHaveText(texts.optedOut);
  collector.clear();
  // PostHog forgets its own opt-out (storage cleared, another domain): only the adapter can stop it now.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.includes('ph_')) localStorage.removeItem(key);
  });

  // Returning, opted out: window.posthog did not exist when client.js ran; the adapter retried.
  await page.reload();
  await sendEvent(page, 'while opted out');
  await frame().getByRole('button', { name: texts.optInButton }).click();
  await expect(frame().getByRole('status')).toHaveText(texts.optedIn);
  await sendEvent(page, 'after opting back in');
  await expect.poll(() => collector.events('posthog')).toEqual(['$opt_in', '$pageview', 'after opting back in']);
  expect(warnings).toEqual([]);
});
