// OPTOUT_CONFIG profiles in Chromium: each site's pages frame and talk to their own profile, in their own words, and never to another site's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { writeStaticExport } from '../export/write-export.js';
import { loadConfig } from '../server/config/index.js';
import { buildProfiles } from '../server/site-profiles.js';
import { writeConfigFile } from '../server/testing/config-files.js';
import { texts } from './frame.js';
import { startTestSite, type TestSite } from './servers.js';
import { startPageServer as startFileServer } from './page-server.js';
import { CLIENT_MODULE_PATH, startPageServer, type ClientModule, type PageServer } from './test-pages.js';

/** Site A's own words: markup characters and quotes are text, shown as written. */
const A = {
  intro: 'Site A counts <visits> & "clicks" — nothing else.',
  optOutButton: 'Stop counting me on A.',
  title: 'A: analytics opt-out',
};
const B = { intro: 'Site B counts visits.' };
const TOP = { storageAccessButton: 'Let this frame remember' };

/** Two customers' sites (each a page server on localhost: another site than the host on 127.0.0.1). */
let siteA: PageServer;
let siteB: PageServer;
let host: TestSite;
/** The OPTOUT_CONFIG file the host runs with. */
let configFile: string;

test.beforeAll(async () => {
  [siteA, siteB] = await Promise.all([startPageServer(), startPageServer()]);
  configFile = writeConfigFile({
    texts: { en: TOP },
    sites: {
      a: { allowedOrigins: [siteA.origin], texts: { en: A }, theme: { backgroundColor: '#fffbe6' } },
      b: { allowedOrigins: [siteB.origin], default: 'out', texts: { en: B } },
    },
  });
  // The top level (no site=) allows neither customer: only a third origin.
  host = await startTestSite({ OPTOUT_CONFIG: configFile, OPTOUT_ALLOWED_ORIGINS: 'https://elsewhere.example' });
});
test.afterAll(async () => {
  await Promise.all([host.close(), siteA.close(), siteB.close()]);
});

/** A page of `site` showing the frame of `profile`, recording every message it receives. */
function embeddingPage(site: PageServer, profile: string): string {
  return site.page(
    `/embed-${profile}`,
    `<script>window.heard = []; addEventListener('message', (e) => heard.push({ origin: e.origin, data: e.data }));</script>
<iframe src="${host.hostOrigin}/optout?site=${profile}" title="Analytics opt-out" style="border:0;width:100%;height:200px"></iframe>`,
  );
}

/** Waits until the iframe has finished navigating, wherever it ended up; returns its URL. */
async function settledFrameUrl(page: Page): Promise<string> {
  await expect.poll(() => page.frames()[1]?.url() ?? 'about:blank').not.toBe('about:blank');
  return page.frames()[1]!.url();
}

/** The client's answer to isOptedOut() for `site`, or its error code, and how many frames the page then has. */
function clientAnswer(page: Page, site: string): Promise<{ answer: string; frames: number }> {
  return page.evaluate(
    async ({ hostOrigin, modulePath, site }) => {
      const { connectOptOut } = (await import(modulePath)) as ClientModule;
      const optout = connectOptOut({ host: hostOrigin, site, timeout: 800 });
      const answer = await optout.isOptedOut().then(String, (error: { code: string }) => error.code);
      const frames = document.querySelectorAll('iframe').length;
      optout.destroy();
      return { answer, frames };
    },
    { hostOrigin: host.hostOrigin, modulePath: CLIENT_MODULE_PATH, site },
  );
}

test("a page of site A frames profile A and sees A's own words, before and after the element takes over", async ({ page }) => {
  const response = page.waitForResponse((r) => r.url().startsWith(`${host.hostOrigin}/optout?site=a`));
  await page.goto(embeddingPage(siteA, 'a'));
  // On the wire: only site A may frame profile A.
  const csp = (await response).headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`frame-ancestors 'self' ${siteA.origin}`);
  expect(csp).not.toContain(siteB.origin);
  expect(csp).not.toContain('elsewhere.example');

  const frame = page.frameLocator('iframe');
  await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
  await expect(frame.getByText(A.intro, { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(frame.locator('b, strong')).toHaveCount(0);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await frame.getByRole('button', { name: A.optOutButton }).click();
  // What A did not override keeps the shipped text.
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect(frame.getByRole('button', { name: texts.optInButton })).toBeVisible();
  expect(await page.frames()[1]!.title()).toBe(A.title);
  // Its theme default, from the file.
  expect(await frame.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 251, 230)');
  // The client with site: 'a' recognises this visible frame (no bridge added) and gets the answer.
  expect(await clientAnswer(page, 'a')).toEqual({ answer: 'true', frames: 1 });
});

test("profile B keeps its own default and words, with the top level's texts where it says nothing", async ({ page }) => {
  await page.goto(embeddingPage(siteB, 'b'));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByText(B.intro, { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect(frame.getByText(A.intro)).toHaveCount(0);
  const boot = await frame.locator('#optout-boot').textContent();
  expect(JSON.parse(boot!).texts.storageAccessButton).toBe(TOP.storageAccessButton);
});

test('site A framing profile B is refused: CSP frame-ancestors names only B, and no frame is shown', async ({ page }) => {
  const response = page.waitForResponse((r) => r.url().startsWith(`${host.hostOrigin}/optout?site=b`));
  await page.goto(embeddingPage(siteA, 'b'));
  const csp = (await response).headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`frame-ancestors 'self' ${siteB.origin}`);
  expect(csp).not.toContain(siteA.origin);
  expect(await settledFrameUrl(page)).not.toContain(host.hostOrigin);
  await expect(page.frameLocator('iframe').getByRole('status')).toHaveCount(0);
  // Nor through the hidden bridge: profile B's bridge refuses site A too.
  expect(await clientAnswer(page, 'b')).toMatchObject({ answer: 'TIMEOUT' });
});

test('a message from site A to a profile-B frame gets no answer, even framed without CSP', async ({ page }) => {
  // As a browser that ignored frame-ancestors would: profile B's answer without its CSP header.
  await page.route(`${host.hostOrigin}/optout?site=b`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto(embeddingPage(siteA, 'b'));
  const frameLocator = page.frameLocator('iframe');
  await expect(frameLocator.getByText(B.intro, { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(frameLocator.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
  const frame = page.frames()[1]!;
  await frame.evaluate(() => {
    Object.assign(window, { received: 0 });
    addEventListener('message', () => Object.assign(window, { received: (window as unknown as { received: number }).received + 1 }));
  });
  await page.evaluate((hostOrigin) => {
    const target = document.querySelector('iframe')!.contentWindow!;
    for (const type of ['get', 'opt-out']) target.postMessage({ protocol: 'optout-frame/1', type, id: `x-${type}` }, hostOrigin);
  }, host.hostOrigin);
  await expect.poll(() => frame.evaluate(() => (window as unknown as { received: number }).received)).toBeGreaterThanOrEqual(2);
  // Anything the frame had posted back would arrive before this marker (same source, same target).
  await frame.evaluate(() => parent.postMessage('end-of-test-marker', '*'));
  await page.waitForFunction(() =>
    (window as unknown as { heard: { data: unknown }[] }).heard.some((m) => m.data === 'end-of-test-marker'),
  );
  const answers = await page.evaluate(() =>
    (window as unknown as { heard: { data: unknown }[] }).heard.filter((m) => m.data !== 'end-of-test-marker'),
  );
  expect(answers).toEqual([]);
  // Profile B's default (out) is unchanged: the opt-out request was ignored, not merely unanswered.
  await expect(frameLocator.getByRole('button', { name: texts.optInButton })).toBeVisible();
});

test.describe('the client with a site', () => {
  test("connectOptOut({ site: 'a' }) skips another profile's frame and asks profile A's bridge", async ({ page }) => {
    await page.goto(embeddingPage(siteA, 'b'));
    expect(await settledFrameUrl(page)).not.toContain(host.hostOrigin);
    const bridge = page.waitForRequest((r) => r.url().startsWith(`${host.hostOrigin}/optout/bridge`));
    // Two frames: profile B's (refused) and the bridge the client added for profile A, which answers.
    expect(await clientAnswer(page, 'a')).toEqual({ answer: 'false', frames: 2 });
    expect((await bridge).url()).toBe(`${host.hostOrigin}/optout/bridge?site=a`);
  });

  for (const tag of ['data-site="a"', 'site=a on its URL']) {
    test(`client.js with ${tag} connects to profile A`, async ({ page }) => {
      const src = tag.startsWith('data') ? `${host.hostOrigin}/client.js" data-site="a` : `${host.hostOrigin}/client.js?site=a`;
      const bridge = page.waitForRequest((r) => r.url().startsWith(`${host.hostOrigin}/optout/bridge`));
      await page.goto(siteA.page(`/script-${tag.length}`, `<script src="${src}"></script>`));
      const answer = await page.evaluate(() => (window as unknown as { optout: { isOptedOut(): Promise<boolean> } }).optout.isOptedOut());
      expect(answer).toBe(false);
      expect((await bridge).url()).toBe(`${host.hostOrigin}/optout/bridge?site=a`);
    });
  }

  test('client.js with a malformed data-site names it on the console and treats the visitor as opted out, with no request', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const hostRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(host.hostOrigin) && !request.url().endsWith('/client.js')) hostRequests.push(request.url());
    });
    await page.goto(siteA.page('/bad-data-site', `<script src="${host.hostOrigin}/client.js" data-site="News Site"></script>`));
    const seen = await page.evaluate(async () => {
      const optout = (window as unknown as { optout: { cached: boolean | undefined; isOptedOut(): Promise<boolean> } }).optout;
      const code = await optout.isOptedOut().then(
        () => 'answered',
        (error: { code: string }) => error.code,
      );
      return { cached: optout.cached, code };
    });
    expect(seen).toEqual({ cached: true, code: 'INVALID_SITE' });
    expect(errors.join('\n')).toContain('data-site');
    expect(hostRequests).toEqual([]);
  });

  test('a site id the host could not have is a typed error at once', async ({ page }) => {
    await page.goto(siteA.page('/bad-site', ''));
    const code = await page.evaluate(
      async ({ hostOrigin, modulePath }) => {
        const { connectOptOut } = (await import(modulePath)) as ClientModule;
        try {
          connectOptOut({ host: hostOrigin, site: 'News Site' });
          return 'no error';
        } catch (error) {
          return (error as { code: string }).code;
        }
      },
      { hostOrigin: host.hostOrigin, modulePath: CLIENT_MODULE_PATH },
    );
    expect(code).toBe('INVALID_SITE');
  });
});

test("the builder offers the profiles: choosing site A previews A's words and writes site=a into the code", async ({ page }) => {
  await page.goto(`${host.hostOrigin}/`);
  const site = page.getByLabel('Site');
  await expect(site.locator('option')).toHaveText(["None: the host's own settings", 'a', 'b']);
  await site.selectOption('a');
  const preview = page.frameLocator('#preview');
  await expect(preview.getByText(A.intro, { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(preview.getByRole('button', { name: A.optOutButton })).toBeVisible();
  const code = page.getByRole('textbox', { name: 'On your privacy page' });
  await expect(code).toHaveValue(new RegExp(`<iframe src="${host.hostOrigin}/optout\\?site=a"`));
  await expect(code).toHaveValue(new RegExp(`title="${A.title}"`));
  await expect(code).toHaveValue(new RegExp(`<script src="${host.hostOrigin}/client.js" data-site="a" async>`));
  // The address keeps the choice, and the page rendered from it (without script too) says the same.
  await page.reload();
  await expect(site).toHaveValue('a');
  await expect(code).toHaveValue(/optout\?site=a"/);
  expect((await page.request.get(`${host.hostOrigin}/?site=zzz`)).status()).toBe(400);
});

test("OPTOUT_BUILDER_SITES=hidden: the builder's public page names no profile; site A's own link shows A alone, previews A's words and writes site=a", async ({
  page,
}) => {
  const hidden = await startTestSite({
    OPTOUT_CONFIG: configFile,
    OPTOUT_ALLOWED_ORIGINS: 'https://elsewhere.example',
    OPTOUT_BUILDER_SITES: 'hidden',
  });
  try {
    await page.goto(`${hidden.hostOrigin}/`);
    await expect(page.getByRole('textbox', { name: 'On your privacy page' })).toHaveValue(/<iframe src=/);
    await expect(page.getByLabel('Site')).toHaveCount(0);
    await page.goto(`${hidden.hostOrigin}/?site=a`);
    const site = page.getByLabel('Site');
    await expect(site.locator('option')).toHaveText(["None: the host's own settings", 'a']);
    await expect(site).toHaveValue('a');
    await expect(page.frameLocator('#preview').getByRole('button', { name: A.optOutButton })).toBeVisible();
    const code = page.getByRole('textbox', { name: 'On your privacy page' });
    await expect(code).toHaveValue(new RegExp(`<iframe src="${hidden.hostOrigin}/optout\\?site=a"`));
    await expect(code).toHaveValue(new RegExp(`title="${A.title}"`));
  } finally {
    await hidden.close();
  }
});

test("profile A's static export, on a CDN origin of its own: A's words and theme, and only site A may frame it", async ({ page }) => {
  // Site a's export (`optout-frame export DIR --site a`) from the built assets (npm run build).
  const assets = fileURLToPath(new URL('../dist/static-assets/', import.meta.url));
  const root = mkdtempSync(join(tmpdir(), 'optout-sites-'));
  writeStaticExport(root, assets, 'optout', buildProfiles(loadConfig({ OPTOUT_CONFIG: configFile })).sites.get('a')!);
  const cdn = await startFileServer({ hostname: '127.0.0.1', dir: root });
  try {
    const csp = (await page.request.get(`${cdn.origin}/optout`)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${siteA.origin}`);
    expect(csp).not.toContain(siteB.origin);
    await page.goto(
      siteA.page(
        '/static-a',
        `<iframe src="${cdn.origin}/optout" title="Analytics opt-out" style="border:0;width:100%;height:200px"></iframe>`,
      ),
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByText(A.intro, { exact: true }).filter({ visible: true })).toBeVisible();
    await expect(frame.getByRole('button', { name: A.optOutButton })).toBeVisible();
    expect(await frame.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 251, 230)');
  } finally {
    await cdn.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("profile A's form keeps site=a through the post and the redirect", async ({ page }) => {
    await page.goto(embeddingPage(siteA, 'a'));
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: A.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    await expect(frame.getByText(A.intro, { exact: true }).filter({ visible: true })).toBeVisible();
    expect(page.frames()[1]!.url()).toBe(`${host.hostOrigin}/optout?site=a&stored=1`);
  });

  test('a post for profile B from a page of site A is refused, and stores nothing', async ({ page, context }) => {
    await page.goto(
      siteA.page(
        '/forged',
        `<form method="post" action="${host.hostOrigin}/optout?site=b"><input type="hidden" name="optedOut" value="0"><button>Opt in on B</button></form>`,
      ),
    );
    const response = page.waitForResponse((r) => r.url().startsWith(`${host.hostOrigin}/optout`));
    await page.getByRole('button', { name: 'Opt in on B' }).click();
    expect((await response).status()).toBe(403);
    await expect(page.getByText('Forbidden')).toBeVisible();
    expect(await context.cookies(host.hostOrigin)).toEqual([]);
  });
});
