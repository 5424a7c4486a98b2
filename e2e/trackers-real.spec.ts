// The real tracker libraries from npm on demo pages: hits stop when the visitor opts out in the frame, and restart on opt-in.
import { expect, test, type Page } from '@playwright/test';
import { personBrowser, watchCollector } from './collector.js';
import { optOutFrame, texts } from './frame.js';

declare global {
  interface Window {
    /** Each tracker demo page's way to send a custom event through its tracker. */
    sendTrackedEvent?: (name: string) => void;
  }
}

test.use({ userAgent: personBrowser.userAgent });
test.beforeEach(async ({ page }) => {
  await page.addInitScript({ content: personBrowser.initScript });
});

interface RealTracker {
  readonly name: string;
  readonly title: string;
  /** What the library sends for the first page view. */
  readonly pageview: string;
  /** What the library sends on its own when the visitor opts back in, before the next event. */
  readonly onOptIn: readonly string[];
  /** What it sends on its own when a visitor who arrived opted out opts in on the page. */
  readonly onLateOptIn: readonly string[];
}

const trackers: readonly RealTracker[] = [
  { name: 'plausible', title: 'Plausible', pageview: 'pageview', onOptIn: [], onLateOptIn: [] },
  { name: 'umami', title: 'Umami', pageview: 'pageview', onOptIn: [], onLateOptIn: [] },
  // PostHog records the opt-in itself, then the page view it had held.
  { name: 'posthog', title: 'PostHog', pageview: '$pageview', onOptIn: ['$opt_in'], onLateOptIn: ['$opt_in', '$pageview'] },
  // Mixpanel records the opt-in itself; the page view it dropped while opted out is not sent again.
  { name: 'mixpanel', title: 'Mixpanel', pageview: '$mp_web_page_view', onOptIn: ['$opt_in'], onLateOptIn: ['$opt_in'] },
  { name: 'amplitude', title: 'Amplitude', pageview: 'pageview', onOptIn: [], onLateOptIn: [] },
  { name: 'segment', title: 'Segment', pageview: 'page', onOptIn: [], onLateOptIn: [] },
];

const trackerSwitch = (page: Page, tracker: RealTracker) => page.getByRole('status', { name: `${tracker.title}'s own switch` });

async function sendEvent(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => typeof window.sendTrackedEvent === 'function');
  await page.evaluate((event) => window.sendTrackedEvent?.(event), name);
}

for (const tracker of trackers) {
  test.describe(tracker.title, () => {
    test('hits stop when the visitor opts out in the frame, and start again after opting back in', async ({ page }) => {
      const collector = await watchCollector(page);
      await page.goto(`/trackers/${tracker.name}`);
      const frame = optOutFrame(page);
      await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
      await expect.poll(() => collector.events(tracker.name)).toEqual([tracker.pageview]);
      await expect(trackerSwitch(page, tracker)).toHaveText('on');

      await sendEvent(page, 'before opting out');
      await expect.poll(() => collector.events(tracker.name)).toEqual([tracker.pageview, 'before opting out']);

      await frame.getByRole('button', { name: texts.optOutButton }).click();
      await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
      await expect(trackerSwitch(page, tracker)).toHaveText(/^off/);
      await sendEvent(page, 'while opted out');

      await frame.getByRole('button', { name: texts.optInButton }).click();
      await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
      await expect(trackerSwitch(page, tracker)).toHaveText('on');
      await sendEvent(page, 'after opting back in');
      // Had 'while opted out' been sent, it would sit before the last event: requests keep their order.
      await expect
        .poll(() => collector.events(tracker.name))
        .toEqual([tracker.pageview, 'before opting out', ...tracker.onOptIn, 'after opting back in']);
    });

    test('a returning visitor who opted out sends no hit at all, not even the first page view', async ({ page }) => {
      const collector = await watchCollector(page);
      await page.goto(`/trackers/${tracker.name}`);
      const frame = optOutFrame(page);
      await expect.poll(() => collector.events(tracker.name)).toEqual([tracker.pageview]);
      await frame.getByRole('button', { name: texts.optOutButton }).click();
      await expect(trackerSwitch(page, tracker)).toHaveText(/^off/);

      collector.clear();
      await page.reload();
      // The client knew the choice from its first-party mirror before the tracker started.
      expect(await page.evaluate(() => window.optout?.cached)).toBe(true);
      await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
      await expect(trackerSwitch(page, tracker)).toHaveText(/^off/);
      await sendEvent(page, 'while opted out');

      // The first hit of this page view is the one made after the visitor opts back in.
      await optOutFrame(page).getByRole('button', { name: texts.optInButton }).click();
      await expect(trackerSwitch(page, tracker)).toHaveText('on');
      await sendEvent(page, 'after opting back in');
      await expect.poll(() => collector.events(tracker.name)).toEqual([...tracker.onLateOptIn, 'after opting back in']);
      expect(collector.hits.every((hit) => hit.tracker === tracker.name)).toBe(true);
    });
  });
}
