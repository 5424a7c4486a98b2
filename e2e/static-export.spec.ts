// The static export (`optout-frame export`) behind a plain static file server: the frame toggles and persists, reads lang and theme, and talks to client.js.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_AA } from './axe.js';
import { expect, test, type Page } from '@playwright/test';
import { writeStaticExport } from '../export/write-export.js';
import { buildProfiles } from '../server/site-profiles.js';
import { loadConfig } from '../server/config/index.js';
import { shippedLanguages } from '../widget/shared/i18n/index.js';
import { texts } from './frame.js';
import { startPageServer, type PageServer } from './page-server.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const byTag = (tag: string) => shippedLanguages.find((language) => language.tag === tag)!;

/** A site on localhost and a "CDN" on 127.0.0.1 serving only files, with /optout mapped to /optout/index.html. */
let site: PageServer;
let cdn: PageServer;
let exportDir: string;
const pages: Record<string, string> = {};

test.beforeAll(async () => {
  site = await startPageServer({ hostname: 'localhost', pages });
  // The export from the built assets, configured (as `optout-frame export` is by OPTOUT_ALLOWED_ORIGINS) for this site.
  exportDir = mkdtempSync(join(tmpdir(), 'optout-static-'));
  writeStaticExport(
    exportDir,
    join(dist, 'static-assets'),
    'optout',
    buildProfiles(loadConfig({ OPTOUT_ALLOWED_ORIGINS: site.origin })).top,
  );
  cdn = await startPageServer({ hostname: '127.0.0.1', dir: exportDir });
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static test</title></head><body>${body}</body></html>`;
  pages['/privacy'] = page(
    `<iframe src="${cdn.origin}/optout?showIntro=1" title="Analytics opt-out" style="border:0;width:100%;height:160px"></iframe>
<script src="${cdn.origin}/client.js"></script>
<script>window.seen = []; window.optout.subscribe((state) => window.seen.push(state.optedOut));</script>`,
  );
  pages['/shop'] = page(`<h1>Shop</h1><script src="${cdn.origin}/client.js"></script>`);
  pages['/embed'] = page('<h1>Embed</h1>');
});

test.afterAll(async () => {
  await Promise.all([site.close(), cdn.close()]);
  rmSync(exportDir, { recursive: true, force: true });
});

/** Embeds the static frame with a query into the site's blank page. */
async function embedStatic(page: Page, query: string) {
  await page.goto(`${site.origin}/embed`);
  await page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = 'Analytics opt-out';
    document.body.append(iframe);
  }, `${cdn.origin}/optout?${query}`);
  return page.frameLocator(`iframe[src^="${cdn.origin}/optout"]`);
}

test('the export holds the frame, the bridge, client.js and hashed assets', async ({ request }) => {
  for (const path of ['/optout', '/optout/', '/optout/bridge', '/client.js']) {
    expect((await request.get(`${cdn.origin}${path}`)).status(), path).toBe(200);
  }
  const html = await (await request.get(`${cdn.origin}/optout`)).text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toMatch(/-[A-Za-z0-9_-]{8}\.js$/);
  // The frame page carries English only; other languages are separate files fetched on demand.
  expect(html).not.toContain(byTag('de').texts.optedIn);
});

test("served with its _headers, /healthz answers ok as text, never cached, as the host's does", async ({ request }) => {
  const answer = await request.get(`${cdn.origin}/healthz`);
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toBe('ok');
  expect(answer.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(answer.headers()['cache-control']).toBe('no-store');
});

test('the static frame toggles and the choice persists across reloads and pages', async ({ page, context }) => {
  await page.goto(`${site.origin}/privacy`);
  const frame = page.frameLocator(`iframe[src^="${cdn.origin}/optout"]`);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);

  await page.reload();
  await expect(page.frameLocator(`iframe[src^="${cdn.origin}/optout"]`).getByRole('status')).toHaveText(texts.optedOut);
  const second = await context.newPage();
  await second.goto(`${site.origin}/privacy`);
  const secondFrame = second.frameLocator(`iframe[src^="${cdn.origin}/optout"]`);
  await expect(secondFrame.getByRole('status')).toHaveText(texts.optedOut);
  await secondFrame.getByRole('button', { name: texts.optInButton }).click();
  await expect(secondFrame.getByRole('status')).toHaveText(texts.optedIn);
  await second.reload();
  await expect(second.frameLocator(`iframe[src^="${cdn.origin}/optout"]`).getByRole('status')).toHaveText(texts.optedIn);
});

test('page scripts learn the choice from the static frame and, on a page without it, from the static bridge', async ({ page, context }) => {
  await page.goto(`${site.origin}/privacy`);
  expect(await page.evaluate(() => window.optout!.isOptedOut())).toBe(false);
  const frame = page.frameLocator(`iframe[src^="${cdn.origin}/optout"]`);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: boolean[] }).seen.at(-1))).toBe(true);
  expect(await page.evaluate(() => window.optout!.isOptedOut())).toBe(true);

  const shop = await context.newPage();
  await shop.goto(`${site.origin}/shop`);
  expect(await shop.evaluate(() => window.optout!.isOptedOut())).toBe(true);
  expect(shop.frames().some((f) => f.url().startsWith(`${cdn.origin}/optout/bridge`))).toBe(true);
});

test('lang from the query string: right-to-left Arabic, English for an unknown language', async ({ page }) => {
  const arabic = byTag('ar');
  const frame = await embedStatic(page, 'lang=ar-EG&showIntro=1');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('title')).toHaveJSProperty('text', arabic.texts.title);
  await expect(frame.getByRole('status')).toHaveText(arabic.texts.optedIn);
  await expect(frame.getByText(arabic.texts.intro)).toBeVisible();
  await frame.getByRole('button', { name: arabic.texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(arabic.texts.optedOut);

  const unknown = await embedStatic(page, 'lang=tlh');
  await expect(unknown.locator('html')).toHaveAttribute('lang', 'en');
  // The choice made in Arabic is the same choice, told in English.
  await expect(unknown.getByRole('status')).toHaveText(texts.optedOut);
});

test('one texts file per shipped language besides English, each served with that language', async ({ request }) => {
  const files = readdirSync(join(exportDir, 'assets/i18n'));
  for (const language of shippedLanguages.filter((l) => l.tag !== 'en')) {
    const own = files.filter((file) => new RegExp(`^${language.tag}-[0-9a-f]{10}\\.json$`).test(file));
    expect(own, language.tag).toHaveLength(1);
    const response = await request.get(`${cdn.origin}/assets/i18n/${own[0]}`);
    expect(await response.json(), language.tag).toEqual(language.texts);
  }
  expect(files).toHaveLength(shippedLanguages.length - 1);
});

test('lang with region and script subtags: pt-PT, sr-Latn-RS, Urdu right to left', async ({ page }) => {
  const cases: [query: string, tag: string, dir: string][] = [
    ['lang=pt-PT', 'pt-PT', 'ltr'],
    ['lang=sr-Latn-RS', 'sr-Latn', 'ltr'],
    ['lang=sr-Cyrl', 'sr', 'ltr'],
    ['lang=ur-PK', 'ur', 'rtl'],
  ];
  for (const [query, tag, dir] of cases) {
    const frame = await embedStatic(page, query);
    await expect(frame.locator('html')).toHaveAttribute('lang', tag);
    await expect(frame.locator('html')).toHaveAttribute('dir', dir);
    await expect(frame.getByRole('status')).toHaveText(byTag(tag).texts.optedIn);
  }
});

test.describe('lang=auto in a German browser', () => {
  test.use({ locale: 'de-DE' });
  test('follows navigator.languages (the static twin of Accept-Language)', async ({ page }) => {
    const frame = await embedStatic(page, 'lang=auto');
    await expect(frame.locator('html')).toHaveAttribute('lang', 'de');
    await expect(frame.getByRole('status')).toHaveText(byTag('de').texts.optedIn);
  });
});

test('theming parameters apply, and an invalid one is named in the frame', async ({ page }) => {
  const frame = await embedStatic(page, 'theme=dark&fontColor=ffcc00&fontSize=20px');
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  const look = await frame.getByRole('status').evaluate((el) => ({
    color: getComputedStyle(el).color,
    size: getComputedStyle(el).fontSize,
    background: getComputedStyle(el.ownerDocument.body).backgroundColor,
  }));
  expect(look).toEqual({ color: 'rgb(255, 204, 0)', size: '20px', background: 'rgb(27, 28, 31)' });

  const invalid = await embedStatic(page, 'fontSize=%3C%2Fstyle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(invalid.getByRole('alert')).toHaveText(/Invalid parameter "fontSize": expected a number with px/);
  await expect(invalid.locator('script:not([type="application/json"]):not([src])')).toHaveCount(0);
});

test("served with the export's _headers, a site that is not allowed cannot frame it", async ({ page, request }) => {
  const headers = (await request.get(`${cdn.origin}/optout`)).headers();
  expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${site.origin}`);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect((await request.get(`${cdn.origin}/client.js`)).headers()['cache-control']).toBe('public, max-age=300');

  const other = await startPageServer({
    hostname: 'localhost',
    pages: { '/': `<!doctype html><title>Other</title><iframe src="${cdn.origin}/optout" title="Analytics opt-out"></iframe>` },
  });
  try {
    await page.goto(`${other.origin}/`);
    await expect
      .poll(() =>
        page
          .frames()
          .find((frame) => frame !== page.mainFrame())
          ?.url(),
      )
      .toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByRole('status')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('served without its headers (a host that ignores _headers), the frame still answers no message from an origin not allowed', async ({
  page,
}) => {
  const bare = mkdtempSync(join(tmpdir(), 'optout-bare-'));
  cpSync(exportDir, bare, { recursive: true, filter: (source) => !source.endsWith('_headers') });
  const careless = await startPageServer({ hostname: '127.0.0.1', dir: bare });
  const other = await startPageServer({ hostname: 'localhost', pages: { '/embed': pages['/embed']! } });
  const src = `${careless.origin}/optout`;
  /** A page on `origin` that frames the export once the frame's script has run, then asks it for the state; returns what it has heard so far. */
  const ask = async (origin: string): Promise<() => Promise<string[]>> => {
    await page.goto(`${origin}/embed`);
    await page.evaluate((frameSrc) => {
      const heard: string[] = [];
      (window as { heard?: string[] }).heard = heard;
      addEventListener('message', (event) => heard.push(String((event.data as { type?: string })?.type)));
      const iframe = document.createElement('iframe');
      iframe.src = frameSrc;
      document.body.append(iframe);
    }, src);
    // The element has rendered, so the frame's script (and its message listener) is running before the ask.
    await expect(page.frameLocator('iframe').locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
    await page.evaluate((frameSrc) => {
      const frame = document.querySelector('iframe')!.contentWindow!;
      frame.postMessage({ protocol: 'optout-frame/1', type: 'get', id: 'probe' }, new URL(frameSrc).origin);
    }, src);
    return () => page.evaluate(() => [...(window as { heard?: string[] }).heard!]);
  };
  /** How long an answer may take: the allowed site's answer must come within it, so silence for as long means a refusal. */
  const answerTime = 5_000;
  try {
    // Positive control: the allowed site is answered within the window (the frame loaded, its script answers).
    await expect.poll(await ask(site.origin), { timeout: answerTime }).toContain('status');
    const heard = await ask(other.origin);
    const until = Date.now() + answerTime;
    while (Date.now() < until) {
      expect(await heard()).toEqual([]);
      await page.waitForTimeout(250);
    }
    expect(await heard()).toEqual([]);
  } finally {
    await Promise.all([careless.close(), other.close()]);
    rmSync(bare, { recursive: true, force: true });
  }
});

test('axe: the static frame, right to left and dark, has no WCAG 2.2 AA violations', async ({ page }) => {
  const frame = await embedStatic(page, 'lang=he&theme=dark&showIntro=1');
  await expect(frame.getByRole('status')).toHaveText(byTag('he').texts.optedIn);
  const scan = () => new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  expect((await scan()).violations.map((violation) => violation.id)).toEqual([]);
  // The scan reaches into the cross-site frame: a poor colour pair there is reported.
  const poor = await embedStatic(page, 'fontColor=8a8a8a&backgroundColor=999999');
  // The page's English status is there before the script applies the colours: wait for the element.
  await expect(poor.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
  // The colours come from the query string, applied by the static frame's script after the element
  // first renders: on a loaded machine the first scan can still see the default pair, so scan until
  // the poor pair is in place (the poll fails the test if axe never reports it).
  await expect
    .poll(async () => (await scan()).violations.map((violation) => violation.id), { timeout: 15_000 })
    .toContain('color-contrast');
});
