// The builder's two blocks of code, as generated, on a site owner's privacy page and another page (Chromium): each tracker stops after opting out and comes back after opting in.
import { expect, test, type Browser } from '@playwright/test';
import { cases, expectStopsAndRestarts, GA_ID, isHit, placeBlocks, type InPage, type VisitorTab } from './builder-cases.js';
import { startOwnerSite, type OwnerSite } from './builder-site.js';
import { texts } from './frame.js';
import { personBrowser } from './collector.js';
import { startTestSite, type TestSite } from './servers.js';

let host: TestSite;
let site: OwnerSite;

test.beforeAll(async () => {
  site = await startOwnerSite();
  // The site and two of its subdomains (the cookie-domain test).
  host = await startTestSite({
    OPTOUT_ALLOWED_ORIGINS: [site.origin, subdomain('www', site.origin), subdomain('blog', site.origin)].join(','),
  });
});
test.afterAll(async () => {
  await Promise.all([host.close(), site.close()]);
});

/** The same URL on a subdomain of the site. */
function subdomain(name: string, url: string): string {
  return url.replace('//harbour.localhost', `//${name}.harbour.localhost`);
}

/** The builder's two blocks for one tracker, read from the builder page as a site owner copies them. */
async function generatedBlocks(browser: Browser, tracker: string, more = ''): Promise<{ privacy: string; everyPage: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${host.hostOrigin}/?trackers=${tracker}&gaId=${GA_ID}${more}`);
    return {
      privacy: await page.getByRole('textbox', { name: 'On your privacy page' }).inputValue(),
      everyPage: await page.getByRole('textbox', { name: 'On every other page' }).inputValue(),
    };
  } finally {
    await page.close();
  }
}

for (const kase of cases) {
  test(`${kase.tracker}: the generated code stops the tracker after opting out and restarts it after opting in`, async ({ browser }) => {
    const urls = placeBlocks(site, kase, await generatedBlocks(browser, kase.tracker), 'chromium');
    // Plausible and PostHog drop hits from automated browsers: present this one as a person's.
    const context = await browser.newContext({ userAgent: personBrowser.userAgent });
    await context.addInitScript({ content: personBrowser.initScript });
    let hits = 0;
    context.on('request', (request) => void (isHit(kase.tracker, request.method(), request.url()) && (hits += 1)));
    const page = await context.newPage();
    const frame = page.frameLocator(`iframe[src^="${host.hostOrigin}/optout"]`);
    const tab: VisitorTab = {
      goto: async (url) => void (await page.goto(url)),
      // Playwright's evaluate with the plain argument type (its own unboxes handles, which are never passed here).
      evaluate: <A, R>(fn: InPage<A, R>, arg: A) => (page as unknown as { evaluate(f: InPage<A, R>, a: A): Promise<R> }).evaluate(fn, arg),
      waitFor: async (fn) => void (await page.waitForFunction(fn)),
      clickInFrame: async (name, status) => {
        await frame.getByRole('button', { name }).click();
        await expect(frame.getByRole('status')).toHaveText(status);
      },
      hitsMade: () => hits,
    };
    try {
      await expectStopsAndRestarts(tab, site, kase, urls);
    } finally {
      await context.close();
    }
  });
}

for (const [cookieDomain, shared] of [
  ['harbour.localhost', true],
  ['none', false],
] as const) {
  test(`cookieDomain=${cookieDomain}: a choice made on www. is known ${shared ? 'at once' : 'only after asking the frame'} on blog.`, async ({
    browser,
  }) => {
    const blocks = await generatedBlocks(browser, 'fathom', `&cookieDomain=${cookieDomain}`);
    expect(blocks.everyPage).toContain(`data-cookie-domain="${cookieDomain}"`);
    const name = shared ? 'shared' : 'host-only';
    const privacyUrl = subdomain('www', site.page(`/${name}/privacy`, '', blocks.privacy));
    // The owner's own line after the block: what the client knew synchronously, before any answer from the frame.
    const articleUrl = subdomain(
      'blog',
      site.page(`/${name}/article`, `${blocks.everyPage}\n<script>window.knownAtLoad = optout.cached;</script>`, '<p>An article.</p>'),
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(privacyUrl);
      const frame = page.frameLocator(`iframe[src^="${host.hostOrigin}/optout"]`);
      await frame.getByRole('button', { name: texts.optOutButton }).click();
      await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
      await page.goto(articleUrl);
      expect(await page.evaluate(() => (window as unknown as { knownAtLoad?: boolean }).knownAtLoad)).toBe(shared ? true : undefined);
      // Either way the tracker is held and then kept off.
      expect(await page.evaluate(() => window.optout?.whenKnown())).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('blockFathomTracking'))).not.toBeNull();
    } finally {
      await context.close();
    }
  });
}
