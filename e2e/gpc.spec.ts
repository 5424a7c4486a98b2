// Global Privacy Control: the header and the navigator property opt the visitor out, and the frame says the signal is honoured.
import { expect, test, type Browser } from '@playwright/test';
import { optOutFrame, texts } from './frame.js';
import { DEMO_ORIGIN, HOST_ORIGIN } from './origins.js';
import { recordFromStart, recorded } from './page-recorder.js';
import { startTestSite } from './servers.js';

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
  test(`with GPC sent as ${signal.name}, the frame, the client and ready say opted out with reason gpc`, async ({ browser }) => {
    const context = await gpcContext(browser, signal);
    await recordFromStart(context, HOST_ORIGIN);
    const page = await context.newPage();
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    const frame = optOutFrame(page);
    await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    // The server-rendered fallback stays in the light DOM, unrendered; the visitor sees the element.
    await expect(frame.getByText(gpcHonoured).filter({ visible: true })).toBeVisible();
    await expect(frame.getByRole('button')).toHaveCount(0);
    await expect(frame.locator('optout-toggle')).toHaveAttribute('reason', 'gpc');

    // What page scripts hear: the client, its subscribers and the frame's own `ready`.
    await expect(page.locator('#page-state')).toHaveText("opted out (your browser's Global Privacy Control)");
    expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    const { heard, messages } = await recorded(page);
    expect(heard).toEqual([{ optedOut: true, reason: 'gpc' }]);
    expect(messages.filter((m) => m.type === 'ready')).toEqual([
      { protocol: 'optout-frame/1', type: 'ready', optedOut: true, reason: 'gpc' },
    ]);
    // A page on the site without the widget hears the same through the bridge.
    await page.goto(`${DEMO_ORIGIN}/shop`);
    await expect(page.locator('#tracking')).toHaveText('Tracking: off');
    expect(await page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    expect((await recorded(page)).messages.find((m) => m.type === 'ready')).toMatchObject({ optedOut: true, reason: 'gpc' });
    await context.close();
  });
}

test('the client honours the navigator property itself, even when the opt-out host does not answer', async ({ browser }) => {
  const site = await startTestSite();
  await site.stopHost();
  const context = await gpcContext(browser, { header: false, property: true });
  try {
    await recordFromStart(context, site.hostOrigin);
    const page = await context.newPage();
    // The host is down; only its client.js still arrives (as from a CDN cache).
    await page.route(`${site.hostOrigin}/client.js`, (route) =>
      route.fulfill({ path: new URL('../dist/public/client.js', import.meta.url).pathname, contentType: 'text/javascript' }),
    );
    await page.goto(`${site.demoOrigin}/shop`);
    expect(await page.evaluate(() => window.optout?.cached)).toBe(true);
    expect((await recorded(page)).heard).toEqual([{ optedOut: true, reason: 'gpc' }]);
    // The frame cannot be asked, so the question itself still fails plainly.
    expect(await page.evaluate(() => window.optout?.isOptedOut().catch((error: { code: string }) => error.code))).toBe('TIMEOUT');
  } finally {
    await context.close();
    await site.close();
  }
});
