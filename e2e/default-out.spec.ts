// OPTOUT_DEFAULT=out: a consent-first site; a new visitor is opted out until a click, in the first HTML and after the script.
import { expect, test, type Response } from '@playwright/test';
import { texts } from './frame.js';
import { startTestSite, type TestSite } from './servers.js';

let site: TestSite;
test.beforeAll(async () => {
  site = await startTestSite({ OPTOUT_DEFAULT: 'out' });
});
test.afterAll(async () => {
  await site.close();
});

test('with OPTOUT_DEFAULT=out a new visitor is opted out until a click', async ({ page }) => {
  const firstHtml = page.waitForResponse((r: Response) => r.url().startsWith(`${site.hostOrigin}/optout`));
  await page.goto(`${site.demoOrigin}/privacy`);
  expect(await (await firstHtml).text()).toMatch(/<optout-toggle opted-out reason="default"/);

  const frame = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
  const element = frame.locator('optout-toggle');
  await expect(element).toHaveJSProperty('hasUpdated', true);
  // The script agrees with the host: still opted out, by default.
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect(element).toHaveAttribute('reason', 'default');

  await frame.getByRole('button', { name: texts.optInButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await page.reload();
  const again = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
  await expect(again.getByRole('status')).toHaveText(texts.optedIn);
  await expect(again.locator('optout-toggle')).toHaveAttribute('reason', 'choice');
});
