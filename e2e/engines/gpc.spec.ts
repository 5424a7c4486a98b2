// Global Privacy Control off: every engine sends none by default, so the visitor decides (gpc-sent.spec.ts: where an engine sends it).
import { DEMO_ORIGIN } from '../origins.js';
import { expect, test } from './fixtures.js';
import { expectFrame, seen } from './visit.js';

test('by default the engine sends no GPC, so the visitor decides', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(`${DEMO_ORIGIN}/privacy`);
  expect(
    await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true, undefined),
  ).toBe(false);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
});
