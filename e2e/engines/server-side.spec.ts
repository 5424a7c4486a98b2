// The choice on the site's own server and across its subdomains, over HTTPS with real cross-site names: optedOut(req) on the site's Express server, the optout_state cookie on the wire and in the browser's store.
import { SHOP_NAME, SIBLING_NAME, WWW_NAME, type ServerSideSite } from '../server-side-site.js';
import type { TestNamesProxy } from '../test-names-proxy.js';
import { configuration } from './configurations.js';
import type { EnginePage } from './driver.js';
import { expect, test } from './fixtures.js';
import { useServerSideSite, watchServerSide, withVisitor } from './server-side-scenario.js';
import { expectFrame, seen } from './visit.js';

const scenario = useServerSideSite();
let site: ServerSideSite;
let proxy: TestNamesProxy;
let frame: string;

// One site, host, collector and proxy per engine (this file runs in one worker per engine project).
test.beforeAll(() => {
  ({ site, proxy } = scenario);
  frame = `iframe[src^="${site.hostOrigin}/optout"]`;
});

const www = (path: string) => `${site.origin(WWW_NAME)}${path}`;
const shop = (path: string) => `${site.origin(SHOP_NAME)}${path}`;

/** The optout_state cookie as this page's scripts see it, `''` when there is none. */
const mirrorCookie = (page: EnginePage) => page.evaluate(() => /(?:^|; )optout_state=([^;]*)/.exec(document.cookie)?.[1] ?? '', undefined);

const serverSide = () => watchServerSide(site);

/** On www.'s privacy page: clicks `button` in the frame, and waits for the frame to say `status` and for the cookie to follow. */
async function choose(page: EnginePage, button: string, status: string, cookie: RegExp): Promise<void> {
  await page.goto(www('/privacy'));
  await expectFrame(page, { status: button === seen.optOutButton ? seen.optedIn : seen.optedOut, buttons: [button] }, frame);
  await page.clickInFrame(frame, button);
  await expectFrame(page, { status, buttons: [button === seen.optOutButton ? seen.optInButton : seen.optOutButton] }, frame);
  await expect.poll(() => mirrorCookie(page)).toMatch(cookie);
}

test("the site's server stops its server-side tracking call after an opt-out in the frame, and makes it again after an opt-in; the cookie's attributes", async ({
  engine,
}) => {
  await withVisitor(engine.startSession({ proxy: proxy.url }), async (page) => {
    const server = serverSide();
    // A new visitor: nothing known to the server (the site's default, tracked); the frame's answer is mirrored.
    await page.goto(www('/privacy'));
    await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] }, frame);
    await expect.poll(() => mirrorCookie(page)).toMatch(/^0:default:\d+$/);
    await page.goto(www('/article'));
    await choose(page, seen.optOutButton, seen.optedOut, /^1:choice:\d+$/);
    await page.goto(www('/article'));
    await choose(page, seen.optInButton, seen.optedIn, /^0:choice:\d+$/);
    await page.goto(www('/article'));
    expect(server.views()).toEqual([
      `${WWW_NAME}/privacy undefined`,
      `${WWW_NAME}/article false`,
      `${WWW_NAME}/privacy false`,
      `${WWW_NAME}/article true`,
      `${WWW_NAME}/privacy true`,
      `${WWW_NAME}/article false`,
    ]);
    expect(server.hits()).toEqual([`${WWW_NAME}/privacy`, `${WWW_NAME}/article`, `${WWW_NAME}/privacy`, `${WWW_NAME}/article`]);
    // On the wire: the Cookie header the site's server received carries the mirror as the client wrote it.
    expect(site.views.at(-1)?.cookie).toMatch(/(^|; )optout_state=0:choice:\d+(;|$)/);
    // In the browser's store: Domain=gazette.test (auto: `test` is a public suffix, refused), and a
    // host-only copy no sibling subdomain can overwrite; Path=/, Secure, SameSite=Lax.
    const stored = (await page.cookies()).filter((cookie) => cookie.name === 'optout_state');
    expect(
      stored
        .map(({ domain, path, secure, sameSite }) => ({ domain: domain.replace(/^\./, ''), path, secure, sameSite }))
        .sort((a, b) => a.domain.localeCompare(b.domain)),
    ).toEqual([
      { domain: 'gazette.test', path: '/', secure: true, sameSite: 'Lax' },
      { domain: WWW_NAME, path: '/', secure: true, sameSite: 'Lax' },
    ]);
  });
});

test('with no cookie setting, another subdomain knows an opt-out on its next view, with no bridge, though its own mirror was fresh', async ({
  engine,
}) => {
  await withVisitor(engine.startSession({ proxy: proxy.url }), async (page) => {
    const key = `optout-frame:${site.hostOrigin}`;
    const ownMirror = () => page.evaluate((k) => localStorage.getItem(k) ?? '', key);
    const hostFrames = async () => {
      await expect.poll(() => page.evaluate(() => document.readyState, undefined)).toBe('complete');
      return page.evaluate((origin) => document.querySelectorAll(`iframe[src^="${origin}/"]`).length, site.hostOrigin);
    };
    // shop. first: no mirror, so the bridge is asked, and shop.'s own mirror is confirmed now.
    await page.goto(shop('/article'));
    await expect.poll(ownMirror).toMatch(/^0:default:\d+$/);
    expect(await hostFrames()).toBe(1);
    await page.goto(shop('/article'));
    expect(await page.evaluate(() => (window as { cachedAtStart?: boolean }).cachedAtStart, undefined)).toBe(false);
    expect(await hostFrames()).toBe(0);

    // The visitor opts out on www.'s privacy page; shop.'s localStorage mirror still says "opted in", and is fresh.
    await choose(page, seen.optOutButton, seen.optedOut, /^1:choice:\d+$/);
    const server = serverSide();
    await page.goto(shop('/article'));
    const fresh = Number(/:(\d+)$/.exec(await ownMirror())?.[1]);
    expect(Math.floor(Date.now() / 1000) - fresh).toBeLessThan(1800);
    // The shared cookie, confirmed later, wins: opted out synchronously, no frame, and the server skipped its call.
    expect(await page.evaluate(() => (window as { cachedAtStart?: boolean }).cachedAtStart, undefined)).toBe(true);
    expect(await hostFrames()).toBe(0);
    expect(server.views()).toEqual([`${SHOP_NAME}/article true`]);
    expect(server.hits()).toEqual([]);
    expect(site.views.at(-1)?.cookie).toMatch(/(^|; )optout_state=1:choice:\d+(;|$)/);
  });
});

test("a sibling subdomain's forged opt-in cookie, and a duplicate host cookie sent first, leave an opt-out on www. standing", async ({
  engine,
  engineName,
}) => {
  await withVisitor(engine.startSession({ proxy: proxy.url }), async (page) => {
    await choose(page, seen.optOutButton, seen.optedOut, /^1:choice:\d+$/);
    // blog.gazette.test is no allowed origin, yet its page can write a cookie for the whole site, confirmed "now".
    await page.goto(`${site.origin(SIBLING_NAME)}/article`);
    await page.evaluate(() => {
      document.cookie = `optout_state=0:choice:${Math.floor(Date.now() / 1000)}; Domain=gazette.test; Path=/; Secure; SameSite=Lax`;
    }, undefined);
    const server = serverSide();
    await page.goto(www('/article'));
    // The site's server sees www.'s host-only opt-out beside the forged domain opt-in: opted out, no tracking call.
    expect(site.views.at(-1)?.cookie).toMatch(/optout_state=0:choice:\d+/);
    expect(server.views()).toEqual([`${WWW_NAME}/article true`]);
    expect(server.hits()).toEqual([]);
    // The client holds the opt-out, from its first line and once known.
    expect(await page.evaluate(() => (window as { cachedAtStart?: boolean }).cachedAtStart, undefined)).toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { optout: { whenKnown(): Promise<boolean> } }).optout.whenKnown(), undefined),
    ).toBe(true);
    // No copy says opted in any more: the site's server re-issued the opt-out over the forged copy in
    // that answer (optOutCookie() merges the copies, the opt-out winning; confirmed or not depends on
    // whether the forgery fell in the opt-out's second), or the client wrote it once the frame confirmed.
    const copies = () => page.evaluate(() => document.cookie.match(/(?<=(?:^|; )optout_state=)[^;]*/g) ?? [], undefined);
    await expect.poll(copies).toEqual([expect.stringMatching(/^1:choice(:\d+)?$/), expect.stringMatching(/^1:choice(:\d+)?$/)]);

    // A duplicate of the host's own cookie, optout=0 with a longer Path, is sent before its optout=1 (as a sibling of the host could write it).
    await page.goto(www('/privacy'));
    await page.evaluateInFrame(
      frame,
      () => {
        document.cookie = 'optout=0; Domain=example.test; Path=/optout; Max-Age=600; SameSite=None; Secure; Partitioned';
      },
      undefined,
    );
    await page.reload();
    await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, frame);
    const frameCookies = await page.evaluateInFrame(frame, () => document.cookie, undefined);
    if (configuration(engineName).frameCookie === 'kept') {
      // Both copies are there, the forged one first.
      expect(frameCookies).toMatch(/optout=0; (.*; )?optout=1/);
    } else {
      // WebKit refuses the frame's cookies, the forged one as much as the host's: there is no duplicate to send first.
      expect(frameCookies).toBe('');
    }
  });
});

test("the site's server re-issues optout_state with optOutCookie(): after an opt-out, its next answer sets optout_state=1… for about 400 days", async ({
  engine,
}) => {
  await withVisitor(engine.startSession({ proxy: proxy.url }), async (page) => {
    // A new visitor's first view carries no optout_state: nothing to re-issue.
    await page.goto(www('/article'));
    expect(site.views.at(-1)?.setCookie).toBeUndefined();

    await choose(page, seen.optOutButton, seen.optedOut, /^1:choice:\d+$/);
    const clientWrote = await mirrorCookie(page);
    await page.goto(shop('/article'));
    const answer = site.views.at(-1);
    expect(`${answer?.site}${answer?.path}`).toBe(`${SHOP_NAME}/article`);
    // The same value the client wrote, now set by an HTTP answer, for every subdomain.
    expect(answer?.setCookie).toBe(`optout_state=${clientWrote}; Path=/; Max-Age=34560000; SameSite=Lax; Secure; Domain=gazette.test`);
    const days = Number(/Max-Age=(\d+)/.exec(answer?.setCookie ?? '')?.[1]) / 86400;
    expect(days).toBeGreaterThan(399);
    expect(days).toBeLessThanOrEqual(400);
    // One domain cookie of that name in the browser's store: the server's replaced the client's (same Domain and Path);
    // beside it, the client's host-only copy on www. (which no sibling subdomain can overwrite).
    const stored = (await page.cookies()).filter(
      (cookie) => cookie.name === 'optout_state' && cookie.domain.replace(/^\./, '') === 'gazette.test',
    );
    expect(stored.map(({ value }) => value)).toEqual([clientWrote]);
  });
});
