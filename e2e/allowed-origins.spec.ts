// OPTOUT_ALLOWED_ORIGINS decides who may frame the host (CSP) and who gets answers to messages.
import { expect, test, type Page } from '@playwright/test';
import { texts } from './frame.js';
import { DEMO_ORIGIN, HOST_ORIGIN } from './origins.js';
import { startTestSite } from './servers.js';
import { CLIENT_MODULE_PATH, startPageServer, type ClientModule, type PageServer } from './test-pages.js';

/** A page that embeds the frame and records every message it receives. */
function embeddingPage(pages: PageServer, hostOrigin: string): string {
  return pages.page(
    '/embed',
    `<script>window.heard = []; addEventListener('message', (e) => heard.push({ origin: e.origin, data: e.data }));</script>
<iframe src="${hostOrigin}/optout?showIntro=0" title="Analytics opt-out" style="border:0;width:100%;height:120px"></iframe>`,
  );
}

/** Waits until the iframe has finished navigating, wherever it ended up; returns its URL. */
async function settledFrameUrl(page: Page): Promise<string> {
  await expect.poll(() => page.frames()[1]?.url() ?? 'about:blank').not.toBe('about:blank');
  return page.frames()[1]!.url();
}

/** The client's answer to isOptedOut() on this page, or its error code. */
function clientAnswer(page: Page, hostOrigin: string): Promise<string> {
  return page.evaluate(
    async ({ hostOrigin, modulePath }) => {
      const { connectOptOut } = (await import(modulePath)) as ClientModule;
      const optout = connectOptOut({ host: hostOrigin, timeout: 500 });
      const answer = await optout.isOptedOut().then(String, (error: { code: string }) => error.code);
      optout.destroy();
      return answer;
    },
    { hostOrigin, modulePath: CLIENT_MODULE_PATH },
  );
}

let pages: PageServer;
test.beforeEach(async () => {
  pages = await startPageServer();
});
test.afterEach(async () => {
  await pages.close();
});

test('a page on an origin that is not allowed cannot frame the host', async ({ page }) => {
  // The host under test allows only the demo's origin; this page is on another origin.
  const frameResponse = page.waitForResponse((r) => r.url().startsWith(`${HOST_ORIGIN}/optout`));
  await page.goto(embeddingPage(pages, HOST_ORIGIN));
  const csp = (await frameResponse).headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`frame-ancestors 'self' ${DEMO_ORIGIN}`);
  expect(csp).not.toContain(pages.origin);
  expect(await settledFrameUrl(page)).not.toContain(HOST_ORIGIN);
  await expect(page.frameLocator('iframe').getByRole('status')).toHaveCount(0);
  await expect(page.frameLocator('iframe').getByRole('button')).toHaveCount(0);
  expect(await clientAnswer(page, HOST_ORIGIN)).toBe('TIMEOUT');
});

test('even framed without CSP, the frame answers a page that is not allowed nothing, and ignores its opt-out', async ({ page }) => {
  // As a browser that ignored frame-ancestors would: the host's answer without its CSP header.
  await page.route(`${HOST_ORIGIN}/optout?showIntro=0`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto(embeddingPage(pages, HOST_ORIGIN));
  const frameLocator = page.frameLocator('iframe');
  await expect(frameLocator.getByRole('status')).toHaveText(texts.optedIn);
  await expect(frameLocator.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);

  const frame = page.frames()[1]!;
  await frame.evaluate(() => {
    Object.assign(window, { received: 0 });
    addEventListener('message', () => Object.assign(window, { received: (window as unknown as { received: number }).received + 1 }));
  });
  expect(await clientAnswer(page, HOST_ORIGIN)).toBe('TIMEOUT');
  await page.evaluate((hostOrigin) => {
    const target = document.querySelector('iframe')!.contentWindow!;
    for (const type of ['get', 'opt-out', 'opt-in']) target.postMessage({ protocol: 'optout-frame/1', type, id: `x-${type}` }, hostOrigin);
  }, HOST_ORIGIN);
  // The frame received them (its messenger's listener ran first, synchronously)…
  await expect.poll(() => frame.evaluate(() => (window as unknown as { received: number }).received)).toBeGreaterThanOrEqual(3);
  // …and anything it had posted back would arrive before this marker (same source, same target).
  await frame.evaluate(() => parent.postMessage('end-of-test-marker', '*'));
  await page.waitForFunction(() =>
    (window as unknown as { heard: { data: unknown }[] }).heard.some((m) => m.data === 'end-of-test-marker'),
  );
  const answers = await page.evaluate(() =>
    (window as unknown as { heard: { data: unknown }[] }).heard.filter((m) => m.data !== 'end-of-test-marker'),
  );
  expect(answers).toEqual([]);
  await expect(frameLocator.getByRole('status')).toHaveText(texts.optedIn);
});

test.describe('origin table', () => {
  for (const scenario of [
    { name: 'the page origin listed', allowed: (origin: string) => origin, framed: true },
    { name: 'no list at all (any origin)', allowed: () => '', framed: true },
    { name: 'only another origin listed', allowed: () => 'https://elsewhere.example', framed: false },
  ]) {
    test(`${scenario.name}: ${scenario.framed ? 'framed and answered' : 'not framed, not answered'}`, async ({ page }) => {
      const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: scenario.allowed(pages.origin) });
      try {
        await page.goto(embeddingPage(pages, site.hostOrigin));
        const url = await settledFrameUrl(page);
        if (scenario.framed) {
          expect(url).toBe(`${site.hostOrigin}/optout?showIntro=0`);
          await expect(page.frameLocator('iframe').getByRole('status')).toHaveText(texts.optedIn);
          // The frame announced itself to this exact origin.
          await expect
            .poll(() =>
              page.evaluate(() =>
                (window as unknown as { heard: { origin: string; data: { type?: string } }[] }).heard.map((m) => m.data.type),
              ),
            )
            .toContain('ready');
          expect(await clientAnswer(page, site.hostOrigin)).toBe('false');
        } else {
          expect(url).not.toContain(site.hostOrigin);
          await expect(page.frameLocator('iframe').getByRole('status')).toHaveCount(0);
          expect(await clientAnswer(page, site.hostOrigin)).toBe('TIMEOUT');
        }
      } finally {
        await site.close();
      }
    });
  }
});
