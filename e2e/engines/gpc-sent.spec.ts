// Global Privacy Control sent by the engine itself (Firefox, by its setting); Chromium and WebKit have no such setting (Chrome
// and Safari send none), so playwright.config.ts runs this file only where `sendsGpc` is true, rather than skipping it.
import { DEMO_ORIGIN } from '../origins.js';
import { expect, test } from './fixtures.js';
import { clientAnswer, expectFrame, frameView, seen, textOf } from './visit.js';

test('with the browser sending GPC, the visitor is opted out, told why, and offered no button', async ({ engine }) => {
  // Run only in configurations that send GPC (playwright.config.ts): one that cannot fails here rather than pretending.
  expect(engine.abilities.gpc, `${engine.name} sends Global Privacy Control`).toBe(true);
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
    expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl, undefined)).toBe(
      true,
    );
  } finally {
    await visitor.close();
  }
});
