// Matomo compatibility: the test page plays matomo.js's side of Matomo's opt-out messages, exactly as matomo.js does.
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { PROTOCOL } from '../widget/shared/protocol.js';
import { texts } from './frame.js';
import { HOST_ORIGIN } from './origins.js';
import { askFrame } from './messages.js';
import { startTestSite, type TestSite } from './servers.js';
import { startPageServer, type PageServer } from './test-pages.js';

declare global {
  interface Window {
    /** What the stand-in matomo.js received (`in`) and sent (`out`), as the raw JSON strings. */
    matomoLog?: { direction: 'in' | 'out'; data: unknown }[];
    /** The consent calls the stand-in made: rememberConsentGiven / forgetConsentGiven. */
    matomoConsentCalls?: string[];
  }
}

/**
 * matomo.js's message listener, as Matomo's tracker implements it: it hears only messages whose origin
 * has its tracker URL's host name, parses JSON strings, answers `maq_initial_value` with its
 * state and applies `maq_opted_in` (remember/forget consent), and posts each answer as a JSON
 * string to every <iframe> whose src is on that host name, with the message's origin as target.
 */
function matomoTrackerScript(trackerUrl: string): string {
  return `<script>
  (() => {
    const trackerUrl = ${JSON.stringify(trackerUrl)};
    const hostName = (url) => { try { return new URL(url).hostname; } catch { return ''; } };
    let hasConsent = true;
    window.matomoLog = [];
    window.matomoConsentCalls = [];
    addEventListener('message', (event) => {
      if (hostName(event.origin) !== hostName(trackerUrl)) return;
      let data;
      try { data = JSON.parse(event.data); } catch { return; }
      if (!data) return;
      window.matomoLog.push({ direction: 'in', data: event.data });
      const reply = (message) => {
        const json = JSON.stringify(message);
        for (const iframe of document.getElementsByTagName('iframe')) {
          if (iframe.contentWindow && hostName(iframe.src) === hostName(trackerUrl)) {
            iframe.contentWindow.postMessage(json, event.origin);
          }
        }
        window.matomoLog.push({ direction: 'out', data: json });
      };
      if (data.maq_initial_value !== undefined) {
        reply({ maq_opted_in: data.maq_initial_value && hasConsent, maq_url: trackerUrl, maq_optout_by_default: false });
      } else if (data.maq_opted_in !== undefined) {
        hasConsent = !!data.maq_opted_in;
        window.matomoConsentCalls.push(hasConsent ? 'rememberConsentGiven' : 'forgetConsentGiven');
        reply({ maq_confirm_opted_in: hasConsent, maq_url: trackerUrl, maq_optout_by_default: false });
      }
    });
  })();
</script>`;
}

let pages: PageServer;
let site: TestSite;
let pageUrl: string;

test.beforeAll(async () => {
  pages = await startPageServer();
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  pageUrl = pages.page(
    '/matomo',
    `${matomoTrackerScript(`${site.hostOrigin}/matomo.php`)}
     <iframe src="${site.hostOrigin}/optout" title="Analytics opt-out" style="border:0;width:100%;height:160px"></iframe>`,
  );
});
test.afterAll(async () => {
  await Promise.all([site.close(), pages.close()]);
});

const frameOf = (page: Page): FrameLocator => page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
const received = (page: Page) =>
  page.evaluate(() => (window.matomoLog ?? []).filter((entry) => entry.direction === 'in').map((entry) => entry.data));
/** What the frame shows of the tracker's last reported state (`<html data-matomo-tracker>`). */
const trackerSeenByFrame = (page: Page) => frameOf(page).locator('html');

test('the frame speaks Matomo’s messages: initial value, click, confirmation, and the opt-out repeated on load', async ({ page }) => {
  await page.goto(pageUrl);
  const frame = frameOf(page);
  await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
  // On load: a JSON string, in Matomo's words (opted in = true), which the tracker answers.
  await expect.poll(async () => (await received(page))[0]).toBe('{"maq_initial_value":true}');
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-in');

  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await expect.poll(async () => (await received(page)).at(-1)).toBe('{"maq_opted_in":false}');
  expect(await page.evaluate(() => window.matomoConsentCalls)).toEqual(['forgetConsentGiven']);
  // The tracker's maq_confirm_opted_in reached the frame and was accepted.
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-out');
  // Once answered, the frame stopped asking: nothing but the click came after the answer.
  const messages = await received(page);
  expect(messages.filter((data) => data !== '{"maq_initial_value":true}')).toEqual(['{"maq_opted_in":false}']);
  expect(messages.at(-1)).toBe('{"maq_opted_in":false}');

  // A returning visitor who opted out: the frame says so, and repeats the opt-out once the tracker answers.
  await page.reload();
  await expect(frameOf(page).getByRole('status')).toHaveText(texts.optedOut);
  await expect.poll(() => page.evaluate(() => window.matomoConsentCalls)).toEqual(['forgetConsentGiven']);
  const afterReload = await received(page);
  expect(afterReload[0]).toBe('{"maq_initial_value":false}');
  expect(afterReload).toContain('{"maq_opted_in":false}');
  expect(afterReload).not.toContain('{"maq_opted_in":true}');

  // Opting back in takes the visitor's click, and the tracker hears it.
  await frameOf(page).getByRole('button', { name: texts.optInButton }).click();
  await expect.poll(async () => (await received(page)).at(-1)).toBe('{"maq_opted_in":true}');
  await expect.poll(() => page.evaluate(() => window.matomoConsentCalls?.at(-1))).toBe('rememberConsentGiven');
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-in');
});

test('a page cannot opt the visitor in through Matomo’s messages: the tracker’s report changes nothing', async ({ page }) => {
  await page.goto(pageUrl);
  const frame = frameOf(page);
  await frame.getByRole('button', { name: texts.optOutButton }).click();
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-out');

  // The page (as its tracker would, or as an attacker could) reports "opted in", both ways.
  await page.evaluate((hostOrigin) => {
    const iframe = document.querySelector('iframe');
    const base = { maq_url: `${hostOrigin}/matomo.php`, maq_optout_by_default: false };
    iframe?.contentWindow?.postMessage(JSON.stringify({ ...base, maq_opted_in: true }), hostOrigin);
    iframe?.contentWindow?.postMessage(JSON.stringify({ ...base, maq_confirm_opted_in: true }), hostOrigin);
  }, site.hostOrigin);
  // The frame heard it (it shows the tracker's report) ...
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-in');
  // ... and the visitor is still opted out, now and after a reload.
  await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  await page.reload();
  await expect(frameOf(page).getByRole('status')).toHaveText(texts.optedOut);
  expect(await received(page)).not.toContain('{"maq_opted_in":true}');
});

test('the frame ignores Matomo answers about a tracker on another host name, or not sent as JSON strings', async ({ page }) => {
  await page.goto(pageUrl);
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-in');
  await page.evaluate((hostOrigin) => {
    const iframe = document.querySelector('iframe');
    const lie = { maq_confirm_opted_in: false, maq_optout_by_default: false };
    iframe?.contentWindow?.postMessage(JSON.stringify({ ...lie, maq_url: 'https://matomo.example/matomo.php' }), hostOrigin);
    iframe?.contentWindow?.postMessage(JSON.stringify({ ...lie, maq_url: `${hostOrigin}.evil.example/` }), hostOrigin);
    iframe?.contentWindow?.postMessage({ ...lie, maq_url: `${hostOrigin}/matomo.php` }, hostOrigin);
  }, site.hostOrigin);
  // The frame handles messages in order: once it answers this request, it has handled the three above.
  await expect(askFrame(page, site.hostOrigin, { protocol: PROTOCOL, type: 'get', id: 'after-the-lies' })).resolves.toMatchObject({
    type: 'status',
  });
  await expect(trackerSeenByFrame(page)).toHaveAttribute('data-matomo-tracker', 'opted-in');
});

test('on a page that is not allowed, even framed without CSP, the frame neither sends nor hears Matomo messages', async ({ page }) => {
  // As a browser that ignored frame-ancestors would: the host's answer without its CSP header.
  // The main test host allows only the demo's origin, not this page server's.
  await page.route(`${HOST_ORIGIN}/optout?showIntro=0`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const url = pages.page(
    '/matomo-not-allowed',
    `<script>
       window.heardFromHost = [];
       addEventListener('message', (event) => { if (event.origin === ${JSON.stringify(HOST_ORIGIN)}) heardFromHost.push(event.data); });
     </script>
     ${matomoTrackerScript(`${HOST_ORIGIN}/matomo.php`)}
     <iframe src="${HOST_ORIGIN}/optout?showIntro=0" title="Analytics opt-out"></iframe>`,
  );
  await page.goto(url);
  const frameLocator = page.frameLocator(`iframe[src^="${HOST_ORIGIN}/optout"]`);
  await expect(frameLocator.getByRole('status')).toHaveText(texts.optedIn);
  await expect(frameLocator.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
  const frame = page.frames().find((f) => f.url().startsWith(`${HOST_ORIGIN}/optout`))!;
  // Listeners run in the order they were added: once this one has counted a message, the frame's own has handled it.
  await frame.evaluate(() => {
    Object.assign(window, { received: 0 });
    addEventListener('message', () => Object.assign(window, { received: (window as unknown as { received: number }).received + 1 }));
  });
  await page.evaluate((hostOrigin) => {
    const answer = { maq_opted_in: false, maq_url: `${hostOrigin}/matomo.php`, maq_optout_by_default: false };
    document.querySelector('iframe')?.contentWindow?.postMessage(JSON.stringify(answer), hostOrigin);
  }, HOST_ORIGIN);
  await expect.poll(() => frame.evaluate(() => (window as unknown as { received: number }).received)).toBe(1);
  await expect(frameLocator.locator('html')).not.toHaveAttribute('data-matomo-tracker');

  // Anything the frame had posted to the page would arrive before this marker.
  await frame.evaluate(() => parent.postMessage('end-of-test-marker', '*'));
  await page.waitForFunction(() => (window as unknown as { heardFromHost: unknown[] }).heardFromHost.includes('end-of-test-marker'));
  expect(await page.evaluate(() => (window as unknown as { heardFromHost: unknown[] }).heardFromHost)).toEqual(['end-of-test-marker']);
  expect(await received(page)).toEqual([]);
});
