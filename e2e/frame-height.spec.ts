// The client sizes the <iframe> to the frame's content: no scroll bar, with the intro or without it.
import { expect, test, type Page } from '@playwright/test';
import { texts } from './frame.js';
import { startTestSite, type TestSite } from './servers.js';
import { startPageServer, type PageServer } from './test-pages.js';

let pages: PageServer;
let site: TestSite;
test.beforeEach(async () => {
  pages = await startPageServer();
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
});
test.afterEach(async () => {
  await Promise.all([site.close(), pages.close()]);
});

/** The iframe's inner height and what the frame's document needs, measured on both sides. */
async function measure(page: Page) {
  const frame = page.frames().find((f) => f.url().startsWith(`${site.hostOrigin}/optout`))!;
  const inside = await frame.evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  const iframeHeight = await page.locator('iframe').evaluate((iframe) => iframe.clientHeight);
  return { ...inside, iframeHeight };
}

async function sizedHeight(page: Page, showIntro: 0 | 1): Promise<number> {
  // Deliberately wrong starting height, a border and border-box sizing, in a narrow column.
  await page.goto(
    pages.page(
      `/intro-${showIntro}`,
      `<script src="${site.hostOrigin}/client.js"></script>
<div style="width:280px"><iframe src="${site.hostOrigin}/optout?showIntro=${showIntro}" title="Analytics opt-out"
  style="box-sizing:border-box;width:100%;height:30px;border:3px solid #888"></iframe></div>`,
    ),
  );
  await expect(page.frameLocator('iframe').getByRole('status')).toHaveText(texts.optedIn);
  await expect.poll(async () => (await measure(page)).iframeHeight).not.toBe(30 - 6);
  let sized = await measure(page);
  await expect
    .poll(async () => {
      sized = await measure(page);
      return sized.iframeHeight;
    })
    .toBe(Math.ceil(sized.content));
  // No scroll bar: the document fits the frame exactly.
  expect(sized.scrollHeight).toBeLessThanOrEqual(sized.viewport);
  return sized.iframeHeight;
}

test('the iframe height follows the content with and without the intro, and after a click', async ({ page }) => {
  const withIntro = await sizedHeight(page, 1);
  const withoutIntro = await sizedHeight(page, 0);
  expect(withIntro).toBeGreaterThan(withoutIntro + 20);

  // Back to the intro; a click changes the texts, and the height follows again.
  await sizedHeight(page, 1);
  await page.frameLocator('iframe').getByRole('button', { name: texts.optOutButton }).click();
  await expect(page.frameLocator('iframe').getByRole('status')).toHaveText(texts.optedOut);
  await expect
    .poll(async () => {
      const now = await measure(page);
      return now.iframeHeight === Math.ceil(now.content) && now.scrollHeight <= now.viewport;
    })
    .toBe(true);
});
