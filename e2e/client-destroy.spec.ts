// destroy() leaves nothing behind: every listener it added is removed (counted), no timer pending, its bridge gone.
import { expect, test, type Page } from '@playwright/test';
import type { OptOutClient } from '../widget/client/client.js';
import { startTestSite, type TestSite } from './servers.js';
import { CLIENT_MODULE_PATH, startPageServer, type ClientModule, type PageServer } from './test-pages.js';

interface Ledger {
  /** Listeners the client library added and did not remove, as "type on target". */
  activeListeners(): string[];
  /** Timers the client library set that neither fired nor were cleared. */
  pendingTimers(): number;
}

/** Wraps add/removeEventListener and setTimeout/clearTimeout in the page before any script runs, noting the client's calls. */
async function installLedger(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    // Only what the client library's own code does counts (Playwright adds listeners to pages too).
    const byClient = () => (new Error().stack ?? '').includes('/optout-lib/');
    const registrations: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
    const captureOf = (options: unknown) =>
      typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
    const find = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
      registrations.findIndex((r) => r.target === target && r.type === type && r.listener === listener && r.capture === capture);
    const { addEventListener, removeEventListener } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
      if (listener && byClient() && find(this, type, listener, captureOf(options)) < 0) {
        registrations.push({ target: this, type, listener, capture: captureOf(options) });
      }
      return addEventListener.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
      const index = find(this, type, listener, captureOf(options));
      if (index >= 0) registrations.splice(index, 1);
      return removeEventListener.call(this, type, listener, options);
    };
    const pending = new Set<number>();
    const { setTimeout, clearTimeout } = window;
    window.setTimeout = ((handler: () => void, delay?: number) => {
      const id = setTimeout(() => {
        pending.delete(id);
        handler();
      }, delay);
      if (byClient()) pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearTimeout(id);
    }) as typeof window.clearTimeout;
    const name = (target: EventTarget) =>
      target === window ? 'window' : target === document ? 'document' : ((target as Element).nodeName ?? 'other');
    const ledger: Ledger = {
      activeListeners: () => registrations.map((r) => `${r.type} on ${name(r.target)}`),
      pendingTimers: () => pending.size,
    };
    Object.assign(window, { ledger });
  });
}

const ledger = (page: Page) =>
  page.evaluate(() => {
    const { ledger } = window as unknown as { ledger: Ledger };
    return { listeners: ledger.activeListeners(), timers: ledger.pendingTimers(), iframes: document.querySelectorAll('iframe').length };
  });

let pages: PageServer;
let site: TestSite;
test.beforeEach(async ({ page }) => {
  pages = await startPageServer();
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  await installLedger(page);
});
test.afterEach(async () => {
  await Promise.all([site.close(), pages.close()]);
});

test('destroy() removes every listener, timer and bridge it created, and is idempotent', async ({ page }) => {
  await page.goto(pages.page('/', '<p>A page of the site</p>'));
  const during = await page.evaluate(
    async ({ host, modulePath }) => {
      const { connectOptOut } = (await import(modulePath)) as ClientModule;
      const optout = connectOptOut({ host });
      Object.assign(window, { testClient: optout });
      const calls: unknown[] = [];
      optout.subscribe((state) => calls.push(state));
      await optout.isOptedOut();
      await optout.optOut();
      const { ledger } = window as unknown as { ledger: Ledger };
      return { listeners: ledger.activeListeners().sort(), iframes: document.querySelectorAll('iframe').length, calls: calls.length };
    },
    { host: site.hostOrigin, modulePath: CLIENT_MODULE_PATH },
  );
  // The count can fail: while connected the client really holds listeners and a bridge.
  expect(during.listeners).toEqual(['load on IFRAME', 'message on window', 'storage on window']);
  expect(during.iframes).toBe(1);
  expect(during.calls).toBe(2);

  const after = await page.evaluate(async () => {
    const optout = (window as unknown as { testClient: OptOutClient }).testClient;
    optout.destroy();
    optout.destroy();
    let called = false;
    optout.subscribe(() => (called = true));
    const rejected = await optout.isOptedOut().then(String, (error: { code: string }) => error.code);
    return { rejected, called };
  });
  expect(after).toEqual({ rejected: 'DESTROYED', called: false });
  expect(await ledger(page)).toEqual({ listeners: [], timers: 0, iframes: 0 });
});

test('destroy() with a request in flight rejects it at once and leaves nothing behind', async ({ page }) => {
  // The bridge never answers, so the request is still pending when destroy() runs.
  await page.route(`${site.hostOrigin}/optout/bridge`, () => undefined);
  await page.goto(pages.page('/', '<p>A page of the site</p>'));
  const outcome = await page.evaluate(
    async ({ host, modulePath }) => {
      const { connectOptOut } = (await import(modulePath)) as ClientModule;
      const optout = connectOptOut({ host, timeout: 60_000 });
      const answer = optout.isOptedOut().then(String, (error: { code: string }) => error.code);
      const { ledger } = window as unknown as { ledger: Ledger };
      const timersBefore = ledger.pendingTimers();
      optout.destroy();
      return { answer: await answer, timersBefore };
    },
    { host: site.hostOrigin, modulePath: CLIENT_MODULE_PATH },
  );
  // Two requests were waiting (the client's own first `get` and ours), each with its timer.
  expect(outcome).toEqual({ answer: 'DESTROYED', timersBefore: 2 });
  expect(await ledger(page)).toEqual({ listeners: [], timers: 0, iframes: 0 });
});

test("destroy() on a page with the widget leaves the site's own iframe in place", async ({ page }) => {
  await page.goto(
    pages.page('/widget', `<iframe src="${site.hostOrigin}/optout" title="Analytics opt-out" style="border:0;width:100%"></iframe>`),
  );
  const listeners = await page.evaluate(
    async ({ host, modulePath }) => {
      const { connectOptOut } = (await import(modulePath)) as ClientModule;
      const optout = connectOptOut({ host });
      await optout.isOptedOut();
      optout.destroy();
      return (window as unknown as { ledger: Ledger }).ledger.activeListeners();
    },
    { host: site.hostOrigin, modulePath: CLIENT_MODULE_PATH },
  );
  expect(listeners).toEqual([]);
  expect((await ledger(page)).iframes).toBe(1);
});
