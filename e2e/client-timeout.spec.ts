// A host that is down or never answers: the client rejects with its typed timeout error and never hangs.
import { expect, test } from '@playwright/test';
import { startTestSite } from './servers.js';
import { CLIENT_MODULE_PATH, startPageServer, type ClientModule } from './test-pages.js';

test('with the host stopped, isOptedOut() and optOut() reject with OptOutError TIMEOUT and whenKnown() resolves opted out', async ({
  page,
}) => {
  const pages = await startPageServer();
  const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  try {
    await site.stopHost();
    await page.goto(pages.page('/', '<p>A page of the site</p>'));
    const outcome = await page.evaluate(
      async ({ host, modulePath }) => {
        const { connectOptOut, OptOutError } = (await import(modulePath)) as ClientModule;
        const optout = connectOptOut({ host, timeout: 300 });
        const settle = (promise: Promise<unknown>) =>
          promise.then(
            () => 'resolved',
            (error: unknown) => ({
              isOptOutError: error instanceof OptOutError,
              code: (error as InstanceType<typeof OptOutError>).code,
            }),
          );
        const result = {
          get: await settle(optout.isOptedOut()),
          optOut: await settle(optout.optOut()),
          cached: optout.cached,
          // What a tracker's start waits for: never rejects, opted out when the host cannot answer.
          whenKnown: await optout.whenKnown(),
        };
        optout.destroy();
        return result;
      },
      { host: site.hostOrigin, modulePath: CLIENT_MODULE_PATH },
    );
    expect(outcome).toEqual({
      get: { isOptOutError: true, code: 'TIMEOUT' },
      optOut: { isOptOutError: true, code: 'TIMEOUT' },
      cached: undefined,
      whenKnown: true,
    });

    // The demo shop with its host down: client.js cannot load, and the page says so.
    await page.goto(`${site.demoOrigin}/shop`);
    await expect(page.getByRole('status')).toHaveText('Tracking: off');
    await expect(page.locator('#tracking-source')).toHaveText(/could not be reached/);
  } finally {
    await Promise.all([site.close(), pages.close()]);
  }
});

test('a bridge that never answers: the request times out, then a later one succeeds', async ({ page }) => {
  const pages = await startPageServer();
  const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  try {
    // The bridge document stalls (a host that hangs); the test frees it after the first timeout.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${site.hostOrigin}/optout/bridge`, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(pages.page('/', '<p>A page of the site</p>'));
    const first = await page.evaluate(
      async ({ host, modulePath }) => {
        const { connectOptOut } = (await import(modulePath)) as ClientModule;
        const optout = connectOptOut({ host, timeout: 300 });
        Object.assign(window, { testClient: optout });
        return optout.isOptedOut().then(String, (error: { code: string }) => error.code);
      },
      { host: site.hostOrigin, modulePath: CLIENT_MODULE_PATH },
    );
    expect(first).toBe('TIMEOUT');
    release();
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { testClient: { isOptedOut(): Promise<boolean> } }).testClient
            .isOptedOut()
            .then(String, (error: { code: string }) => error.code),
        ),
      )
      .toBe('false');
  } finally {
    await Promise.all([site.close(), pages.close()]);
  }
});
