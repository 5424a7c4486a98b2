// Global Privacy Control where the engine itself sends it (Firefox, by its setting); engines without it are said to lack it.
import { DEMO_ORIGIN } from '../origins.js';
import { expect, test } from './fixtures.js';
import { clientAnswer, expectFrame, frameView, seen, textOf } from './visit.js';

test('with the browser sending GPC, the visitor is opted out, told why, and offered no button', async ({ engine }) => {
  // Chromium and WebKit have no GPC setting (Chrome and Safari do not send it): nothing to test there but its absence below.
  test.skip(!engine.abilities.gpc, `${engine.name} cannot send Global Privacy Control`);
  const visitor = await engine.startSession({ gpc: true });
  try {
    const page = await visitor.newPage();
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    await expectFrame(page, { status: seen.optedOut, buttons: [] });
    expect(await frameView(page)).toMatchObject({ paragraphs: [seen.intro, seen.optedOut, seen.gpcHonoured] });
    await expect.poll(() => textOf(page, 'page-state')).toBe("opted out (your browser's Global Privacy Control)");

    await page.goto(`${DEMO_ORIGIN}/shop`);
    await expect.poll(() => textOf(page, 'tracking')).toBe('Tracking: off');
    expect(await clientAnswer(page)).toBe('true');
    // The signal came from the browser, not from the test: the page sees the engine's own property.
    expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl, undefined)).toBe(true);
  } finally {
    await visitor.close();
  }
});

test('by default the engine sends no GPC, so the visitor decides', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(`${DEMO_ORIGIN}/privacy`);
  expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true, undefined)).toBe(false);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
});
