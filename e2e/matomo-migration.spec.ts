// Chromium: a site moving from Matomo keeps its visitors' opt-outs: mtm_consent_removed stops matomo.js's first page view, matomo_ignore shows in the first HTML, Matomo's address answers 200, 400 or 404 as the frame's does.
import { expect, test } from '@playwright/test';
import { usePagesAndHost } from './servers.js';
import { texts } from './frame.js';

const servers = usePagesAndHost(test);

const CLASSIC = '/index.php?module=CoreAdminHome&action=optOut&language=en&backgroundColor=&fontColor=&fontSize=&fontFamily=';

test('an opt-out made with Matomo before the switch: whenKnown() says opted out and the page view is never released', async ({ page }) => {
  // A page that keeps matomo.js with the adapter: matomo.js replays `_paq` in order, so the page
  // view goes out only if no optUserOut comes before it (matomo.js itself is not on npm).
  const html = `<script src="${servers.host.hostOrigin}/client.js" data-adapters="matomo"></script>
<script>var _paq = window._paq = window._paq || []; _paq.push(['requireConsent']); _paq.push(['trackPageView']);</script>`;
  await page.goto(servers.site.page('/before', '<p>Matomo was here.</p>'));
  await page.evaluate((ms) => {
    document.cookie = `mtm_consent_removed=${ms}; Path=/; Max-Age=86400`;
  }, Date.now() - 86_400_000);
  await page.goto(servers.site.page('/article', html));
  const sent = await page.evaluate(async () => {
    const win = window as unknown as { optout: { whenKnown(): Promise<boolean> }; _paq: unknown[][] };
    const optedOut = await win.optout.whenKnown();
    const names = win._paq.map((command) => command[0]);
    const switches = names.slice(0, names.indexOf('trackPageView')).filter((n) => n === 'optUserOut' || n === 'forgetUserOptOut');
    return { optedOut, lastSwitch: switches.at(-1) };
  });
  expect(sent).toEqual({ optedOut: true, lastSwitch: 'optUserOut' });
});

test("Matomo's address on the wire: empty styling 200, a bad value 400 naming it, another action 404, matomo_ignore opted out", async ({
  request,
}) => {
  const classic = await request.get(`${servers.host.hostOrigin}${CLASSIC}`);
  expect(classic.status()).toBe(200);
  expect(await classic.text()).toContain(texts.optedIn);
  const bad = await request.get(`${servers.host.hostOrigin}${CLASSIC.replace('fontSize=', 'fontSize=big')}`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('fontSize');
  expect((await request.get(`${servers.host.hostOrigin}/index.php?module=CoreAdminHome&action=optOutAgain`)).status()).toBe(404);
  const ignored = await request.get(`${servers.host.hostOrigin}/optout`, { headers: { cookie: 'matomo_ignore=*' } });
  expect(await ignored.text()).toContain(texts.optedOut);
});
