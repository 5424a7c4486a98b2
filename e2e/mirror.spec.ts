// The site's first-party mirror: it restores an opt-out the frame lost, never an opt-in, and answers where the host can keep nothing.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { DEMO_ORIGIN, HOST_ORIGIN } from './origins.js';
import { recordFromStart, recorded } from './page-recorder.js';
import { createProfile, type Profile } from './profile.js';
import { startTestSite } from './servers.js';

const storageBlocked = 'Your browser does not let this frame remember your choice, so it cannot be kept here.';

/** The mirror client.js keeps in the site's own localStorage. */
function mirror(page: Page, hostOrigin: string): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), `optout-frame:${hostOrigin}`);
}

async function hostCookie(context: BrowserContext, hostOrigin: string): Promise<string | undefined> {
  return (await context.cookies(hostOrigin)).find((cookie) => cookie.name === 'optout')?.value;
}

test('with the frame\'s cookie cleared, the mirror restores an earlier opt-out, and page scripts never hear "opted in"', async ({
  page,
  context,
}) => {
  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
  expect(await mirror(page, HOST_ORIGIN)).toMatch(/^1:choice:\d+$/);

  // The host's cookies go (as "clear cookies" for one site does); the demo's storage stays.
  await context.clearCookies({ domain: '127.0.0.1' });
  expect(await hostCookie(context, HOST_ORIGIN)).toBeUndefined();
  await recordFromStart(context, HOST_ORIGIN);
  await page.reload();

  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect(optOutFrame(page).getByRole('button', { name: texts.optInButton })).toBeVisible();
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
  // Written back to the frame's layer, so the host's next first HTML is right again.
  await expect.poll(() => hostCookie(context, HOST_ORIGIN)).toBe('1');
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  // The frame first said what its empty layers meant (opted in, by default): the client held
  // that back until the restore landed, so a tracker never started.
  const { heard, messages } = await recorded(page);
  expect(heard).toEqual([{ optedOut: true, reason: 'choice' }]);
  expect(messages.find((m) => m.type === 'ready')).toMatchObject({ optedOut: false, reason: 'default' });
  expect(messages.some((m) => m.type === 'status' && m.optedOut === true && m.reason === 'choice')).toBe(true);
});

test('on a page without the widget, the bridge restores the mirrored opt-out the same way', async ({ page, context }) => {
  await page.goto('/privacy');
  await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
  await context.clearCookies({ domain: '127.0.0.1' });

  await page.goto('/shop');
  await expect(page.locator('#tracking')).toHaveText('Tracking: off');
  expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  await expect.poll(() => hostCookie(context, HOST_ORIGIN)).toBe('1');
  await page.goto('/privacy');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
});

test('a mirrored opt-in is not forced back: with OPTOUT_DEFAULT=out the visitor is opted out again until a click', async ({
  page,
  context,
}) => {
  const site = await startTestSite({ OPTOUT_DEFAULT: 'out' });
  try {
    const frame = () => page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
    await page.goto(`${site.demoOrigin}/privacy`);
    await frame().getByRole('button', { name: texts.optInButton }).click();
    await expect(page.locator('#page-state')).toHaveText('opted in (your choice)');
    expect(await mirror(page, site.hostOrigin)).toMatch(/^0:choice:\d+$/);

    await context.clearCookies({ domain: '127.0.0.1' });
    await page.reload();
    await expect(frame().getByRole('status')).toHaveText(texts.optedOut);
    await expect(page.locator('#page-state')).toHaveText('opted out (no choice made yet)');
    expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    // Nothing was written to the host: the opt-in waits for the visitor's own click.
    expect(await hostCookie(context, site.hostOrigin)).toBeUndefined();
    expect(await mirror(page, site.hostOrigin)).toMatch(/^1:default:\d+$/);
  } finally {
    await site.close();
  }
});

test.describe('cookies blocked for the host after an opt-out', () => {
  let profile: Profile | undefined;
  test.afterEach(async () => {
    await profile?.remove();
  });

  test('the frame explains instead of a toggle, and the client still answers from the mirror', async () => {
    profile = createProfile();
    let context = await profile.launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    await optOutFrame(page).getByRole('button', { name: texts.optOutButton }).click();
    await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
    await context.close();

    // The user blocks every cookie of the opt-out host in the browser's settings.
    profile.setCookies(HOST_ORIGIN, 'block');
    context = await profile.launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    const frame = optOutFrame(page);
    await expect(frame.getByText(storageBlocked)).toBeVisible();
    await expect(frame.getByRole('button', { name: texts.optInButton })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: texts.optOutButton })).toHaveCount(0);
    // The frame could keep nothing, but the site's mirror did: it says so for this visit.
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    expect(await page.evaluate(() => window.optout?.cached)).toBe(true);
    expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');

    // A page without the widget answers the same through the bridge.
    await page.goto(`${DEMO_ORIGIN}/shop`);
    expect(await page.evaluate(() => window.optout?.cached)).toBe(true);
    expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    await expect(page.locator('#tracking')).toHaveText('Tracking: off');
    await context.close();
  });
});
