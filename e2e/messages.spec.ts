// A page script on the privacy page hears the frame: isOptedOut(), a subscriber on every click, and no way to opt in by message.
import { expect, test } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { askFrame, isOptedOut, recordSubscriberCalls, subscriberCalls } from './messages.js';
import { HOST_ORIGIN } from './origins.js';

test('isOptedOut() tells the truth and the subscriber is called on every click in the frame', async ({ page }) => {
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  // The demo's own page script (client.js + subscribe) shows what page scripts hear.
  await expect(page.locator('#page-state')).toHaveText('opted in (no choice made yet)');
  await recordSubscriberCalls(page);
  expect(await isOptedOut(page)).toBe(false);

  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect
    .poll(() => subscriberCalls(page))
    .toEqual([
      { optedOut: false, reason: 'default' },
      { optedOut: true, reason: 'choice' },
    ]);
  expect(await isOptedOut(page)).toBe(true);
  await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');

  await frame.getByRole('button', { name: texts.optInButton }).click();
  await expect.poll(async () => (await subscriberCalls(page)).length).toBe(3);
  expect(await isOptedOut(page)).toBe(false);

  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect
    .poll(() => subscriberCalls(page))
    .toEqual([
      { optedOut: false, reason: 'default' },
      { optedOut: true, reason: 'choice' },
      { optedOut: false, reason: 'choice' },
      { optedOut: true, reason: 'choice' },
    ]);
  expect(await isOptedOut(page)).toBe(true);
});

test('optOut() from a page script opts out, and the frame shows it', async ({ page }) => {
  await page.goto('/privacy');
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedIn);
  await recordSubscriberCalls(page);
  const state = await page.evaluate(() => window.optout?.optOut());
  expect(state).toEqual({ optedOut: true, reason: 'choice' });
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect
    .poll(() => subscriberCalls(page))
    .toEqual([
      { optedOut: false, reason: 'default' },
      { optedOut: true, reason: 'choice' },
    ]);
  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
});

test('a page asking to opt in by message is refused and nothing changes', async ({ page }) => {
  await page.goto('/privacy');
  const frame = optOutFrame(page);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  const reply = await askFrame(page, HOST_ORIGIN, { protocol: 'optout-frame/1', type: 'opt-in', id: 'sneaky' });
  expect(reply).toMatchObject({ protocol: 'optout-frame/1', type: 'error', id: 'sneaky', code: 'forbidden' });
  // The client offers page scripts no way to opt in at all.
  expect(await page.evaluate(() => 'optIn' in (window.optout ?? {}))).toBe(false);

  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  expect(await isOptedOut(page)).toBe(true);
  await page.reload();
  await expect(optOutFrame(page).getByRole('status')).toHaveText(texts.optedOut);
  expect(await isOptedOut(page)).toBe(true);
});

test('the client never posts into a frame that is still loading (no origin errors on the site console)', async ({ page }) => {
  // Chromium reports a postMessage origin mismatch in its log, not through console.* calls.
  const postMessageErrors: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.text.includes('postMessage')) postMessageErrors.push(entry.text);
  });
  page.on('console', (message) => {
    if (message.text().includes('postMessage')) postMessageErrors.push(message.text());
  });
  await cdp.send('Log.enable');
  // The host's documents are held until the page's client has started, so it certainly starts
  // while its frames are still about:blank (an ordering, not a sleep).
  let gate = Promise.resolve();
  await page.route(`${HOST_ORIGIN}/optout**`, async (route) => {
    await gate;
    await route.continue();
  });
  const holdFrames = (): (() => void) => {
    let open = () => {};
    gate = new Promise<void>((resolve) => (open = resolve));
    return open;
  };
  for (const path of ['/privacy', '/shop']) {
    const open = holdFrames();
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.optout !== undefined);
    open();
    expect(await isOptedOut(page)).toBe(false);
  }
  expect(postMessageErrors).toEqual([]);

  // The positive control: a post into the frame while it is still about:blank is reported, so the silence above means something.
  const open = holdFrames();
  await page.goto('/privacy', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('iframe') !== null);
  await page.evaluate((origin) => document.querySelector('iframe')?.contentWindow?.postMessage({ too: 'early' }, origin), HOST_ORIGIN);
  await expect.poll(() => postMessageErrors.length).toBeGreaterThan(0);
  expect(postMessageErrors[0]).toContain(HOST_ORIGIN);
  open();
});
