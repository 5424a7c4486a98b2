// The walking skeleton as a visitor lives it: the cross-site frame toggles and the choice persists.
import { expect, test } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';

test('the privacy page shows the cross-site frame and a click opts out, persistently', async ({ page, context }) => {
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);

  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect(frame.getByRole('button', { name: texts.optInButton })).toBeVisible();

  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);

  const second = await context.newPage();
  await second.goto('/privacy');
  const secondFrame = optOutFrame(second);
  await expect(secondFrame.getByRole('status')).toHaveText(texts.optedOut);

  await secondFrame.getByRole('button', { name: texts.optInButton }).click();
  await expect(secondFrame.getByRole('status')).toHaveText(texts.optedIn);
  await second.reload();
  await expect(optOutFrame(second).getByRole('status')).toHaveText(texts.optedIn);
});

test('the frame really is third-party: a different site from the page', async ({ page }) => {
  await page.goto('/privacy');
  await expect(optOutFrame(page).getByRole('status')).toBeVisible();
  const frame = page.frames().find((f) => f.url().startsWith(`${HOST_ORIGIN}/optout`));
  expect(frame, 'frame from the host origin').toBeDefined();
  expect(new URL(page.url()).hostname).toBe('localhost');
  expect(new URL(frame!.url()).hostname).toBe('127.0.0.1');
  // The browser refuses scripted access across sites.
  const crossSiteAccess = await page.evaluate(() => {
    try {
      return String(document.querySelector('iframe')!.contentDocument);
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(crossSiteAccess).toBe('null');
});

test('the keyboard alone toggles: Tab to the button, Enter, then Space', async ({ page }) => {
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  const optOut = frame.getByRole('button', { name: texts.optOutButton });
  // Wait for the element to take over from the server-rendered form before driving it.
  await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);

  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press('Tab');
    if (await optOut.evaluate((button) => button.matches(':focus')).catch(() => false)) break;
  }
  await expect(optOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  const optIn = frame.getByRole('button', { name: texts.optInButton });
  await expect(optIn).toBeFocused();
  await page.keyboard.press('Space');
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);

  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the form fallback toggles and persists', async ({ page }) => {
    await page.goto('/privacy');
    const frame = optOutFrame(page);
    await expect(frame.getByRole('status')).toHaveText(texts.optedIn);

    await frame.getByRole('button', { name: texts.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

    await page.reload();
    await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);

    await optOutFrame(page).getByRole('button', { name: texts.optInButton }).click();
    await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
    await page.reload();
    await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  });
});
