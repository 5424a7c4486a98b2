// A change made in one tab reaches the frames and the subscribers in the site's other tabs.
import { expect, test } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { recordSubscriberCalls, subscriberCalls } from './messages.js';

test('a click in one tab reaches a subscriber in a second tab and the frame in a third', async ({ context }) => {
  const shop = await context.newPage();
  await shop.goto('/shop');
  await expect(shop.getByRole('status')).toHaveText('Tracking: on');
  await recordSubscriberCalls(shop);

  const privacyA = await context.newPage();
  await privacyA.goto('/privacy');
  const privacyB = await context.newPage();
  await privacyB.goto('/privacy');
  for (const tab of [privacyA, privacyB]) await expect(tab.locator('#page-state')).toHaveText('opted in (no choice made yet)');

  await optOutFrame(privacyA).getByRole('button', { name: texts.optOutButton }).click();
  await expect(shop.getByRole('status')).toHaveText('Tracking: off');
  await expect
    .poll(() => subscriberCalls(shop))
    .toEqual([
      { optedOut: false, reason: 'default' },
      { optedOut: true, reason: 'choice' },
    ]);
  // The other privacy tab's frame follows (frames tell each other), and so does its page script.
  await expect(optOutFrame(privacyB).getByRole('status')).toHaveText(texts.optedOut);
  await expect(privacyB.locator('#page-state')).toHaveText('opted out (your choice)');

  // And back, from the other tab.
  await optOutFrame(privacyB).getByRole('button', { name: texts.optInButton }).click();
  await expect(optOutFrame(privacyA).getByRole('status')).toHaveText(texts.optedIn);
  await expect(shop.getByRole('status')).toHaveText('Tracking: on');
  await expect.poll(async () => (await subscriberCalls(shop)).at(-1)).toEqual({ optedOut: false, reason: 'choice' });
});

test("without BroadcastChannel, the site's mirror still carries a change to subscribers in other tabs", async ({ context }) => {
  // Every document, the host's frames included, loses BroadcastChannel: only `storage` events remain.
  await context.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  const shop = await context.newPage();
  await shop.goto('/shop');
  await expect(shop.getByRole('status')).toHaveText('Tracking: on');
  await recordSubscriberCalls(shop);

  const privacy = await context.newPage();
  await privacy.goto('/privacy');
  const otherPrivacy = await context.newPage();
  await otherPrivacy.goto('/privacy');
  for (const tab of [privacy, otherPrivacy]) await expect(tab.locator('#page-state')).toHaveText('opted in (no choice made yet)');
  const frame = privacy.frames().find((f) => f.url().includes('/optout'))!;
  expect(await frame.evaluate(() => typeof BroadcastChannel)).toBe('undefined');

  await optOutFrame(privacy).getByRole('button', { name: texts.optOutButton }).click();
  await expect(shop.getByRole('status')).toHaveText('Tracking: off');
  await expect.poll(async () => (await subscriberCalls(shop)).at(-1)).toEqual({ optedOut: true, reason: 'choice' });
  // Asking a frame that heard nothing: it reads the shared cookie before answering, so the
  // answer is not stale (and the other tabs are not flipped back).
  expect(await shop.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  expect(await otherPrivacy.evaluate(() => window.optout?.isOptedOut())).toBe(true);
  await expect(optOutFrame(otherPrivacy).getByRole('status')).toHaveText(texts.optedOut);
  await expect(shop.getByRole('status')).toHaveText('Tracking: off');
});
