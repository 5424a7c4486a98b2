// The WebKitGTK engine: selenium-webdriver against WebKitWebDriver, driving MiniBrowser on a virtual display it starts itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Builder, By, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { Engine, EnginePage, EngineSession, PageFunction, SessionOptions } from './driver.js';
import { browserCookie, EngineUnsupportedError } from './driver.js';
import { findVisibleButton } from './frame-view.js';

/** MINIBROWSER_PATH, or Debian's webkit2gtk-driver's MiniBrowser under /usr/lib/<multiarch triplet>/ on any architecture. */
function findMiniBrowser(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const found = readdirSync('/usr/lib')
    .map((dir) => join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((path) => existsSync(path));
  if (!found)
    throw new Error('MiniBrowser not found at /usr/lib/*/webkit2gtk-4.1/MiniBrowser: install webkit2gtk-driver, or set MINIBROWSER_PATH');
  return found;
}

export interface WebKitPolicy {
  /** Intelligent Tracking Prevention on (`--enable-itp`), on top of blocked third-party cookies. */
  readonly itp: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Stops a process started `detached` and everything in its group (xvfb-run, Xvfb, WebKitWebDriver). */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** One try: WebKitWebDriver under `xvfb-run -a` (MiniBrowser needs a display), answering on a free port. */
async function tryDriverServer(): Promise<{ url: string; process: ChildProcess } | undefined> {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
    if (
      await fetch(`${url}/status`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopGroup(child);
  return undefined;
}

/**
 * The driver server, retried: two workers starting `xvfb-run -a` at once can pick the same
 * display number, and the loser exits at once.
 */
async function startDriverServer(): Promise<{ url: string; process: ChildProcess }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await tryDriverServer();
    if (started) return started;
  }
  throw new Error('WebKitWebDriver did not start (are the webkit2gtk-driver and xvfb packages installed?)');
}

function miniBrowserArgs(policy: WebKitPolicy, options: SessionOptions): string[] {
  return [
    '--automation',
    '--cookies-policy=no-third-party',
    ...(policy.itp ? ['--enable-itp'] : []),
    // Scripts in the documents off; the driver's own scripts still run, so it can read and click.
    ...(options.javaScript === false ? ['--enable-javascript-markup=false'] : []),
    // Made-up HTTPS names through the test's proxy, their test certificate accepted.
    ...(options.proxy ? [`--proxy=${options.proxy}`, '--ignore-tls-errors'] : []),
  ];
}

/** Every call first selects this page's window: WebDriver has one current window per session. */
function webkitPage(driver: WebDriver, handle: string): EnginePage {
  const top = async () => {
    await driver.switchTo().window(handle);
    await driver.switchTo().defaultContent();
  };
  const inFrame = async <R>(iframe: string, action: () => Promise<R>): Promise<R> => {
    await top();
    await driver.switchTo().frame(await driver.findElement(By.css(iframe)));
    try {
      return await action();
    } finally {
      await driver.switchTo().defaultContent();
    }
  };
  return {
    goto: async (url) => (await top(), driver.get(url)),
    reload: async () => (await top(), driver.navigate().refresh()),
    evaluate: async <A, R>(fn: PageFunction<A, R>, arg: A) => (await top(), driver.executeScript<R>(fn, arg)),
    evaluateInFrame: <A, R>(iframe: string, fn: PageFunction<A, R>, arg: A) => inFrame(iframe, () => driver.executeScript<R>(fn, arg)),
    frameUrl: (iframe) => inFrame(iframe, () => driver.executeScript<string>(() => location.href)),
    clickInFrame: (iframe, name) =>
      inFrame(iframe, async () => {
        const button = await driver.executeScript<WebElement | null>(findVisibleButton, name);
        if (!button) throw new Error(`no visible button "${name}" in ${iframe}`);
        await button.click();
      }),
    cookies: async () => {
      await top();
      return (await driver.manage().getCookies()).map(browserCookie);
    },
    close: async () => {
      await top();
      if ((await driver.getAllWindowHandles()).length > 1) await driver.close();
    },
  };
}

function webkitSession(driver: WebDriver): EngineSession {
  let first = true;
  return {
    async newPage() {
      if (!first) await driver.switchTo().newWindow('tab');
      first = false;
      return webkitPage(driver, await driver.getWindowHandle());
    },
    close: () => driver.quit(),
  };
}

export function webkitEngine(name: string, policy: WebKitPolicy): Engine {
  let server: Promise<{ url: string; process: ChildProcess }> | undefined;
  const serverUrl = async () => (await (server ??= startDriverServer())).url;
  // Looked up when the first session starts, so a machine without WebKit can still list and run the other engines.
  let miniBrowser: string | undefined;
  // Each session is a new MiniBrowser in automation mode, whose storage is ephemeral: a fresh visitor.
  // WebKitWebDriver serves one session at a time, so a test holds one session at a time.
  const newDriver = async (options: SessionOptions) =>
    new Builder()
      .usingServer(await serverUrl())
      .withCapabilities({
        browserName: 'MiniBrowser',
        ...(options.proxy ? { acceptInsecureCerts: true } : {}),
        'webkitgtk:browserOptions': { binary: (miniBrowser ??= findMiniBrowser()), args: miniBrowserArgs(policy, options) },
      })
      .build();
  return {
    name,
    // WebKit has no GPC (Safari does not send it either).
    abilities: { gpc: false, javaScriptOff: true },
    async startSession(options: SessionOptions = {}) {
      if (options.gpc) throw new EngineUnsupportedError(name, 'gpc');
      return webkitSession(await newDriver(options));
    },
    async stop() {
      const running = await server;
      server = undefined;
      if (running) stopGroup(running.process);
    },
  };
}
