// Click in the cross-site frame → the page's subscriber called, timed on both sides of the frame boundary.
import type { Browser } from '@playwright/test';
import type { PageMarks } from './pages.js';

/**
 * In the frame (and only there), note when the browser dispatched each click: `event.timeStamp`
 * of a trusted event is the input's time, on the frame's clock; `performance.timeOrigin` turns
 * it into epoch milliseconds, comparable with the page's, whose process has its own time origin.
 */
const recordClicks = (hostOrigin: string) => `(() => {
  if (location.origin !== ${JSON.stringify(hostOrigin)} || location.pathname !== '/optout') return;
  const clicks = (window.__bench = { clicksAtEpoch: [] }).clicksAtEpoch;
  addEventListener('click', (event) => { if (event.isTrusted) clicks.push(performance.timeOrigin + event.timeStamp); }, true);
})();`;

/** Clicks the frame's button `clicks` times; each latency = subscriber call − click dispatch. */
export async function measureClickLatency(browser: Browser, pageOrigin: string, hostOrigin: string, clicks: number): Promise<number[]> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(recordClicks(hostOrigin));
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/privacy`);
    await page.waitForFunction(() => window.__bench?.knownAt !== undefined);
    const button = page.frameLocator('iframe').getByRole('button');
    await page.frameLocator('iframe').locator('optout-toggle').waitFor();
    for (let i = 1; i <= clicks; i += 1) {
      await button.click();
      await page.waitForFunction((n) => (window.__bench?.changesAtEpoch?.length ?? 0) >= n, i);
    }
    const frame = page.frames().find((f) => f.url().startsWith(`${hostOrigin}/optout`));
    if (!frame) throw new Error('bench: the opt-out frame is missing');
    const clicked = await frame.evaluate(() => window.__bench?.clicksAtEpoch ?? []);
    const heard = await page.evaluate(() => (window.__bench as PageMarks).changesAtEpoch ?? []);
    if (clicked.length !== clicks || heard.length !== clicks) {
      throw new Error(`bench: ${clicks} clicks, but the frame saw ${clicked.length} and the page heard ${heard.length}`);
    }
    return heard.map((at, i) => at - (clicked[i] as number));
  } finally {
    await context.close();
  }
}
