// Which frame the client talks to: the page's visible widget when there is one, else a hidden bridge.
import { expect, test } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';

test('on the privacy page the client talks to the visible frame and loads no bridge', async ({ page }) => {
  const bridgeRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${HOST_ORIGIN}/optout/bridge`)) bridgeRequests.push(request.url());
  });
  await page.goto('/privacy');
  await expect(page.locator('#page-state')).toHaveText('opted in (no choice made yet)');
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(false);
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(bridgeRequests).toEqual([]);

  // The page's own opt-out goes through the visible frame, which shows it.
  await page.evaluate(() => window.optout?.optOut());
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
});

test('when the page removes the visible frame, the client carries on through a bridge', async ({ page }) => {
  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');

  await page.locator('iframe').evaluate((iframe) => iframe.remove());
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  await expect(page.locator(`iframe[src="${HOST_ORIGIN}/optout/bridge"]`)).toHaveCount(1);
});
