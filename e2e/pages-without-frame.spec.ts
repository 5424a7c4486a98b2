// Pages without the widget cost nothing while the site's mirror is fresh, and every way the mirror can be stale is bounded.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { eventNames, personBrowser } from './collector.js';
import { texts } from './frame.js';
import { createProfile, type Profile } from './profile.js';
import { startTestSite, type TestSite } from './servers.js';
import { CLIENT_MODULE_PATH, startPageServer, type ClientModule, type PageServer } from './test-pages.js';

declare global {
  interface Window {
    /** `optout.cached` right after client.js ran, before any frame could answer. */
    cachedAtStart?: boolean;
    /** Requests the page has sent and not yet seen answered. */
    requestsInFlight?: () => number;
  }
}

const plausibleLibrary = new URL('../node_modules/@plausible-analytics/tracker/plausible.js', import.meta.url);
/** Set on the page's site to make the top-level page send Global Privacy Control (with the header). */
const GPC_FLAG = 'e2e-gpc';

let pages: PageServer;
let site: TestSite;
let url: { privacy: string; frameOnly: string; shop: string; shortShop: string };

/**
 * A page without the widget, as the README tells a site to set it up: client.js with the Plausible
 * adapter before the tracker, and the tracker started at once when the state is known, after the
 * frame's answer otherwise. `maxAge` goes on the tag as `data-max-age`.
 */
const shopPage = (host: string, maxAge?: number) => `
<h1>Shop</h1>
<p><strong id="tracking" role="status">Tracking: checking…</strong></p>
<script>
  // Test scaffolding: Plausible sends with fetch; counting what is in flight tells the test when all was sent.
  let inFlight = 0;
  const send = window.fetch;
  window.fetch = (...args) => { inFlight += 1; return send(...args).finally(() => { inFlight -= 1; }); };
  window.requestsInFlight = () => inFlight;
</script>
<script src="${host}/client.js" data-adapters="plausible"${maxAge === undefined ? '' : ` data-max-age="${maxAge}"`}></script>
<script>
  window.cachedAtStart = optout.cached;
  optout.subscribe(({ optedOut }) => { document.getElementById('tracking').textContent = 'Tracking: ' + (optedOut ? 'off' : 'on'); });
</script>
<script type="module">
  import { init, track } from '/vendor/plausible.js';
  // At once when the mirror knows, after the frame's answer otherwise (opted out if it cannot answer).
  await optout.whenKnown();
  init({ domain: 'example.test', endpoint: '/collect/plausible/api/event', captureOnLocalhost: true });
  // Resolves once Plausible sent the event, or skipped it (it calls back either way).
  window.sendTrackedEvent = (name) => new Promise((resolve) => track(name, { callback: resolve }));
</script>`;

const frame = (host: string) =>
  `<iframe src="${host}/optout?showIntro=0" title="Analytics opt-out" style="border:0;width:100%;height:120px"></iframe>`;

test.use({ userAgent: personBrowser.userAgent });

test.beforeAll(async () => {
  pages = await startPageServer();
  // Served by the page server itself: a page.route would turn Chromium's HTTP cache off, and
  // client.js coming from that cache is what a repeat view looks like.
  pages.script('/vendor/plausible.js', plausibleLibrary);
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  const host = site.hostOrigin;
  url = {
    // The privacy page with the client: page scripts hear the frame, the mirror follows every click.
    privacy: pages.page('/privacy', `${frame(host)}<script src="${host}/client.js"></script>`),
    // The frame pasted alone, as the README allows: nothing on this page writes the site's mirror.
    frameOnly: pages.page('/privacy-frame-only', frame(host)),
    shop: pages.page('/shop', shopPage(host)),
    // The same page with a short bound, so a test need not wait 30 minutes.
    shortShop: pages.page('/shop-short', shopPage(host, 60)),
  };
});
test.afterAll(async () => {
  await Promise.all([site?.close(), pages?.close()]);
});

/** Presents the browser as a person's (Plausible ignores automated ones) and sends GPC when flagged. */
async function prepare(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: personBrowser.initScript });
  await context.addInitScript((flag: string) => {
    // The page's own site carries the flag; the host's frames see the Sec-GPC header instead.
    if (window.top === window && document.cookie.split('; ').includes(`${flag}=1`)) {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    }
  }, GPC_FLAG);
}

async function sendGpc(context: BrowserContext, on: boolean): Promise<void> {
  if (on) await context.addCookies([{ name: GPC_FLAG, value: '1', url: pages.origin }]);
  else await context.clearCookies({ name: GPC_FLAG });
  await context.setExtraHTTPHeaders(on ? { 'Sec-GPC': '1' } : {});
}

/** Counts what reached the host from now on. */
function hostTraffic() {
  const from = site.hostRequests().length;
  return () => site.hostRequests().slice(from);
}

/** What one page view cost the host, and what page scripts knew at once. */
interface ViewCost {
  /** What reached the host, e.g. `GET /optout/bridge` (client.js from the browser's cache does not). */
  readonly requests: readonly string[];
  /** The host's frames in the page (the bridge is one). */
  readonly frames: number;
  /** `optout.cached` right after client.js ran. */
  readonly cachedAtStart: boolean | undefined;
}

/**
 * Opens a page and waits for its `load` event: a bridge the client adds while the document is
 * parsed delays `load`, so by then it is in the DOM and its request has reached the host.
 */
async function view(page: Page, address: string): Promise<ViewCost> {
  const traffic = hostTraffic();
  await page.goto(address, { waitUntil: 'load' });
  return { requests: traffic(), frames: await hostFrames(page), cachedAtStart: await page.evaluate(() => window.cachedAtStart) };
}

const hostFrames = (page: Page) => page.locator(`iframe[src^="${site.hostOrigin}/"]`).count();
const tracking = (page: Page) => page.getByRole('status');
const mirror = (page: Page) => page.evaluate((key) => localStorage.getItem(key), `optout-frame:${site.hostOrigin}`);
/** A repeat view the mirror answered alone: nothing to the host, no frame, the state known at once. */
const free = (cachedAtStart: boolean): ViewCost => ({ requests: [], frames: 0, cachedAtStart });
/** A view that asked the bridge once; `cachedAtStart` is what page scripts had before it answered. */
const oneBridge = (cachedAtStart: boolean | undefined): ViewCost => ({ requests: ['GET /optout/bridge'], frames: 1, cachedAtStart });

/**
 * Plausible's events that reached the collector during this test, read once the page's tracker
 * has started (it defines `sendTrackedEvent` then) and every request it sent was answered.
 */
function plausibleCollector() {
  const from = pages.collected().length;
  return async (page: Page): Promise<string[]> => {
    await page.waitForFunction(() => typeof window.sendTrackedEvent === 'function' && window.requestsInFlight?.() === 0);
    return (
      pages
        .collected()
        .slice(from)
        .filter((request) => request.tracker === 'plausible')
        .flatMap((request) => eventNames('plausible', request.body))
        // Plausible reports time spent on a page it counted as the page is left; never a first hit.
        .filter((name) => name !== 'engagement')
    );
  };
}

const sendEvent = (page: Page, name: string) => page.evaluate((event) => window.sendTrackedEvent?.(event), name);

async function optOutIn(page: Page, address: string): Promise<void> {
  await page.goto(address);
  const optOutFrame = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
  await optOutFrame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(optOutFrame.getByRole('status')).toHaveText(texts.optedOut);
}

test('a repeat view with a fresh mirror makes no request to the host and creates no frame; isOptedOut() asks one', async ({
  page,
  context,
}) => {
  await prepare(context);
  const plausibleHits = plausibleCollector();
  // First view: nothing remembered, so the bridge is asked and the tracker waits for it.
  expect(await view(page, url.shop)).toEqual({ requests: ['GET /client.js', 'GET /optout/bridge'], frames: 1, cachedAtStart: undefined });
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await plausibleHits(page)).toEqual(['pageview']);

  expect(await view(page, url.shop)).toEqual(free(false));
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await plausibleHits(page)).toEqual(['pageview', 'pageview']);

  // A caller that wants a fresh answer gets one: that call, not the page view, loads the bridge.
  const traffic = hostTraffic();
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(false);
  expect(traffic()).toEqual(['GET /optout/bridge']);
  expect(await hostFrames(page)).toBe(1);
});

test('a mirror older than the bound loads exactly one bridge, and the tracker waits for its answer', async ({ page, context }) => {
  await prepare(context);
  await context.clock.install();
  const plausibleHits = plausibleCollector();
  const answersBefore = site.hostAnswers().length;
  await view(page, url.shop);
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await plausibleHits(page)).toEqual(['pageview']);

  // 31 minutes later: the default bound (30 minutes) has passed. A stale opt-in is not given to
  // page scripts: the tracker's first hit waits for the bridge.
  await context.clock.fastForward('31:00');
  expect(await view(page, url.shop)).toEqual(oneBridge(undefined));
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await plausibleHits(page)).toEqual(['pageview', 'pageview']);
  expect(await mirror(page)).toMatch(/^0:default:\d+$/);
  // The bridge is cacheable: the state is unchanged, so the browser revalidates its copy (ETag) and gets a 304.
  const bridgeAnswers = site
    .hostAnswers()
    .slice(answersBefore)
    .filter((answer) => answer.startsWith('GET /optout/bridge '));
  expect(bridgeAnswers).toEqual(['GET /optout/bridge 200', 'GET /optout/bridge 304']);
});

test('an opt-out on the privacy page with the client reaches the next page view at once, with no request', async ({ page, context }) => {
  await prepare(context);
  const plausibleHits = plausibleCollector();
  await view(page, url.shop);
  expect(await plausibleHits(page)).toEqual(['pageview']);

  await optOutIn(page, url.privacy);
  await expect.poll(() => mirror(page)).toMatch(/^1:choice:\d+$/);
  expect(await view(page, url.shop)).toEqual(free(true));
  await expect(tracking(page)).toHaveText('Tracking: off');
  expect(await plausibleHits(page)).toEqual(['pageview']);
});

test('an opt-out in a frame on a page without the client stops tracking once the bound has passed, before the first hit', async ({
  page,
  context,
}) => {
  await prepare(context);
  await context.clock.install();
  const plausibleHits = plausibleCollector();
  await view(page, url.shortShop);
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await plausibleHits(page)).toEqual(['pageview']);

  await optOutIn(page, url.frameOnly);
  // Within the bound the site's pages cannot know: nothing on the privacy page told them. This
  // is the documented lag (docs/storage.md, "When the mirror can be stale"), at no cost to the page.
  expect(await view(page, url.shortShop)).toEqual(free(false));
  expect(await plausibleHits(page)).toEqual(['pageview', 'pageview']);

  // The visitor leaves (an open page would ask the bridge itself when the bound passes, see below)
  // and returns past the bound (60 s on this page): the bridge is asked before the tracker's first hit.
  await page.goto('about:blank');
  await context.clock.fastForward('01:01');
  expect(await view(page, url.shortShop)).toEqual(oneBridge(undefined));
  await expect(tracking(page)).toHaveText('Tracking: off');
  expect(await plausibleHits(page)).toEqual(['pageview', 'pageview']);
  expect(await mirror(page)).toMatch(/^1:choice:\d+$/);

  // Confirmed again: the next view is free once more.
  expect(await view(page, url.shortShop)).toEqual(free(true));
});

test('a page left open past the bound asks the bridge then, and stops tracking after an opt-out it could not hear', async ({ context }) => {
  await prepare(context);
  await context.clock.install();
  const shop = await context.newPage();
  const plausibleHits = plausibleCollector();
  await view(shop, url.shortShop);
  expect(await plausibleHits(shop)).toEqual(['pageview']);
  // The fresh mirror answers: this page has no frame to hear the other tab.
  expect(await view(shop, url.shortShop)).toEqual(free(false));
  expect(await plausibleHits(shop)).toEqual(['pageview', 'pageview']);

  const privacy = await context.newPage();
  await optOutIn(privacy, url.frameOnly);
  await expect(tracking(shop)).toHaveText('Tracking: on');

  await context.clock.fastForward('01:01');
  await expect(tracking(shop)).toHaveText('Tracking: off');
  expect(await hostFrames(shop)).toBe(1);
  await sendEvent(shop, 'after the bound');
  expect(await plausibleHits(shop)).toEqual(['pageview', 'pageview']);
});

test('another tab: an opt-out reaches an open page through the mirror, and new pages read it, with no request', async ({ context }) => {
  await prepare(context);
  const shop = await context.newPage();
  const plausibleHits = plausibleCollector();
  await view(shop, url.shop);
  expect(await plausibleHits(shop)).toEqual(['pageview']);
  expect(await view(shop, url.shop)).toEqual(free(false));

  const privacy = await context.newPage();
  await optOutIn(privacy, url.privacy);
  await expect(tracking(shop)).toHaveText('Tracking: off');
  await sendEvent(shop, 'after the opt-out in another tab');
  expect(await plausibleHits(shop)).toEqual(['pageview', 'pageview']);
  expect(await hostFrames(shop)).toBe(0);

  const nextHits = plausibleCollector();
  const next = await context.newPage();
  expect(await view(next, url.shop)).toEqual(free(true));
  expect(await nextHits(next)).toEqual([]);
});

test("cleared site data: without the mirror the bridge is asked, and the host's cookie keeps the opt-out before the first hit", async ({
  page,
  context,
}) => {
  await prepare(context);
  const plausibleHits = plausibleCollector();
  await optOutIn(page, url.privacy);
  // The visitor clears this site's data (both mirrors, and Plausible's own switch with them).
  await page.evaluate(() => localStorage.clear());
  await context.clearCookies({ name: 'optout_state' });

  expect(await view(page, url.shop)).toEqual(oneBridge(undefined));
  await expect(tracking(page)).toHaveText('Tracking: off');
  expect(await plausibleHits(page)).toEqual([]);
  expect(await mirror(page)).toMatch(/^1:choice:\d+$/);
});

test('GPC turned on is seen by the page with no request; turned off, the mirrored GPC state is checked at once', async ({
  page,
  context,
}) => {
  await prepare(context);
  const plausibleHits = plausibleCollector();
  await view(page, url.shop);
  expect(await plausibleHits(page)).toEqual(['pageview']);

  await sendGpc(context, true);
  expect(await view(page, url.shop)).toEqual(free(true));
  await expect(tracking(page)).toHaveText('Tracking: off');
  expect(await plausibleHits(page)).toEqual(['pageview']);

  // The privacy page's frame tells the client "opted out, by GPC": the mirror holds that.
  await page.goto(url.privacy);
  await expect.poll(() => mirror(page)).toMatch(/^1:gpc:\d+$/);

  // The visitor turns GPC off: the mirror's GPC state is no choice, so a frame is asked now,
  // held as opted out until it answered (no tracker started in between), then opted in.
  await sendGpc(context, false);
  expect(await view(page, url.shop)).toEqual(oneBridge(true));
  await expect(tracking(page)).toHaveText('Tracking: on');
  expect(await mirror(page)).toMatch(/^0:default:\d+$/);
  await sendEvent(page, 'after GPC turned off');
  expect(await plausibleHits(page)).toEqual(['pageview', 'after GPC turned off']);
});

test.describe('the no-JavaScript form', () => {
  let profile: Profile | undefined;
  test.afterEach(async () => {
    await profile?.remove();
  });

  test('an opt-out made with JavaScript off stops tracking once the bound has passed, before the first hit', async () => {
    profile = createProfile();
    const launch = async (options: Parameters<Profile['launch']>[0] = {}) => {
      const context = await profile!.launch({ userAgent: personBrowser.userAgent, ...options });
      await prepare(context);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    };

    let { context, page } = await launch();
    let plausibleHits = plausibleCollector();
    await view(page, url.shop);
    expect(await plausibleHits(page)).toEqual(['pageview']);
    await context.close();

    // The visitor turns JavaScript off and opts out with the frame's form.
    ({ context, page } = await launch({ javaScriptEnabled: false }));
    await optOutIn(page, url.privacy);
    await context.close();

    // JavaScript on again, 31 minutes later: the mirror's opt-in is stale, the bridge is asked first.
    ({ context, page } = await launch());
    await context.clock.install({ time: Date.now() + 31 * 60_000 });
    plausibleHits = plausibleCollector();
    // client.js may be revalidated after the browser restart: only the bridge matters here.
    const { requests, cachedAtStart } = await view(page, url.shop);
    expect(requests.filter((request) => request !== 'GET /client.js')).toEqual(['GET /optout/bridge']);
    expect(cachedAtStart).toBeUndefined();
    await expect(tracking(page)).toHaveText('Tracking: off');
    expect(await plausibleHits(page)).toEqual([]);
    await context.close();
  });
});

test('a bad maxAge is a typed error from connectOptOut; a bad data-max-age is named on the console and the default used', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await view(page, pages.page('/bad-max-age', `<script src="${site.hostOrigin}/client.js" data-max-age="soon"></script>`));
  expect(warnings).toContain('optout-frame: data-max-age must be a number of seconds >= 0, got "soon"; using 1800');
  // The opt-out still works: a typo on the tag must not leave trackers without an answer.
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(false);

  const thrown = await page.evaluate(async (path) => {
    const { connectOptOut } = (await import(path)) as ClientModule;
    return [-1, Number.NaN, Number.POSITIVE_INFINITY].map((maxAge) => {
      try {
        connectOptOut({ host: location.origin, maxAge });
        return 'no error';
      } catch (error) {
        return `${(error as Error).name} ${(error as { code?: string }).code}`;
      }
    });
  }, CLIENT_MODULE_PATH);
  expect(thrown).toEqual(Array(3).fill('OptOutError INVALID_MAX_AGE'));
});
