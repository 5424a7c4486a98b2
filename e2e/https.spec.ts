// Production's origins: the host on https://optout.example.test, sites on https://*.test names — Secure, SameSite=None, Partitioned and frame-ancestors as on the internet.
import { expect, test } from '@playwright/test';
import { texts } from './frame.js';
import { CROSS_SITE_NAME, HOST_NAME, OTHER_NAME, SAME_SITE_NAME, useHttpsSites } from './https-origins.js';

const sites = useHttpsSites();

/** The site a cookie set in a frame is partitioned by: the top-level page's scheme and registrable domain. */
const topLevelSite = (name: string) => `https://${name.split('.').slice(-2).join('.')}`;

for (const [kind, name] of [
  ['on a third-party site (a host shared by many sites)', CROSS_SITE_NAME],
  ["on a site of the host's own domain", SAME_SITE_NAME],
] as const) {
  test(`${kind}: a click opts out over HTTPS, the cookie is SameSite=None; Secure; Partitioned on the wire, a reload keeps it, page scripts hear it`, async () => {
    const context = await sites.browser.newContext();
    const page = await context.newPage();
    const siteOrigin = sites.demo.origin(name);
    await page.goto(`${siteOrigin}/privacy`);
    const frame = page.frameLocator(`iframe[src^="${sites.hostOrigin}/optout"]`);
    await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
    await expect(page.locator('#page-state')).toHaveText('opted in (no choice made yet)');

    await frame.getByRole('button', { name: texts.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');

    const frameResponse = page.waitForResponse((response) => response.url().startsWith(`${sites.hostOrigin}/optout`));
    await page.reload();
    const response = await frameResponse;
    // The browser kept the cookie and sent it back; the host renewed it with the same attributes.
    // (On the host's own domain the site's optout_state mirror, Domain=example.test, goes along: the host ignores it.)
    expect((await response.request().headerValue('cookie'))?.split('; ').filter((cookie) => !cookie.startsWith('optout_state='))).toEqual([
      'optout=1',
    ]);
    expect(await response.headerValue('set-cookie')).toMatch(/^optout=1; Max-Age=\d+; Path=\/; SameSite=None; Secure; Partitioned$/);
    expect(await response.headerValue('content-security-policy')).toContain(
      `frame-ancestors 'self' ${sites.demo.origin(SAME_SITE_NAME)} ${sites.demo.origin(CROSS_SITE_NAME)}`,
    );
    // The state is in the frame's first HTML, from the cookie the request carried.
    // The visible status element, not the texts every document carries in its boot JSON.
    expect(await response.text()).toContain(`<p class="status" role="status">${texts.optedOut}</p>`);
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');

    // The frame's cookie (the client's first-party optout_state mirror is the site's, not the host's).
    const cookies = (await context.cookies()).filter((cookie) => cookie.domain === HOST_NAME);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({
      name: 'optout',
      value: '1',
      domain: HOST_NAME,
      secure: true,
      sameSite: 'None',
      partitionKey: topLevelSite(name),
    });
    await context.close();
  });
}

test('a site that is not allowed: frame-ancestors keeps the frame out, and its page scripts get no answer', async () => {
  const context = await sites.browser.newContext();
  const page = await context.newPage();
  const frameResponse = page.waitForResponse((response) => response.url().startsWith(`${sites.hostOrigin}/optout`));
  await page.goto(`${sites.demo.origin(OTHER_NAME)}/privacy`);
  expect(await (await frameResponse).headerValue('content-security-policy')).not.toContain(OTHER_NAME);
  // Chromium replaces a refused frame with its own error page: nothing of the host's is shown.
  await expect.poll(() => page.frames()[1]?.url() ?? 'about:blank').not.toBe('about:blank');
  expect(page.frames()[1]!.url()).not.toContain(HOST_NAME);
  await expect(page.frameLocator('iframe').getByRole('button')).toHaveCount(0);
  const answer = await page.evaluate(() => {
    const { optout } = window as unknown as { optout: { isOptedOut(): Promise<boolean> } };
    return optout.isOptedOut().then(String, (error: { code: string }) => error.code);
  });
  expect(answer).toBe('TIMEOUT');
  await expect(page.locator('#page-state')).toHaveText('waiting for the opt-out frame…');
  await context.close();
});

test('without JavaScript: the form posts to https://optout.example.test itself (Sec-Fetch-Site: same-origin), and the choice sticks', async () => {
  const context = await sites.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${sites.demo.origin(CROSS_SITE_NAME)}/privacy`);
  const frame = page.frameLocator(`iframe[src^="${sites.hostOrigin}/optout"]`);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  const post = page.waitForRequest((request) => request.method() === 'POST');
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  const request = await post;
  expect(request.url()).toBe(`${sites.hostOrigin}/optout?showIntro=1`);
  expect(await request.headerValue('sec-fetch-site')).toBe('same-origin');
  expect((await request.response())?.status()).toBe(303);
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await page.reload();
  await expect(page.frameLocator(`iframe[src^="${sites.hostOrigin}/optout"]`).getByRole('status')).toHaveText(texts.optedOut);
  await context.close();
});
