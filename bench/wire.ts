// Bytes and requests between Chromium and the host for the frame's first view, repeat view, a click, the bridge, a page without the frame, and one on another subdomain.
import type { Browser, BrowserContext, Request } from '@playwright/test';
import type { PageWithoutFrameFigures, PageWithoutFrameView, WireFigure, WireResource } from './figures.js';
import type { PageMarks } from './pages.js';
import { median } from './stats.js';

/**
 * Records every request the browser makes to `hostOrigin`, in every frame (Playwright follows the
 * cross-site frame's own process). Sizes come from CDP: Playwright's `request.sizes()` splits
 * `Network.loadingFinished.encodedDataLength` into header and body bytes, so their sum is exactly
 * what came over the wire; a response served from the browser's cache has an encodedDataLength of 0.
 */
function recordHostTraffic(context: BrowserContext, hostOrigin: string) {
  let pending: Promise<WireResource>[] = [];
  const onFinished = (request: Request) => {
    if (!request.url().startsWith(`${hostOrigin}/`)) return;
    pending.push(describe(request));
  };
  const onFailed = (request: Request) => {
    if (!request.url().startsWith(`${hostOrigin}/`)) return;
    pending.push(
      Promise.resolve({
        path: pathOf(request),
        status: 0,
        bytes: 0,
        headerBytes: 0,
        sentBytes: 0,
        encoding: `failed: ${request.failure()?.errorText}`,
        acceptEncoding: '',
      }),
    );
  };
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    /** Everything seen since the last call, as one figure; recording continues. */
    async take(): Promise<WireFigure> {
      const resources = await Promise.all(pending);
      pending = [];
      const network = resources.filter((r) => r.bytes > 0 || r.status === 0);
      return {
        bytes: network.reduce((sum, r) => sum + r.bytes, 0),
        sentBytes: network.reduce((sum, r) => sum + r.sentBytes, 0),
        requests: network.length,
        fromCache: resources.length - network.length,
        resources,
      };
    },
    stop() {
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
    },
  };
}

function pathOf(request: Request): string {
  const url = new URL(request.url());
  return url.pathname + url.search;
}

async function describe(request: Request): Promise<WireResource> {
  const [sizes, response, requestHeaders] = await Promise.all([request.sizes(), request.response(), request.allHeaders()]);
  const responseHeaders = response ? await response.allHeaders() : {};
  // encodedDataLength = header bytes + body bytes as received; 0 for a cache hit.
  const bytes = Math.max(0, sizes.responseHeadersSize + sizes.responseBodySize);
  return {
    path: pathOf(request),
    status: response?.status() ?? 0,
    bytes,
    headerBytes: bytes === 0 ? 0 : sizes.responseHeadersSize,
    sentBytes: sizes.requestHeadersSize + sizes.requestBodySize,
    encoding: responseHeaders['content-encoding'] ?? 'identity',
    acceptEncoding: requestHeaders['accept-encoding'] ?? '',
  };
}

/** Lets late requests (e.g. a module's imports) show up before a step is counted. */
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

export interface FrameWire {
  readonly firstView: WireFigure;
  readonly repeatView: WireFigure;
  readonly click: WireFigure;
  /** The headers Chromium sent for the frame document, for the load test to send the same. */
  readonly frameRequestHeaders: Record<string, string>;
}

/** First view (cold cache), then a click, then a repeat view (a new visit in the same browser). */
export async function measureFrameWire(browser: Browser, pageOrigin: string, hostOrigin: string): Promise<FrameWire> {
  const context = await browser.newContext();
  const traffic = recordHostTraffic(context, hostOrigin);
  let frameRequestHeaders: Promise<Record<string, string>> | undefined;
  context.on('request', (request) => {
    // The first visit's request: what a new visitor's browser sends (no cookie, no validators).
    if (!frameRequestHeaders && request.url().startsWith(`${hostOrigin}/optout`) && request.isNavigationRequest()) {
      frameRequestHeaders = request.allHeaders();
    }
  });
  try {
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/frame`, { waitUntil: 'load' });
    const frame = page.frameLocator('iframe');
    await frame.locator('optout-toggle').waitFor();
    await settle();
    const firstView = await traffic.take();

    // The click: the status must change; the host's answer to the click's one POST (its cookie) is counted.
    const status = frame.getByRole('status');
    const before = await status.textContent();
    await frame.getByRole('button').click();
    await frame
      .getByRole('status')
      .filter({ hasNotText: before ?? '' })
      .waitFor();
    await settle();
    const click = await traffic.take();

    const again = await context.newPage();
    await again.goto(`${pageOrigin}/frame`, { waitUntil: 'load' });
    await again.frameLocator('iframe').locator('optout-toggle').waitFor();
    await settle();
    const repeatView = await traffic.take();
    return { firstView, repeatView, click, frameRequestHeaders: (await frameRequestHeaders) ?? {} };
  } finally {
    traffic.stop();
    await context.close();
  }
}

/** The bridge on a page without the widget, first visit (cold cache, no mirror): everything from the host. */
export async function measureBridgeWire(browser: Browser, pageOrigin: string, hostOrigin: string): Promise<WireFigure> {
  const context = await browser.newContext();
  const traffic = recordHostTraffic(context, hostOrigin);
  try {
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/shop`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.knownAt !== undefined);
    await settle();
    return await traffic.take();
  } finally {
    traffic.stop();
    await context.close();
  }
}

/**
 * A page without the widget, with client.js from the host alone (the demo's shop): a first view
 * (cold cache, no mirror), then `repeatViews` more views of the same visit, summed (any request
 * or frame in any of them shows). Counts the host's frames the client put in the DOM, and when
 * the page script knew the state.
 */
export async function measurePageWithoutFrame(
  browser: Browser,
  pageOrigin: string,
  hostOrigin: string,
  repeatViews: number,
): Promise<PageWithoutFrameFigures> {
  const context = await browser.newContext();
  const traffic = recordHostTraffic(context, hostOrigin);
  const view = async (): Promise<PageWithoutFrameView> => {
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/tag-shop`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.knownAt !== undefined);
    await settle();
    const frames = await page.locator(`iframe[src^="${hostOrigin}/"]`).count();
    const marks = await page.evaluate(() => window.__bench as PageMarks);
    await page.close();
    const wire = await traffic.take();
    return { ...wire, frames, knownAtMs: marks.knownAt ?? Number.NaN, knownSynchronously: marks.cachedSync === true, views: 1 };
  };
  try {
    const firstView = await view();
    const repeats: PageWithoutFrameView[] = [];
    for (let i = 0; i < repeatViews; i += 1) repeats.push(await view());
    return { firstView, repeatView: sumViews(repeats) };
  } finally {
    traffic.stop();
    await context.close();
  }
}

/** The bench site's two subdomains (Chromium resolves `*.localhost` to loopback): same site, other origins. */
export function subdomainOrigins(pageOrigin: string): { www: string; shop: string } {
  const { port } = new URL(pageOrigin);
  return { www: `http://www.site.localhost:${port}`, shop: `http://shop.site.localhost:${port}` };
}

/**
 * A page on another subdomain of the site, first view: the visitor has been on www. (client.js
 * alone: the bridge answered, the client wrote its mirrors), then opens shop. for the first time.
 * shop.'s localStorage is empty; the `optout_state` cookie, on `site.localhost`, is shared.
 */
export async function measureSubdomainFirstView(browser: Browser, pageOrigin: string, hostOrigin: string): Promise<PageWithoutFrameView> {
  const { www, shop } = subdomainOrigins(pageOrigin);
  const context = await browser.newContext();
  const traffic = recordHostTraffic(context, hostOrigin);
  try {
    const first = await context.newPage();
    await first.goto(`${www}/tag-shop`, { waitUntil: 'load' });
    await first.waitForFunction(() => window.__bench?.knownAt !== undefined);
    await settle();
    await first.close();
    await traffic.take();
    const page = await context.newPage();
    await page.goto(`${shop}/tag-shop`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.knownAt !== undefined);
    await settle();
    const frames = await page.locator(`iframe[src^="${hostOrigin}/"]`).count();
    const marks = await page.evaluate(() => window.__bench as PageMarks);
    const wire = await traffic.take();
    return { ...wire, frames, knownAtMs: marks.knownAt ?? Number.NaN, knownSynchronously: marks.cachedSync === true, views: 1 };
  } finally {
    traffic.stop();
    await context.close();
  }
}

/** Several views as one figure: requests, bytes and frames summed, the median time, synchronous only if every view was. */
function sumViews(views: readonly PageWithoutFrameView[]): PageWithoutFrameView {
  const sum = (pick: (v: PageWithoutFrameView) => number) => views.reduce((total, v) => total + pick(v), 0);
  return {
    bytes: sum((v) => v.bytes),
    sentBytes: sum((v) => v.sentBytes),
    requests: sum((v) => v.requests),
    fromCache: sum((v) => v.fromCache),
    resources: views.flatMap((v) => v.resources),
    frames: sum((v) => v.frames),
    knownAtMs: median(views.map((v) => v.knownAtMs)),
    knownSynchronously: views.length > 0 && views.every((v) => v.knownSynchronously),
    views: views.length,
  };
}
