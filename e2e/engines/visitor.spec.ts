// A visitor's life in every engine: the texts, a click that page scripts hear, a choice that sticks, pages without the frame.
import { DEMO_ORIGIN, HOST_ORIGIN } from '../origins.js';
import type { EnginePage } from './driver.js';
import { expect, test } from './fixtures.js';
import { clientAnswer, expectFrame, frameView, optOutOnPrivacyPage, OPTOUT_FRAME, seen, textOf } from './visit.js';

test('a new visitor sees the intro, "opted in" and the button to opt out', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(`${DEMO_ORIGIN}/privacy`);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  expect(await frameView(page)).toMatchObject({ paragraphs: [seen.intro, seen.optedIn] });
  await expect.poll(() => textOf(page, 'page-state')).toBe('opted in (no choice made yet)');
});

test('a click opts out and the page scripts hear it', async ({ visitor }) => {
  const page = await visitor.newPage();
  await optOutOnPrivacyPage(page, DEMO_ORIGIN);
  await expect.poll(() => textOf(page, 'page-state')).toBe('opted out (your choice)');
  expect(await clientAnswer(page)).toBe('true');
});

test('the opt-out holds over a reload, in a new page, and on a page without the frame', async ({ visitor }) => {
  const page = await visitor.newPage();
  await optOutOnPrivacyPage(page, DEMO_ORIGIN);

  await page.reload();
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] });

  const second = await visitor.newPage();
  await second.goto(`${DEMO_ORIGIN}/privacy`);
  await expectFrame(second, { status: seen.optedOut, buttons: [seen.optInButton] });

  // The shop has no frame: the client on the privacy page wrote the site's mirror, which answers
  // alone; asked for a fresh answer, the client asks through its hidden bridge.
  await second.goto(`${DEMO_ORIGIN}/shop`);
  await expect.poll(() => textOf(second, 'tracking')).toBe('Tracking: off');
  await expect.poll(() => textOf(second, 'tracking-source')).toBe('This visit is not counted (remembered by this site).');
  expect(await hostFramesOnceLoaded(second)).toBe(0);
  expect(await clientAnswer(second)).toBe('true');
  expect(await hostFramesOnceLoaded(second)).toBe(1);
});

test('opting back in sticks: over a reload and on a page without the frame', async ({ visitor }) => {
  const page = await visitor.newPage();
  await optOutOnPrivacyPage(page, DEMO_ORIGIN);
  await page.clickInFrame(OPTOUT_FRAME, seen.optInButton);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  await expect.poll(() => textOf(page, 'page-state')).toBe('opted in (your choice)');

  await page.reload();
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  await page.goto(`${DEMO_ORIGIN}/shop`);
  await expect.poll(() => textOf(page, 'tracking-source')).toBe('This visit would be counted (remembered by this site).');
  expect(await clientAnswer(page)).toBe('false');
});

test('a page without the frame loads no frame while the mirror is fresh, and asks the bridge once it is stale', async ({ visitor }) => {
  const page = await visitor.newPage();
  // A new visitor: nothing remembered, so the shop asks the bridge.
  await page.goto(`${DEMO_ORIGIN}/shop`);
  await expect.poll(() => textOf(page, 'tracking-source')).toBe('This visit would be counted (confirmed by the opt-out host).');
  expect(await hostFramesOnceLoaded(page)).toBe(1);

  await page.reload();
  await expect.poll(() => textOf(page, 'tracking-source')).toBe('This visit would be counted (remembered by this site).');
  expect(await hostFramesOnceLoaded(page)).toBe(0);

  // The same mirrors (localStorage and the optout_state cookie), confirmed 31 minutes ago (past the
  // 30-minute bound): an opt-in that old is not handed to page scripts; the bridge is asked first.
  const mirrored = await page.evaluate((key) => [localStorage.getItem(key), document.cookie], `optout-frame:${HOST_ORIGIN}`);
  // A confirmed opt-in is there to backdate (else this would test the no-mirror path instead).
  expect(mirrored[0]).toMatch(/^0:default:\d+$/);
  expect(mirrored[1]).toMatch(/(^|; )optout_state=0:default:\d+(;|$)/);
  await page.evaluate((key) => {
    const backdate = (value: string) => value.replace(/:\d+$/, `:${Math.floor(Date.now() / 1000) - 31 * 60}`);
    localStorage.setItem(key, backdate(localStorage.getItem(key) ?? ''));
    const cookie = /(?:^|; )optout_state=([^;]*)/.exec(document.cookie)?.[1] ?? '';
    // The same name, host and path as the client wrote it (the demo is on localhost: host-only), so it is replaced.
    document.cookie = `optout_state=${backdate(cookie)}; Path=/; SameSite=Lax`;
  }, `optout-frame:${HOST_ORIGIN}`);
  await page.reload();
  await expect.poll(() => textOf(page, 'tracking-source')).toBe('This visit would be counted (confirmed by the opt-out host).');
  expect(await hostFramesOnceLoaded(page)).toBe(1);
});

/** The host's frames in the top page once it has loaded (a bridge is added when the DOM is parsed). */
async function hostFramesOnceLoaded(page: EnginePage): Promise<number> {
  await expect.poll(() => page.evaluate(() => document.readyState, undefined)).toBe('complete');
  return page.evaluate((origin) => document.querySelectorAll(`iframe[src^="${origin}/"]`).length, HOST_ORIGIN);
}
