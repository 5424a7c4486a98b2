// The shop page has no widget: the client learns the state through the hidden bridge, remembers it first-party, and then needs no frame.
import { expect, test, type Page, type Route } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';

const bridgeUrl = `${HOST_ORIGIN}/optout/bridge`;

/** Holds every bridge request until `release()`: whatever the page shows meanwhile came from no frame. */
async function holdBridge(page: Page): Promise<{ release: () => void; requested: () => boolean }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(bridgeUrl, async (route: Route) => {
    requested = true;
    await released;
    await route.continue();
  });
  return { release, requested: () => requested };
}

test('the shop learns the state through the bridge', async ({ page }) => {
  await page.goto('/shop');
  await expect(page.getByRole('status')).toHaveText('Tracking: on');
  await expect(page.locator('#tracking-source')).toHaveText(/confirmed by the opt-out host/);
  // No widget on this page: one hidden bridge, out of the accessibility tree.
  await expect(page.locator(`iframe[src^="${HOST_ORIGIN}/optout"]`)).toHaveCount(1);
  const bridge = page.locator(`iframe[src="${bridgeUrl}"]`);
  await expect(bridge).toBeHidden();
  await expect(bridge).toHaveAttribute('aria-hidden', 'true');

  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);

  // The privacy page's client heard the click: the next page answers from the mirror, with no frame.
  await page.goto('/shop');
  await expect(page.getByRole('status')).toHaveText('Tracking: off');
  await expect(page.locator('#tracking-source')).toHaveText(/remembered by this site/);
  await expect(page.locator(`iframe[src^="${HOST_ORIGIN}/"]`)).toHaveCount(0);
  // A page script that wants a fresh answer asks for one: that call loads the bridge.
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  await expect(page.locator(`iframe[src="${bridgeUrl}"]`)).toHaveCount(1);
});

test('after one visit, `cached` holds the state before any frame has loaded', async ({ page }) => {
  // First visit ever: nothing remembered yet.
  const first = await holdBridge(page);
  await page.goto('/shop', { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => window.optout?.cached)).toBeUndefined();
  await expect(page.getByRole('status')).toHaveText('Tracking: checking…');
  first.release();
  await expect(page.getByRole('status')).toHaveText('Tracking: on');
  await page.unrouteAll({ behavior: 'wait' });

  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
  // The mirror is the site's own storage, keyed by the host's origin.
  expect(await page.evaluate((key) => localStorage.getItem(key), `optout-frame:${HOST_ORIGIN}`)).toMatch(/^1:choice:\d+$/);

  // Next view: the bridge is held, so no frame can have answered; the page already knows, and
  // with a mirror this fresh it does not even ask.
  const next = await holdBridge(page);
  await page.goto('/shop', { waitUntil: 'load' });
  expect(await page.evaluate(() => window.optout?.cached)).toBe(true);
  await expect(page.getByRole('status')).toHaveText('Tracking: off');
  await expect(page.locator('#tracking-source')).toHaveText(/remembered by this site/);
  expect(next.requested()).toBe(false);

  // isOptedOut() asks: it waits for the (held) bridge, and gets the same answer.
  const answer = page.evaluate(() => window.optout?.isOptedOut());
  await expect.poll(next.requested).toBe(true);
  next.release();
  expect(await answer).toBe(true);
  await expect(page.getByRole('status')).toHaveText('Tracking: off');
});
