// Time from navigation start until a page script knows the state: with the mirror, via the bridge, and the floor.
import type { Browser, BrowserContext, Request } from '@playwright/test';
import type { TimingSummary } from './figures.js';
import type { PageMarks } from './pages.js';
import { median, quantile } from './stats.js';

/** One way of loading the page; each run gets a fresh browser context (cold cache, no mirror). */
export interface TimingVariant {
  readonly name: string;
  /** Path on the page server. */
  readonly path: string;
  /** Runs before the measured visit, in the same context (e.g. a first visit that fills the mirror). */
  prepare?(context: BrowserContext): Promise<void>;
}

export interface VariantRun {
  readonly marks: PageMarks;
  /** Epoch ms at which the first request to the host's frame or bridge document started, if any. */
  readonly firstFrameRequestEpoch?: number;
}

async function runOnce(browser: Browser, pageOrigin: string, hostOrigin: string, variant: TimingVariant): Promise<VariantRun> {
  const context = await browser.newContext();
  try {
    if (variant.prepare) await variant.prepare(context);
    const page = await context.newPage();
    let frameRequest: Request | undefined;
    page.on('request', (request) => {
      if (!frameRequest && request.isNavigationRequest() && request.url().startsWith(`${hostOrigin}/`)) frameRequest = request;
    });
    await page.goto(`${pageOrigin}${variant.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.knownAt !== undefined, undefined, { timeout: 10_000 });
    const marks = await page.evaluate(() => window.__bench as PageMarks);
    if (!frameRequest) return { marks };
    // Timing is filled in once the answer is in; its startTime is on the epoch clock, like the
    // page's timeOrigin + now().
    await frameRequest.response();
    return { marks, firstFrameRequestEpoch: frameRequest.timing().startTime };
  } finally {
    await context.close();
  }
}

export function summarize(values: readonly number[]): TimingSummary {
  return { runs: values.length, medianMs: median(values), p90Ms: quantile(values, 0.9) };
}

/** Runs every variant `runs` times, interleaved (A B C, B C A, …) so machine noise hits all alike. */
export async function measureVariants(
  browser: Browser,
  pageOrigin: string,
  hostOrigin: string,
  variants: readonly TimingVariant[],
  runs: number,
): Promise<Map<string, VariantRun[]>> {
  const results = new Map<string, VariantRun[]>(variants.map((v) => [v.name, []]));
  // One unmeasured run each, so the first measured run does not pay for warming the browser up.
  for (const variant of variants) await runOnce(browser, pageOrigin, hostOrigin, variant);
  for (let i = 0; i < runs; i += 1) {
    for (let j = 0; j < variants.length; j += 1) {
      const variant = variants[(i + j) % variants.length] as TimingVariant;
      results.get(variant.name)?.push(await runOnce(browser, pageOrigin, hostOrigin, variant));
    }
  }
  return results;
}
