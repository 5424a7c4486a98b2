// First paint without the cookie: an opt-out kept only in the frame's own storage is shown before the frame script runs.
import { expect, test, type Page, type Response } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';

/** The frame's module script (the Lit element), blocked so only what the document itself does is seen. */
async function blockFrameScript(page: Page): Promise<void> {
  await page.route(`${HOST_ORIGIN}/assets/frame-*.js`, (route) => route.abort());
}

/** Loads `url` and returns the frame document's HTML as the host sent it. */
async function open(page: Page, url: string): Promise<string> {
  const frameResponse = page.waitForResponse((r: Response) => r.url().startsWith(`${HOST_ORIGIN}/optout`));
  await page.goto(url);
  return (await frameResponse).text();
}

/**
 * Chromium as these tests launch it throws on `localStorage` in a cross-site frame (it behaves as
 * with third-party cookies blocked), so the frame document is opened on its own here, where its storage works as it does in WebKit's frames;
 * the engines suite runs the embedded case where the browser keeps the frame's storage.
 */
test('an opt-out only the frame storage holds is painted before the frame script runs (cookie gone, as in WebKit)', async ({
  page,
  context,
}) => {
  await page.goto(`${HOST_ORIGIN}/optout`);
  await page.getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.getByRole('status')).toHaveText(texts.optedOut);
  expect(await page.evaluate(() => localStorage.getItem('optout-frame:optout'))).toBe('1');

  // The browser keeps no cookie for the frame's host; the frame's localStorage still has the choice.
  await context.clearCookies({ domain: '127.0.0.1' });
  await blockFrameScript(page);
  const html = await open(page, `${HOST_ORIGIN}/optout`);
  // The request carries no cookie, so the host can only say "opted in"…
  expect(html).toMatch(/<p class="status[^"]*" role="status">You are currently opted in\.<\/p>/);
  expect(html).not.toMatch(/<optout-toggle opted-out/);
  // …yet what is painted, with the element never defined, is the opt-out and the button to opt back in.
  expect(await page.evaluate(() => customElements.get('optout-toggle'))).toBeUndefined();
  await expect(page.getByRole('status')).toHaveText(texts.optedOut);
  await expect(page.getByRole('button')).toHaveText(texts.optInButton);
  await expect(page.getByText(texts.optedIn)).toBeHidden();
});

test('embedded, with nothing stored (and storage refused to the frame), the same document paints "opted in"', async ({ page }) => {
  await blockFrameScript(page);
  const html = await open(page, '/privacy');
  expect(html).toContain('localStorage');
  const frame = optOutFrame(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await expect(frame.getByRole('button')).toHaveText(texts.optOutButton);
  await expect(frame.getByText(texts.optedOut)).toBeHidden();
});
