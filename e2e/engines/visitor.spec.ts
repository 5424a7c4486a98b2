// A visitor's life in every engine: the texts, a click that page scripts hear, a choice that sticks, pages without the frame.
import { DEMO_ORIGIN } from '../origins.js';
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

  // The shop has no frame: the client asks through its hidden bridge.
  await second.goto(`${DEMO_ORIGIN}/shop`);
  await expect.poll(() => textOf(second, 'tracking')).toBe('Tracking: off');
  await expect.poll(() => textOf(second, 'tracking-source')).toBe('This visit is not counted (confirmed by the opt-out host).');
  expect(await clientAnswer(second)).toBe('true');
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
  await expect.poll(() => textOf(page, 'tracking-source')).toBe('This visit would be counted (confirmed by the opt-out host).');
  expect(await clientAnswer(page)).toBe('false');
});
