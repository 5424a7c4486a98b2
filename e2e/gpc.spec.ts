// Global Privacy Control: the header and the navigator property opt the visitor out, and the frame says the signal is honoured.
import { expect, test, type Browser } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { DEMO_ORIGIN, HOST_ORIGIN } from './origins.js';

const gpcHonoured = "Your browser's Global Privacy Control signal is honoured: you are opted out.";

/** A browser context that sends GPC the way Firefox and Brave do: the header and/or the navigator property. */
async function gpcContext(browser: Browser, { header, property }: { header: boolean; property: boolean }) {
  const context = await browser.newContext(header ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {});
  if (property) {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    });
  }
  return context;
}

test('on the wire: Sec-GPC: 1 renders opted out with the GPC note and no button to opt in', async ({ request }) => {
  const response = await request.get(`${HOST_ORIGIN}/optout`, { headers: { 'Sec-GPC': '1', cookie: 'optout=0' } });
  const html = await response.text();
  expect(html).toMatch(/<optout-toggle opted-out reason="gpc"/);
  expect(html).toContain(`<p class="status" role="status">${texts.optedOut}</p>`);
  expect(html).toContain('Global Privacy Control signal is honoured');
  expect(html).not.toContain('<button');
  expect(response.headers()['vary']).toMatch(/Sec-GPC/i);
});

for (const signal of [
  { header: true, property: true, name: 'the header and the navigator property' },
  { header: false, property: true, name: 'only the navigator property (the host cannot see it)' },
]) {
  test(`with GPC sent as ${signal.name}, the frame says opted out and that the signal is honoured`, async ({ browser }) => {
    const context = await gpcContext(browser, signal);
    const page = await context.newPage();
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    const frame = optOutFrame(page);
    await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    // The server-rendered fallback stays in the light DOM, unrendered; the visitor sees the element.
    await expect(frame.getByText(gpcHonoured).filter({ visible: true })).toBeVisible();
    await expect(frame.getByRole('button')).toHaveCount(0);
    await expect(frame.locator('optout-toggle')).toHaveAttribute('reason', 'gpc');
    await context.close();
  });
}
