// The builder's two blocks of code, as generated, on a site owner's privacy page and another page: each tracker stops after opting out and comes back after opting in.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startOwnerSite, type OwnerSite } from './builder-site.js';
import { personBrowser } from './collector.js';
import { texts } from './frame.js';
import { startTestSite, type TestSite } from './servers.js';

const GA_ID = 'G-TEST1234';

/**
 * One tracker: what stands in for the internet (the tracker's addresses in the generated code,
 * pointed at the real library and the collector on the test site), and how the test sees a hit.
 * `sending` is undefined for the trackers whose library is not on npm: there the test reads the
 * switch the library reads before every hit (see README "Which trackers' real libraries are on npm").
 */
interface GeneratedCase {
  readonly tracker: string;
  readonly internet: readonly (readonly [string, string])[];
  /** For a real library: true once it has started on the page (and so has sent, or not, its page view). */
  readonly started?: () => boolean;
  readonly sending?: (page: Page) => Promise<boolean>;
}

/** Matomo sends the queued page view unless `optUserOut` comes before it (matomo.js replays `_paq` in order). */
const matomoSends = (page: Page) =>
  page.evaluate(async () => {
    await window.optout?.whenKnown();
    const names = ((window as unknown as { _paq: unknown[][] })._paq ?? []).map((command) => command[0]);
    const view = names.indexOf('trackPageView');
    const switches = names.slice(0, view).filter((name) => name === 'optUserOut' || name === 'forgetUserOptOut');
    return view >= 0 && switches.at(-1) !== 'optUserOut';
  });

/** gtag.js sends nothing for an id whose `ga-disable-<id>` is true; the config command is what makes the page view. */
const gtagSends = (page: Page) =>
  page.evaluate(async (id) => {
    await window.optout?.whenKnown();
    const calls = Array.from((window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer, (call) => Array.from(call));
    const configured = calls.some((call) => call[0] === 'config' && call[1] === id);
    const consent = calls.filter((call) => call[0] === 'consent').map((call) => (call[2] as { analytics_storage: string }).analytics_storage);
    return configured && (window as unknown as Record<string, unknown>)[`ga-disable-${id}`] !== true && consent.at(-1) === 'granted';
  }, GA_ID);

/** Fathom's script.js, once loaded, skips every page view while `blockFathomTracking` is set. */
const fathomSends = (page: Page) =>
  page.evaluate(async () => {
    await window.optout?.whenKnown();
    const loaded = document.querySelector('script[src="https://cdn.usefathom.com/script.js"]') !== null;
    return loaded && localStorage.getItem('blockFathomTracking') === null;
  });

const cases: readonly GeneratedCase[] = [
  {
    tracker: 'plausible',
    internet: [
      ['https://cdn.jsdelivr.net/npm/@plausible-analytics/tracker@0.4.6/plausible.js', '/lib/plausible.js'],
      ['https://plausible.io/api/event', '/collect/plausible/api/event'],
    ],
    started: () => typeof (window as unknown as { plausible?: unknown }).plausible === 'function',
  },
  {
    tracker: 'umami',
    internet: [['https://cloud.umami.is/script.js', '/collect/umami/script.js']],
    started: () => typeof (window as unknown as { umami?: unknown }).umami === 'object',
  },
  {
    tracker: 'posthog',
    internet: [
      ['https://eu-assets.i.posthog.com/static/array.js', '/lib/posthog/array.js'],
      ['https://eu.i.posthog.com', '/collect/posthog'],
    ],
    started: () => (window as unknown as { posthog?: { __loaded?: boolean } }).posthog?.__loaded === true,
  },
  { tracker: 'matomo', internet: [], sending: matomoSends },
  { tracker: 'google-analytics', internet: [], sending: gtagSends },
  { tracker: 'fathom', internet: [], sending: fathomSends },
];

let host: TestSite;
let site: OwnerSite;

test.beforeAll(async () => {
  site = await startOwnerSite();
  host = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: site.origin });
});
test.afterAll(async () => {
  await Promise.all([host.close(), site.close()]);
});

/** The builder's two blocks for one tracker, read from the builder page as a site owner copies them. */
async function generatedBlocks(browser: Browser, tracker: string): Promise<{ privacy: string; everyPage: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${host.hostOrigin}/?trackers=${tracker}&gaId=${GA_ID}`);
    return {
      privacy: await page.getByRole('textbox', { name: 'On your privacy page' }).inputValue(),
      everyPage: await page.getByRole('textbox', { name: 'On every other page' }).inputValue(),
    };
  } finally {
    await page.close();
  }
}

/** The visitor's click in the frame on the privacy page, and the state it shows after. */
async function choose(page: Page, privacyUrl: string, button: string, status: string): Promise<void> {
  await page.goto(privacyUrl);
  const frame = page.frameLocator(`iframe[src^="${host.hostOrigin}/optout"]`);
  await frame.getByRole('button', { name: button }).click();
  await expect(frame.getByRole('status')).toHaveText(status);
}

/** The article page, read until its tracker has started: whatever hit it makes on loading, it has made. */
async function readArticle(page: Page, url: string, started: (() => boolean) | undefined): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => window.optout?.whenKnown());
  if (started) await page.waitForFunction(started);
}

/**
 * The tracker's requests to its server as the browser makes them (in the order it makes them,
 * so a hit made before a later navigation is counted before it); PostHog's feature-flag reads are not hits.
 */
function watchHits(context: BrowserContext, tracker: string): () => number {
  let hits = 0;
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path.startsWith(`/collect/${tracker}/`) && !path.includes('/flags')) hits += 1;
  });
  return () => hits;
}

for (const { tracker, internet, started, sending } of cases) {
  test(`${tracker}: the generated code stops the tracker after opting out and restarts it after opting in`, async ({ browser }) => {
    const blocks = await generatedBlocks(browser, tracker);
    const local = (code: string) => internet.reduce((text, [address, path]) => text.replaceAll(address, `${site.origin}${path}`), code);
    for (const [address] of internet) expect(blocks.everyPage).toContain(address);
    const privacyUrl = site.page(`/${tracker}/privacy`, '', `<h2>Your choice</h2>\n${blocks.privacy}`);
    const articleUrl = site.page(`/${tracker}/article`, local(blocks.everyPage), '<p>An article.</p>');

    const context = await browser.newContext({ userAgent: personBrowser.userAgent });
    await context.addInitScript({ content: personBrowser.initScript });
    const fromArticle = watchHits(context, tracker);
    // What reached the server, also what the browser sends as a page unloads (Plausible's engagement events).
    const received = () => site.hits().filter((hit) => hit.tracker === tracker && !hit.path.includes('/flags')).length;
    const page = await context.newPage();
    try {
      // A first visit: the tracker starts once the frame has answered "opted in".
      await readArticle(page, articleUrl, started);
      if (sending) expect(await sending(page)).toBe(true);
      else await expect.poll(fromArticle, { timeout: 10_000 }).toBeGreaterThan(0);

      await choose(page, privacyUrl, texts.optOutButton, texts.optedOut);
      const beforeOptOut = fromArticle();
      const receivedBefore = received();
      await readArticle(page, articleUrl, started);
      if (sending) expect(await sending(page)).toBe(false);
      // Leaving the page is when some trackers flush what they queued: nothing must arrive then either.
      await choose(page, privacyUrl, texts.optInButton, texts.optedIn);
      expect(fromArticle()).toBe(beforeOptOut);
      expect(received()).toBe(receivedBefore);

      await readArticle(page, articleUrl, started);
      if (sending) expect(await sending(page)).toBe(true);
      else await expect.poll(fromArticle, { timeout: 10_000 }).toBeGreaterThan(beforeOptOut);
      // The browser's requests really reach the tracker's server (here the test site's collector).
      if (!sending) await expect.poll(received).toBeGreaterThan(receivedBefore);
    } finally {
      await context.close();
    }
  });
}
