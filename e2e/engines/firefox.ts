// The Firefox ESR engine through puppeteer-core over WebDriver BiDi (Playwright's Firefox channel fails with ESR).
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import type { Engine, EnginePage, EngineSession, PageFunction, SessionOptions } from './driver.js';
import { browserCookie } from './driver.js';
import { findVisibleButton } from './frame-view.js';

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox preferences for a session's options: GPC is a real browser setting, as a user turns it on. */
function preferences(options: SessionOptions): Record<string, boolean | number | string> {
  const proxy = options.proxy ? new URL(options.proxy) : undefined;
  return {
    ...(proxy
      ? {
          'network.proxy.type': 1,
          'network.proxy.ssl': proxy.hostname,
          'network.proxy.ssl_port': Number(proxy.port),
          'network.proxy.http': proxy.hostname,
          'network.proxy.http_port': Number(proxy.port),
        }
      : {}),
    ...(options.gpc ? { 'privacy.globalprivacycontrol.enabled': true, 'privacy.globalprivacycontrol.functionality.enabled': true } : {}),
    ...(options.javaScript === false ? { 'javascript.enabled': false } : {}),
  };
}

/** Set for every session: another machine's view of names and certificates (e2e/deploy's *.test names and test CA). */
export interface FirefoxSetup {
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  readonly acceptInsecureCerts?: boolean;
}

function launch(options: SessionOptions, setup: FirefoxSetup): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // With a proxy to made-up names, or e2e/deploy's names, the test CA is not trusted: accept its certificates.
    acceptInsecureCerts: setup.acceptInsecureCerts ?? options.proxy !== undefined,
    extraPrefsFirefox: { ...setup.prefs, ...preferences(options) },
  });
}

/** puppeteer's evaluate with the driver's plain argument type (its own flattens handles, which we never pass). */
function run<A, R>(target: Page | Frame, fn: PageFunction<A, R>, arg: A): Promise<R> {
  return (target as unknown as { evaluate(f: PageFunction<A, R>, a: A): Promise<R> }).evaluate(fn, arg);
}

async function contentFrame(page: Page, iframe: string) {
  // Not waitForSelector: its polling task never settles with page scripts off; goto already waited for load.
  const element = await page.$(iframe);
  const frame = await element?.contentFrame();
  if (!frame) throw new Error(`no frame in ${iframe}`);
  return frame;
}

function firefoxPage(page: Page): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: (fn, arg) => run(page, fn, arg),
    evaluateInFrame: async (iframe, fn, arg) => run(await contentFrame(page, iframe), fn, arg),
    frameUrl: async (iframe) => (await contentFrame(page, iframe)).url(),
    clickInFrame: async (iframe, name) => {
      const handle = await (await contentFrame(page, iframe)).evaluateHandle(findVisibleButton, name);
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (!element) throw new Error(`no visible button "${name}" in ${iframe}`);
      // The pointer itself, not element.click(): its in-view wait never settles with page scripts off.
      await element.evaluate((button) => button.scrollIntoView({ block: 'center' }));
      const { x, y } = await element.clickablePoint();
      await page.mouse.click(x, y);
    },
    cookies: async () => (await page.cookies()).map(browserCookie),
    close: () => page.close(),
  };
}

/** A session is a new context in the shared browser, or a whole browser of its own (closed with it). */
function firefoxSession(context: BrowserContext, ownBrowser: Browser | undefined): EngineSession {
  return {
    newPage: async () => firefoxPage(await context.newPage()),
    close: async () => {
      if (ownBrowser) await ownBrowser.close();
      else await context.close();
    },
  };
}

export function firefoxEngine(setup: FirefoxSetup = {}): Engine {
  let shared: Promise<Browser> | undefined;
  const sharedBrowser = () => (shared ??= launch({}, setup));
  return {
    name: 'firefox',
    abilities: { gpc: true, javaScriptOff: true },
    async startSession(options: SessionOptions = {}) {
      // Preferences apply to a whole browser, so a session with options gets a browser of its own,
      // already empty; there a new context's first page never settles with page scripts off.
      if (Object.keys(preferences(options)).length > 0) {
        const own = await launch(options, setup);
        return firefoxSession(own.defaultBrowserContext(), own);
      }
      return firefoxSession(await (await sharedBrowser()).createBrowserContext(), undefined);
    },
    stop: async () => {
      if (shared) await (await shared).close();
      shared = undefined;
    },
  };
}
