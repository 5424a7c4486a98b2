// A click (JavaScript on) is stored by the host's answer: Set-Cookie seen on the wire, one small request, kept on reload; the same request from another page is refused and stores nothing.
import { expect, test, type Page, type Response } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { startHostileSite, type HostileSite } from './hostile-site.js';
import { HOST_ORIGIN } from './origins.js';

/** Every answer to a POST /optout (any query) seen by the page, frames included. */
function hostPosts(page: Page): Response[] {
  const posts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().startsWith(`${HOST_ORIGIN}/optout`)) posts.push(response);
  });
  return posts;
}

/** Clicks `button` and returns the host's answer to the request the click sent. */
async function clickAndCatchAnswer(page: Page, button: string): Promise<Response> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(`${HOST_ORIGIN}/optout`));
  await optOutFrame(page).getByRole('button', { name: button }).click();
  return answer;
}

test('a click is stored by the host: its answer sets the cookie, reload keeps it; the same opting back in', async ({ page }) => {
  const posts = hostPosts(page);
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);

  const out = await clickAndCatchAnswer(page, texts.optOutButton);
  // The page hears at once, as before; the host's answer is a 204 with only the cookie, never a navigation.
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  expect(out.status()).toBe(204);
  expect(out.request().isNavigationRequest()).toBe(false);
  expect(await out.request().headerValue('sec-fetch-site')).toBe('same-origin');
  expect(await out.headerValue('set-cookie')).toMatch(/^optout=1; Max-Age=34560000; Path=\/; SameSite=None; Secure; Partitioned/);
  expect(posts).toHaveLength(1);

  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect(optOutFrame(page).locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);

  const back = await clickAndCatchAnswer(page, texts.optInButton);
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  expect(back.status()).toBe(204);
  expect(await back.headerValue('set-cookie')).toMatch(/^optout=0; Max-Age=34560000;/);
  expect(posts).toHaveLength(2);
  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
});

test.describe('the same request from another page of the site', () => {
  let hostile: HostileSite;
  test.beforeEach(async () => {
    hostile = await startHostileSite();
  });
  test.afterEach(async () => {
    await hostile.close();
  });

  test("replaying the frame's fetch is refused with 403, no cookie, and the visitor stays opted in", async ({ page }) => {
    const posts = hostPosts(page);
    // On localhost like the demo: the frame's cookie partition is the one this page would reach.
    await page.goto(hostile.page('/replay', '<p>replay</p>'));
    await page.evaluate(async (host) => {
      await fetch(`${host}/optout`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Prefer: 'return=minimal' },
        body: 'optedOut=1',
      });
    }, HOST_ORIGIN);
    await expect.poll(() => posts.length).toBe(1);
    expect(posts[0]!.status()).toBe(403);
    expect(await posts[0]!.headerValue('set-cookie')).toBeNull();

    await page.goto('/privacy');
    await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  });
});
