// e2e: the per-tracker scenario for the builder's generated code, written once for any engine (Chromium through Playwright, Firefox through puppeteer).
import { expect } from '@playwright/test';
import type { OwnerSite } from './builder-site.js';
import { texts } from './frame.js';

export const GA_ID = 'G-TEST1234';

/** A function shipped into the page: it closes over nothing. */
export type InPage<A, R> = (arg: A) => R | Promise<R>;

/** What the scenario needs from a browser tab, whatever drives it. */
export interface VisitorTab {
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
  waitFor(fn: () => boolean): Promise<void>;
  /** Clicks the visible button named `name` in the opt-out frame and waits until its status reads `status`. */
  clickInFrame(name: string, status: string): Promise<void>;
  /** POSTs the browser has made so far to `/collect/<tracker>/` (not PostHog's flag reads), in the order it made them. */
  hitsMade(): number;
}

/**
 * One tracker: what stands in for the internet (the tracker's addresses in the generated code,
 * pointed at the real library and the collector on the test site), and how the test sees a hit.
 * `sending` is for the trackers whose library is not on npm: there the test reads the switch the
 * library reads before every hit (see docs/client.md, "How the trackers are tested").
 */
export interface GeneratedCase {
  readonly tracker: string;
  readonly internet: readonly (readonly [string, string])[];
  /** For a real library: true once it has started on the page (and so has sent, or not, its page view). */
  readonly started?: () => boolean;
  readonly sending?: InPage<string, boolean>;
}

type Win = Window & Record<string, unknown>;

export const cases: readonly GeneratedCase[] = [
  {
    tracker: 'plausible',
    internet: [
      ['https://cdn.jsdelivr.net/npm/@plausible-analytics/tracker@0.4.6/plausible.js', '/lib/plausible.js'],
      ['https://plausible.io/api/event', '/collect/plausible/api/event'],
    ],
    started: () => typeof (window as unknown as Win).plausible === 'function',
  },
  {
    tracker: 'umami',
    internet: [['https://cloud.umami.is/script.js', '/collect/umami/script.js']],
    started: () => typeof (window as unknown as Win).umami === 'object',
  },
  {
    tracker: 'posthog',
    internet: [
      ['https://eu-assets.i.posthog.com/static/array.js', '/lib/posthog/array.js'],
      ['https://eu.i.posthog.com', '/collect/posthog'],
    ],
    started: () => ((window as unknown as Win).posthog as { __loaded?: boolean } | undefined)?.__loaded === true,
  },
  {
    tracker: 'matomo',
    internet: [],
    // matomo.js replays `_paq` in order: the page view goes out unless `optUserOut` comes before it.
    sending: async () => {
      await window.optout?.whenKnown();
      const names = (((window as unknown as Win)._paq ?? []) as unknown[][]).map((command) => command[0]);
      const view = names.indexOf('trackPageView');
      const switches = names.slice(0, view).filter((name) => name === 'optUserOut' || name === 'forgetUserOptOut');
      return view >= 0 && switches.at(-1) !== 'optUserOut';
    },
  },
  {
    tracker: 'google-analytics',
    internet: [],
    // gtag.js sends nothing for an id whose `ga-disable-<id>` is true; the config command makes the page view.
    sending: async (id) => {
      await window.optout?.whenKnown();
      const calls = Array.from((window as unknown as Win).dataLayer as ArrayLike<unknown>[], (call) => Array.from(call));
      const configured = calls.some((call) => call[0] === 'config' && call[1] === id);
      const consent = calls
        .filter((call) => call[0] === 'consent')
        .map((call) => (call[2] as { analytics_storage: string }).analytics_storage);
      return configured && (window as unknown as Win)[`ga-disable-${id}`] !== true && consent.at(-1) === 'granted';
    },
  },
  {
    tracker: 'fathom',
    internet: [],
    // Fathom's script.js, once loaded, skips every page view while `blockFathomTracking` is set.
    sending: async () => {
      await window.optout?.whenKnown();
      const loaded = document.querySelector('script[src="https://cdn.usefathom.com/script.js"]') !== null;
      return loaded && localStorage.getItem('blockFathomTracking') === null;
    },
  },
  {
    tracker: 'mixpanel',
    internet: [],
    // The snippet starts Mixpanel opted out by default and queues its calls for mixpanel-browser, which replays
    // them in order: the page view goes out only when the last switch before it is an opt-in.
    sending: async () => {
      await window.optout?.whenKnown();
      const calls = Array.from(((window as unknown as Win).mixpanel ?? []) as unknown[][], (call) => String(call[0]));
      const switches = calls.filter((name) => name === 'opt_in_tracking' || name === 'opt_out_tracking');
      return calls.includes('track_pageview') && switches.at(-1) === 'opt_in_tracking';
    },
  },
  {
    tracker: 'amplitude',
    internet: [['https://cdn.amplitude.com/libs/analytics-browser-2.48.1-min.js.gz', '/lib/amplitude.js']],
    // The real library: it sends nothing while its own optOut is set.
    sending: async () => {
      await window.optout?.whenKnown();
      const amplitude = (window as unknown as Win).amplitude as { getOptOut?: () => boolean | undefined } | undefined;
      // Its calls answer only once init has finished setting up (asynchronously): wait for a boolean, a hang guard.
      for (let tries = 0; tries < 100 && typeof amplitude?.getOptOut?.() !== 'boolean'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return amplitude?.getOptOut?.() === false;
    },
  },
  {
    tracker: 'segment',
    internet: [],
    // analytics.js runs every event through the queued source middlewares: an event goes out only if one calls next.
    sending: async () => {
      await window.optout?.whenKnown();
      const calls = Array.from(((window as unknown as Win).analytics ?? []) as unknown[][]);
      const middlewares = calls.filter((call) => call[0] === 'addSourceMiddleware').map((call) => call[1] as (ctx: object) => void);
      let passed = middlewares.length > 0;
      for (const middleware of middlewares) {
        let next = false;
        middleware({ payload: { obj: { type: 'page' } }, integrations: {}, next: () => (next = true) });
        passed &&= next;
      }
      return passed && calls.some((call) => call[0] === 'page');
    },
  },
  {
    tracker: 'microsoft-clarity',
    internet: [],
    // Clarity's queue: the last consentv2 decides whether it records (ad storage stays denied).
    sending: async () => {
      await window.optout?.whenKnown();
      const clarity = (window as unknown as Win).clarity as { q?: ArrayLike<unknown>[] } | undefined;
      const consents = Array.from(clarity?.q ?? [], (call) => Array.from(call)).filter((call) => call[0] === 'consentv2');
      return (consents.at(-1)?.[1] as { analytics_Storage?: string } | undefined)?.analytics_Storage === 'granted';
    },
  },
  {
    tracker: 'meta-pixel',
    internet: [],
    // fbevents.js replays the queue: the PageView goes out only while the last consent is a grant.
    sending: async () => {
      await window.optout?.whenKnown();
      const fbq = (window as unknown as Win).fbq as { queue?: ArrayLike<unknown>[] } | undefined;
      const calls = Array.from(fbq?.queue ?? [], (call) => Array.from(call));
      const consents = calls.filter((call) => call[0] === 'consent').map((call) => call[1]);
      return calls.some((call) => call[0] === 'track' && call[1] === 'PageView') && consents.at(-1) === 'grant';
    },
  },
];

/** The two blocks as the builder wrote them: a privacy page, and an article with the other block in its head. */
export function placeBlocks(
  site: OwnerSite,
  { tracker, internet }: GeneratedCase,
  blocks: { privacy: string; everyPage: string },
  engine: string,
) {
  for (const [address] of internet) expect(blocks.everyPage).toContain(address);
  const local = internet.reduce((text, [address, path]) => text.replaceAll(address, `${site.origin}${path}`), blocks.everyPage);
  return {
    privacyUrl: site.page(`/${engine}/${tracker}/privacy`, '', `<h2>Your choice</h2>\n${blocks.privacy}`),
    articleUrl: site.page(`/${engine}/${tracker}/article`, local, '<p>An article.</p>'),
  };
}

/**
 * A first visit sends the page view once the frame has answered; after opting out on the privacy
 * page the article sends nothing (not even as the page unloads); after opting in it sends again.
 */
export async function expectStopsAndRestarts(
  tab: VisitorTab,
  site: OwnerSite,
  kase: GeneratedCase,
  urls: { privacyUrl: string; articleUrl: string },
) {
  const { tracker, started, sending } = kase;
  // What reached the server, also what a browser sends as a page unloads (Plausible's engagement events).
  const received = () => site.hits().filter((hit) => hit.tracker === tracker && !hit.path.includes('/flags')).length;
  const readArticle = async () => {
    await tab.goto(urls.articleUrl);
    await tab.evaluate(() => window.optout?.whenKnown(), undefined);
    if (started) await tab.waitFor(started);
  };
  const expectSending = async (yes: boolean) => {
    if (sending) expect(await tab.evaluate(sending, GA_ID)).toBe(yes);
  };

  await readArticle();
  await expectSending(true);
  if (!sending) await expect.poll(() => tab.hitsMade(), { timeout: 10_000 }).toBeGreaterThan(0);

  await tab.goto(urls.privacyUrl);
  await tab.clickInFrame(texts.optOutButton, texts.optedOut);
  const [madeBefore, receivedBefore] = [tab.hitsMade(), received()];
  await readArticle();
  await expectSending(false);
  await tab.goto(urls.privacyUrl);
  await tab.clickInFrame(texts.optInButton, texts.optedIn);
  expect(tab.hitsMade()).toBe(madeBefore);
  expect(received()).toBe(receivedBefore);

  await readArticle();
  await expectSending(true);
  if (!sending) {
    await expect.poll(() => tab.hitsMade(), { timeout: 10_000 }).toBeGreaterThan(madeBefore);
    // The browser's requests really reach the tracker's server (here the test site's collector).
    await expect.poll(received).toBeGreaterThan(receivedBefore);
  }
}

/** A POST to the tracker's server that is a hit (PostHog's feature-flag reads are not). */
export function isHit(tracker: string, method: string, url: string): boolean {
  const path = new URL(url).pathname;
  return method === 'POST' && path.startsWith(`/collect/${tracker}/`) && !path.includes('/flags');
}
