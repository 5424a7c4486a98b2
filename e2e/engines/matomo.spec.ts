// In every engine: Matomo's two opt-out embed codes, as its admin writes them with only the host name changed, and an opt-out made with Matomo before the switch.
import { usePagesAndHost } from '../servers.js';
import { expect, test } from './fixtures.js';
import { expectFrame, seen, textOf } from './visit.js';

const servers = usePagesAndHost(test);

const classic = () =>
  `<iframe src="${servers.host.hostOrigin}/index.php?module=CoreAdminHome&action=optOut&language=en&backgroundColor=&fontColor=&fontSize=&fontFamily="></iframe>`;
const script = (divId = 'matomo-opt-out') =>
  `<div id="matomo-opt-out"></div>
<script src="${servers.host.hostOrigin}/index.php?module=CoreAdminHome&action=optOutJS&divId=${divId}&language=auto&showIntro=1"></script>`;

const embeds = [
  {
    name: 'the classic iframe (to 4.11)',
    path: '/classic',
    html: classic,
    frame: () => `iframe[src^="${servers.host.hostOrigin}/index.php"]`,
  },
  { name: 'the script (4.12 on)', path: '/script', html: () => script(), frame: () => `iframe[src^="${servers.host.hostOrigin}/optout"]` },
];

for (const embed of embeds) {
  test(`${embed.name}: opted in, opts out on a click, still opted out after a reload`, async ({ visitor }) => {
    const page = await visitor.newPage();
    await page.goto(servers.site.page(embed.path, embed.html()));
    await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] }, embed.frame());
    await page.clickInFrame(embed.frame(), seen.optOutButton);
    await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, embed.frame());
    await page.reload();
    await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, embed.frame());
  });
}

test('the script names a missing element in a visible warning, as Matomo does', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(servers.site.page('/missing', script('no-such-div')));
  await expect.poll(() => textOf(page, 'no-such-div-warning')).toBe('Unable to find opt-out content div: no-such-div');
});

test('an opt-out made with Matomo (mtm_consent_removed) holds, and opting back in in the frame sticks', async ({ visitor }) => {
  const page = await visitor.newPage();
  const url = servers.site.page('/privacy-after-matomo', script());
  const frame = `iframe[src^="${servers.host.hostOrigin}/optout"]`;
  await page.goto(servers.site.page('/before', '<p>Matomo was here.</p>'));
  // What Matomo's optOutJS (or matomo.js's optUserOut) left on the site, a day before the switch.
  await page.evaluate((ms) => {
    document.cookie = `mtm_consent_removed=${ms}; Path=/; Max-Age=86400`;
  }, Date.now() - 86_400_000);
  await page.goto(url);
  const known = () =>
    page.evaluate(() => (window as unknown as { optout?: { whenKnown(): Promise<boolean> } }).optout?.whenKnown().then(String), undefined);
  expect(await known()).toBe('true');
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, frame);

  await page.clickInFrame(frame, seen.optInButton);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] }, frame);
  await page.reload();
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] }, frame);
  expect(await known()).toBe('false');
});
