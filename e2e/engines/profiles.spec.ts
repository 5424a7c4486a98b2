// In every engine: OPTOUT_CONFIG profiles — a site's page sees its own profile in its own words; another site's profile neither shows nor answers.
import { writeConfigFile } from '../../server/testing/config-files.js';
import { startTestSite, type TestSite } from '../servers.js';
import { startPageServer, type PageServer } from '../test-pages.js';
import { expect, test } from './fixtures.js';
import { clientAnswer, expectFrame, frameView, seen } from './visit.js';

/** Site A's own words: markup characters are text. */
const A = { intro: 'Site A counts <visits> & "clicks".', optOutButton: 'Stop counting me on A.' };

let siteA: PageServer;
let siteB: PageServer;
let host: TestSite;

test.beforeAll(async () => {
  [siteA, siteB] = await Promise.all([startPageServer(), startPageServer()]);
  const file = writeConfigFile({
    sites: {
      a: { allowedOrigins: [siteA.origin], texts: { en: A } },
      b: { allowedOrigins: [siteB.origin] },
    },
  });
  host = await startTestSite({ OPTOUT_CONFIG: file, OPTOUT_ALLOWED_ORIGINS: 'https://elsewhere.example' });
});
test.afterAll(async () => {
  await Promise.all([host.close(), siteA.close(), siteB.close()]);
});

/** A page of site A with the client and the frame of `profile`. */
function pageOfA(profile: string): string {
  return siteA.page(
    `/with-${profile}`,
    `<script src="${host.hostOrigin}/client.js" data-site="${profile}"></script>
<iframe src="${host.hostOrigin}/optout?site=${profile}" title="Analytics opt-out" style="border:0;width:100%;height:200px"></iframe>`,
  );
}

const frame = () => `iframe[src^="${host.hostOrigin}/optout"]`;

test("site A's page shows profile A in A's words, and its client hears the visitor's click", async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(pageOfA('a'));
  await expectFrame(page, { status: seen.optedIn, buttons: [A.optOutButton] }, frame());
  expect(await frameView(page, frame())).toMatchObject({ paragraphs: [A.intro, seen.optedIn] });
  expect(await clientAnswer(page)).toBe('false');
  await page.clickInFrame(frame(), A.optOutButton);
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, frame());
  expect(await clientAnswer(page)).toBe('true');
});

test("site A's page gets neither a frame nor an answer from profile B", async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(pageOfA('b'));
  // The client hears nothing (it times out), so by then the frame has settled.
  expect(await clientAnswer(page)).toBe('TIMEOUT');
  expect(await frameView(page, frame())).toMatchObject({ status: null, buttons: [] });
});
