// First paint in every engine: a visitor who opted out never sees "opted in", not even while the frame's script is on its way.
import { startTestSite, type TestSite } from '../servers.js';
import { startPageServer, type PageServer } from '../test-pages.js';
import { expect, test } from './fixtures.js';
import type { EnginePage } from './driver.js';
import { PAINTS, startProbedHost, type ProbedHost } from './paint-probe.js';
import { expectFrame, seen } from './visit.js';

/** Long enough for many paints of the server's HTML alone, on a loaded machine too. */
const holdScriptsMs = 1500;

let pages: PageServer;
let site: TestSite;
let probed: ProbedHost;
test.beforeEach(async () => {
  pages = await startPageServer();
  site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: pages.origin });
  probed = await startProbedHost(site.hostOrigin, holdScriptsMs);
});
test.afterEach(async () => {
  await probed.close();
  await site.close();
  await pages.close();
});

const iframe = () => `iframe[src^="${probed.origin}/optout"]`;

/** Every distinct status painted since the frame document started, once its script has taken over. */
async function paintedStatuses(page: EnginePage, expected: { status: string; buttons: readonly string[] }) {
  await expectFrame(page, expected, iframe());
  const painted = await page.evaluateInFrame(
    iframe(),
    (name) => (window as unknown as Record<string, unknown>)[name] ?? 'no probe ran',
    PAINTS,
  );
  if (!Array.isArray(painted)) throw new Error(`the paint probe did not run in the frame: ${String(painted)}`);
  return painted as (string | null)[];
}

test('an opted-out visitor sees "opted out" from the first paint on, before the frame script arrives', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(
    pages.page(
      '/embed',
      `<iframe src="${probed.origin}/optout?showIntro=0" title="Analytics opt-out" style="border:0;width:100%;height:120px"></iframe>`,
    ),
  );
  // A new visitor: the probe sees the server's "opted in" painted while the script is held back.
  const fresh = await paintedStatuses(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  expect(fresh.filter((status) => status !== null)).toEqual([seen.optedIn]);

  await page.clickInFrame(iframe(), seen.optOutButton);
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, iframe());
  await page.reload();
  const returning = await paintedStatuses(page, { status: seen.optedOut, buttons: [seen.optInButton] });
  expect(returning.filter((status) => status !== null)).toEqual([seen.optedOut]);
});
