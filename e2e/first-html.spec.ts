// The first HTML of GET /optout already carries the state matching the cookie: no flash of the wrong state.
import { expect, test, type Response } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';
import { startTestSite } from './servers.js';

/** The status paragraph as the server wrote it, before any script ran (the first, when there is one per state). */
function statusInHtml(html: string): string | undefined {
  return /<p class="status[^"]*" role="status">([^<]*)<\/p>/.exec(html)?.[1];
}

test('on the wire: the cookie decides the state in the first HTML', async ({ request }) => {
  const none = await request.get(`${HOST_ORIGIN}/optout`);
  expect(statusInHtml(await none.text())).toBe(texts.optedIn);

  const out = await request.get(`${HOST_ORIGIN}/optout`, { headers: { cookie: 'optout=1' } });
  const outHtml = await out.text();
  expect(statusInHtml(outHtml)).toBe(texts.optedOut);
  expect(outHtml).toContain(`<button type="submit" name="optedOut" value="0">${texts.optInButton}</button>`);
  expect(outHtml).toMatch(/<optout-toggle opted-out reason="choice"/);
  // The stored choice is renewed on each visit, with the attributes of a partitioned cookie.
  const setCookie = out.headers()['set-cookie'] ?? '';
  expect(setCookie).toMatch(/^optout=1; Max-Age=34560000; Path=\/; SameSite=None; Secure; Partitioned$/);

  const back = await request.get(`${HOST_ORIGIN}/optout`, { headers: { cookie: 'optout=0' } });
  expect(statusInHtml(await back.text())).toBe(texts.optedIn);
});

test('in the browser: after opting out, the frame document arrives already opted out', async ({ page }) => {
  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);

  const frameResponse = page.waitForResponse((r: Response) => r.url().startsWith(`${HOST_ORIGIN}/optout`));
  await page.reload();
  const html = await (await frameResponse).text();
  expect(statusInHtml(html)).toBe(texts.optedOut);
});

test('OPTOUT_COOKIE_NAME renames the cookie the first HTML is read from', async ({ request }) => {
  const site = await startTestSite({ OPTOUT_COOKIE_NAME: 'gazette_optout' });
  try {
    const ignored = await request.get(`${site.hostOrigin}/optout`, { headers: { cookie: 'optout=1' } });
    expect(statusInHtml(await ignored.text())).toBe(texts.optedIn);
    const read = await request.get(`${site.hostOrigin}/optout`, { headers: { cookie: 'gazette_optout=1' } });
    expect(statusInHtml(await read.text())).toBe(texts.optedOut);
    expect(read.headers()['set-cookie']).toMatch(/^gazette_optout=1;/);
  } finally {
    await site.close();
  }
});
