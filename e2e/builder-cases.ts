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
