// The Chromium engine through Playwright: one browser per worker, a fresh context (empty storage) per session.
import { chromium, type Browser, type BrowserContext, type Frame, type LaunchOptions, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser.js';
import type { Engine, EnginePage, EngineSession, PageFunction, SessionOptions } from './driver.js';
import { browserCookie, EngineUnsupportedError } from './driver.js';
import { findVisibleButton } from './frame-view.js';

/** Playwright's evaluate with the driver's plain argument type (its own unboxes handles, which we never pass). */
function run<A, R>(target: Page | Frame, fn: PageFunction<A, R>, arg: A): Promise<R> {
  return (target as unknown as { evaluate(f: PageFunction<A, R>, a: A): Promise<R> }).evaluate(fn, arg);
}

async function contentFrame(page: Page, iframe: string) {
  const frame = await (await page.waitForSelector(iframe, { state: 'attached' })).contentFrame();
  if (!frame) throw new Error(`no frame in ${iframe}`);
  return frame;
}

function chromiumPage(page: Page): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: (fn, arg) => run(page, fn, arg),
    evaluateInFrame: async (iframe, fn, arg) => run(await contentFrame(page, iframe), fn, arg),
    frameUrl: async (iframe) => (await contentFrame(page, iframe)).url(),
    clickInFrame: async (iframe, name) => {
      const button = await (await contentFrame(page, iframe)).evaluateHandle(findVisibleButton, name);
      const element = button.asElement();
      if (!element) throw new Error(`no visible button "${name}" in ${iframe}`);
      await element.click();
    },
    cookies: async () => (await page.context().cookies(page.url())).map(browserCookie),
    close: () => page.close(),
  };
}

function chromiumSession(context: BrowserContext): EngineSession {
  return {
    newPage: async () => chromiumPage(await context.newPage()),
    close: () => context.close(),
  };
}

/** `launchOptions`: another machine's view of names and certificates (e2e/deploy's *.test names and test CA). */
export function chromiumEngine(launchOptions: LaunchOptions = chromiumLaunchOptions()): Engine {
  let browser: Promise<Browser> | undefined;
  const launched = () => (browser ??= chromium.launch(launchOptions));
  return {
    name: 'chromium',
    // Chromium has no GPC setting; a test that set the header itself would only test the test.
    abilities: { gpc: false, javaScriptOff: true },
    async startSession(options: SessionOptions = {}) {
      if (options.gpc) throw new EngineUnsupportedError('chromium', 'gpc');
      const context = await (
        await launched()
      ).newContext({
        javaScriptEnabled: options.javaScript !== false,
        ...(options.proxy ? { proxy: { server: options.proxy }, ignoreHTTPSErrors: true } : {}),
      });
      return chromiumSession(context);
    },
    stop: async () => {
      if (browser) await (await browser).close();
      browser = undefined;
    },
  };
}
