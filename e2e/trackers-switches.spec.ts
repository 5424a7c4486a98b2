// Trackers whose script is not on npm (Matomo, Google Analytics, Fathom): their documented switch follows the frame.
import { expect, test, type Page } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { startTestSite } from './servers.js';
import { startPageServer } from './test-pages.js';

declare global {
  interface Window {
    _paq?: unknown[][];
    dataLayer?: ArrayLike<unknown>[];
  }
}

/** Matomo's queued command names, in order. */
const paqCommands = (page: Page) => page.evaluate(() => (window._paq ?? []).map((command) => command[0]));

/** gtag's queued calls, each as a plain array (gtag.js queues `arguments` objects). */
const gtagCalls = (page: Page) =>
  page.evaluate(() => (window.dataLayer ?? []).map((call) => JSON.parse(JSON.stringify(Array.from(call))) as unknown[]));

/** Consent mode v2 commands as `default:…`/`update:…` with the signals each sets, e.g. `update:analytics_storage=granted`. */
const consentCommands = async (page: Page) =>
  (await gtagCalls(page))
    .filter((call) => call[0] === 'consent')
    .map(
      (call) =>
        `${String(call[1])}:${Object.entries(call[2] as Record<string, string>)
          .map(([signal, value]) => `${signal}=${value}`)
          .join(',')}`,
    );

const allDenied = 'analytics_storage=denied,ad_storage=denied,ad_user_data=denied,ad_personalization=denied';

async function optOutThenIn(page: Page, between: () => Promise<void>, after: () => Promise<void>): Promise<void> {
  const frame = optOutFrame(page);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await between();
  await frame.getByRole('button', { name: texts.optInButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await after();
}

test('Matomo: optUserOut and forgetUserOptOut are queued on _paq as the visitor toggles', async ({ page }) => {
  await page.goto('/trackers/matomo');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  // First visit: the page holds hits with requireConsent; the frame's answer releases them.
  await expect
    .poll(() => paqCommands(page))
    .toEqual(['requireConsent', 'trackPageView', 'enableLinkTracking', 'setTrackerUrl', 'setSiteId', 'forgetUserOptOut']);
  await optOutThenIn(
    page,
    () => expect.poll(async () => (await paqCommands(page)).at(-1)).toBe('optUserOut'),
    () => expect.poll(async () => (await paqCommands(page)).slice(-2)).toEqual(['optUserOut', 'forgetUserOptOut']),
  );
});

test('Matomo: for a returning opted-out visitor, optUserOut is queued before the page view', async ({ page }) => {
  await page.goto('/trackers/matomo');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.getByRole('status', { name: "Matomo's own switch" })).toHaveText('last queued: optUserOut');
  await page.reload();
  const commands = await paqCommands(page);
  expect(commands.slice(0, 3)).toEqual(['optUserOut', 'requireConsent', 'trackPageView']);
  expect(commands).not.toContain('forgetUserOptOut');
});

test("Google Analytics: ga-disable-<ID> and consent mode v2's four signals follow the visitor, the default first", async ({ page }) => {
  await page.goto('/trackers/gtag');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  // A new visitor: all denied before anything is known, then only analytics storage granted (no ad signals asked for).
  await expect.poll(() => consentCommands(page)).toEqual([`default:${allDenied}`, 'update:analytics_storage=granted']);
  expect((await gtagCalls(page)).findIndex((call) => call[0] === 'config')).toBeGreaterThan(0);
  expect(await page.evaluate(() => window['ga-disable-G-HARBOUR123' as keyof Window])).toBe(false);
  const disabled = () => page.evaluate(() => window['ga-disable-G-HARBOUR123' as keyof Window]);
  await optOutThenIn(
    page,
    async () => {
      await expect.poll(disabled).toBe(true);
      await expect.poll(async () => (await consentCommands(page)).slice(2)).toEqual([`update:${allDenied}`]);
    },
    async () => {
      await expect.poll(disabled).toBe(false);
      await expect
        .poll(async () => (await consentCommands(page)).slice(2))
        .toEqual([`update:${allDenied}`, 'update:analytics_storage=granted']);
    },
  );
});

test('Google Analytics: for a returning opted-out visitor, both switches are set before the config command', async ({ page }) => {
  await page.goto('/trackers/gtag');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.getByRole('status', { name: "Google Analytics's own switch" })).toHaveText(/^off/);
  await page.reload();
  const calls = await gtagCalls(page);
  expect(calls[0]).toEqual([
    'consent',
    'default',
    { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
  ]);
  expect(calls.findIndex((call) => call[0] === 'config')).toBeGreaterThan(0);
  expect(await page.evaluate(() => window['ga-disable-G-HARBOUR123' as keyof Window])).toBe(true);
  // The frame confirms the opt-out: Google's tags were told so already, so no update follows.
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  expect(await consentCommands(page)).toEqual([`default:${allDenied}`]);
});

test('Google Analytics with data-ga-ad-signals="on": opted in grants the ad signals too, from the consent default on', async ({ page }) => {
  const pages = await startPageServer();
  const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  try {
    const url = pages.page(
      '/gtag-ads',
      `<iframe src="${site.hostOrigin}/optout" title="Analytics opt-out"></iframe>
       <script src="${site.hostOrigin}/client.js" data-adapters="gtag" data-ga-id="G-ADS1" data-ga-ad-signals="on"></script>
       <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-ADS1');</script>`,
    );
    const status = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`).getByRole('status');
    await page.goto(url);
    await expect(status).toHaveText(texts.optedIn);
    const granted = 'analytics_storage=granted,ad_storage=granted,ad_user_data=granted,ad_personalization=granted';
    await expect.poll(() => consentCommands(page)).toEqual([`default:${allDenied}`, `update:${granted}`]);
    await page.reload();
    await expect(status).toHaveText(texts.optedIn);
    expect(await consentCommands(page)).toEqual([`default:${granted}`]);
  } finally {
    await Promise.all([site.close(), pages.close()]);
  }
});

test('Fathom: localStorage.blockFathomTracking is set on opt-out and removed on opt-in, with no alert', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const flag = () => page.evaluate(() => localStorage.getItem('blockFathomTracking'));
  await page.goto('/trackers/fathom');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  expect(await flag()).toBeNull();
  await optOutThenIn(
    page,
    () => expect.poll(flag).toBe('true'),
    () => expect.poll(flag).toBeNull(),
  );
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await page.reload();
  expect(await flag()).toBe('true');
  expect(dialogs).toEqual([]);
});

test('data-adapters: unknown names are ignored with a console warning, the known ones still apply', async ({ page }) => {
  const pages = await startPageServer();
  const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  try {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const url = pages.page(
      '/adapter-names',
      `<script src="${site.hostOrigin}/client.js" data-adapters="fathom, hotjar ,umami"></script>
       <iframe src="${site.hostOrigin}/optout" title="Analytics opt-out"></iframe>`,
    );
    await page.goto(url);
    const frame = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
    await frame.getByRole('button', { name: texts.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    await expect
      .poll(() => page.evaluate(() => [localStorage.getItem('blockFathomTracking'), localStorage.getItem('umami.disabled')]))
      .toEqual(['true', '1']);
    expect(warnings.filter((text) => text.includes('optout-frame'))).toEqual([expect.stringContaining('unknown adapter "hotjar" ignored')]);
  } finally {
    await Promise.all([site.close(), pages.close()]);
  }
});

/** Calls queued on a tracker's stub (`clarity.q`, `fbq.queue`), each as a plain array, `filter` first. */
const queuedCalls = (page: Page, stub: 'clarity' | 'meta', filter: string) =>
  page.evaluate(
    ({ stub, filter }) => {
      const win = window as unknown as { clarity?: { q?: ArrayLike<unknown>[] }; fbq?: { queue?: ArrayLike<unknown>[] } };
      const queue = (stub === 'clarity' ? win.clarity?.q : win.fbq?.queue) ?? [];
      return Array.from(queue, (call) => JSON.parse(JSON.stringify(Array.from(call))) as unknown[]).filter((call) => call[0] === filter);
    },
    { stub, filter },
  );

const clarityDenied = ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }];
const clarityGranted = ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }];

test('Microsoft Clarity: consentv2 is queued denied before anything is known, granted once opted in, and on each change', async ({
  page,
}) => {
  await page.goto('/trackers/clarity');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  await expect.poll(() => queuedCalls(page, 'clarity', 'consentv2')).toEqual([clarityDenied, clarityGranted]);
  await optOutThenIn(
    page,
    () => expect.poll(() => queuedCalls(page, 'clarity', 'consentv2')).toEqual([clarityDenied, clarityGranted, clarityDenied]),
    () =>
      expect.poll(() => queuedCalls(page, 'clarity', 'consentv2')).toEqual([clarityDenied, clarityGranted, clarityDenied, clarityGranted]),
  );
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.getByRole('status', { name: "Microsoft Clarity's own switch" })).toHaveText(/^off/);
  // A returning opted-out visitor: denied first, before the snippet's own calls, and nothing more.
  await page.reload();
  const first = await page.evaluate(() =>
    Array.from((window as unknown as { clarity: { q: ArrayLike<unknown>[] } }).clarity.q, (call) => Array.from(call)[0]),
  );
  expect(first.slice(0, 2)).toEqual(['consentv2', 'set']);
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  expect(await queuedCalls(page, 'clarity', 'consentv2')).toEqual([clarityDenied]);
});

test("Meta Pixel: fbq('consent') follows the visitor, revoked before init for a returning opted-out visitor", async ({ page }) => {
  const calls = async () =>
    (
      await page.evaluate(() =>
        Array.from((window as unknown as { fbq: { queue: ArrayLike<unknown>[] } }).fbq.queue, (call) => Array.from(call)),
      )
    )
      .filter((call) => call[0] !== 'trackCustom')
      .map((call) => call.join(':'));
  await page.goto('/trackers/meta');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  // A new visitor: the snippet's revoke holds the page view; the adapter grants once the frame answers.
  await expect.poll(calls).toEqual(['consent:revoke', 'init:1234567890', 'track:PageView', 'consent:grant']);
  await optOutThenIn(
    page,
    () => expect.poll(async () => (await calls()).slice(4)).toEqual(['consent:revoke']),
    () => expect.poll(async () => (await calls()).slice(4)).toEqual(['consent:revoke', 'consent:grant']),
  );
  await page.reload();
  // Remembered opted in: granted at once, before init.
  expect(await calls()).toEqual(['consent:revoke', 'consent:grant', 'init:1234567890', 'track:PageView']);
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.getByRole('status', { name: "Meta Pixel's own switch" })).toHaveText(/^off/);
  await page.reload();
  expect(await calls()).toEqual(['consent:revoke', 'consent:revoke', 'init:1234567890', 'track:PageView']);
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  expect(await calls()).toEqual(['consent:revoke', 'consent:revoke', 'init:1234567890', 'track:PageView']);
});

test('A tool with no switch: its held script loads only after opting in, and not on a page view after opting out', async ({ page }) => {
  const loads: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/trackers/vendor/site-beacon.js' || path.startsWith('/collect/beacon/')) loads.push(path);
  });
  const status = page.getByRole('status', { name: "A tool with no switch's own switch" });
  // Opted out first, on the privacy page of the same site.
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  await page.goto('/trackers/no-switch');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect(status).toHaveText('off (not loaded)');
  expect(loads).toEqual([]);

  await optOutFrame(page).getByRole('button', { name: texts.optInButton }).click();
  await expect(status).toHaveText('on (loaded)');
  await expect.poll(() => loads).toEqual(['/trackers/vendor/site-beacon.js', '/collect/beacon/hit']);
  expect(await page.locator('script[data-beacon="harbour"]').getAttribute('src')).toBe('/trackers/vendor/site-beacon.js');

  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  loads.splice(0);
  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect(status).toHaveText('off (not loaded)');
  expect(loads).toEqual([]);
});
