// The choice survives today's browsers: reloads, new pages, a browser restart, cleared cookies, cookies blocked by the user.
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { DEMO_ORIGIN, HOST_ORIGIN } from './origins.js';
import { createProfile, type Profile } from './profile.js';

const storageBlocked = 'Your browser does not let this frame remember your choice, so it cannot be kept here.';
const storageAccessButton = 'Allow this frame to remember my choice';

let profile: Profile | undefined;
test.afterEach(async () => {
  await profile?.remove();
  profile = undefined;
});

/** Waits until the frame script has taken over from the server-rendered form. */
async function upgraded(frame: FrameLocator): Promise<void> {
  await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
}

async function openPrivacyPage(page: Page): Promise<FrameLocator> {
  await page.goto(`${DEMO_ORIGIN}/privacy`);
  const frame = optOutFrame(page);
  await upgraded(frame);
  return frame;
}

test('in the default profile the opt-out persists across reloads, new pages and a browser restart', async () => {
  profile = createProfile();
  let context = await profile.launch();
  let page = context.pages()[0] ?? (await context.newPage());
  let frame = await openPrivacyPage(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  const second = await context.newPage();
  await expect((await openPrivacyPage(second)).getByRole('status')).toHaveText(texts.optedOut);

  // Quit the browser and start it again on the same profile.
  await context.close();
  context = await profile.launch();
  page = context.pages()[0] ?? (await context.newPage());
  frame = await openPrivacyPage(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect(frame.getByRole('button', { name: texts.optInButton })).toBeVisible();
  // The kept cookie is the partitioned one, renewed for another 400 days.
  const [cookie] = (await context.cookies(HOST_ORIGIN)).filter((c) => c.name === 'optout');
  expect(cookie).toMatchObject({ value: '1', sameSite: 'None', secure: true, partitionKey: 'http://localhost' });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(399 * 24 * 3600 * 1000);

  // Opting back in persists the same way.
  await frame.getByRole('button', { name: texts.optInButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await context.close();
  context = await profile.launch();
  page = context.pages()[0] ?? (await context.newPage());
  await expect((await openPrivacyPage(page)).getByRole('status')).toHaveText(texts.optedIn);
  await context.close();
});

test("where the frame's own storage works, it restores an opt-out after the host's cookies are cleared", async () => {
  // A user who allows cookies for the host gives its frame localStorage as well.
  profile = createProfile({ [HOST_ORIGIN]: 'allow' });
  const context = await profile.launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const frame = await openPrivacyPage(page);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  await context.clearCookies({ domain: '127.0.0.1' });
  expect(await context.cookies(HOST_ORIGIN)).toEqual([]);
  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  // …and wrote the opt-out back to the cookie, so the next first HTML is right again.
  await expect.poll(async () => (await context.cookies(HOST_ORIGIN)).find((c) => c.name === 'optout')?.value).toBe('1');
  await context.close();
});

test('with cookies blocked for the host, the frame explains instead of showing a toggle that would lie', async () => {
  profile = createProfile({ [HOST_ORIGIN]: 'block' });
  const context = await profile.launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const frame = await openPrivacyPage(page);
  await expect(frame.getByText(storageBlocked)).toBeVisible();
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await expect(frame.getByRole('button', { name: texts.optOutButton })).toHaveCount(0);
  // This Chromium has the Storage Access API, so the frame offers to ask for it.
  const ask = frame.getByRole('button', { name: storageAccessButton });
  await expect(ask).toBeVisible();
  // The user's block wins over the request: the browser refuses, and the frame keeps explaining.
  await ask.click();
  await expect(frame.getByText(storageBlocked)).toBeVisible();
  await context.close();
});

test.describe('with JavaScript disabled and cookies blocked for the host', () => {
  test('the form fallback says the choice could not be kept', async () => {
    profile = createProfile({ [HOST_ORIGIN]: 'block' });
    const context = await profile.launch({ javaScriptEnabled: false });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    const frame = optOutFrame(page);
    await frame.getByRole('button', { name: texts.optOutButton }).click();
    await expect(frame.getByText(storageBlocked)).toBeVisible();
    await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
    await expect(frame.getByRole('button')).toHaveCount(0);
    await context.close();
  });
});
