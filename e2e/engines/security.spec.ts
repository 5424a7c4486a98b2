// In every engine: the frame refuses an embedder that is not allowed, and no page can opt a visitor in by message.
import { DEMO_ORIGIN, HOST_ORIGIN } from '../origins.js';
import { startPageServer } from '../test-pages.js';
import { expect, test } from './fixtures.js';
import { clientAnswer, expectFrame, frameView, optOutOnPrivacyPage, OPTOUT_FRAME, seen } from './visit.js';

test('a page on an origin that is not allowed gets no frame and no answer', async ({ visitor }) => {
  // The host under test allows only the demo's origin; this page server is another origin.
  const pages = await startPageServer();
  try {
    const page = await visitor.newPage();
    await page.goto(
      pages.page(
        '/embed',
        `<script src="${HOST_ORIGIN}/client.js"></script>
<iframe src="${HOST_ORIGIN}/optout?showIntro=0" title="Analytics opt-out" style="border:0;width:100%;height:120px"></iframe>`,
      ),
    );
    // The client hears nothing from the host (it times out), so by then the frame has settled.
    expect(await clientAnswer(page)).toBe('TIMEOUT');
    expect(await frameView(page)).toMatchObject({ status: null, buttons: [] });
  } finally {
    await pages.close();
  }
});

test('a page can ask to opt out by message, never to opt in', async ({ visitor }) => {
  const page = await visitor.newPage();
  await optOutOnPrivacyPage(page, DEMO_ORIGIN);
  // Everything an allowed page could post to ask for an opt-in: the protocol's own shape and Matomo's.
  await page.evaluate(
    ({ hostOrigin }) => {
      const frame = document.querySelector<HTMLIFrameElement>(`iframe[src^="${hostOrigin}/optout"]`)!.contentWindow!;
      frame.postMessage({ protocol: 'optout-frame/1', type: 'opt-in', id: 'sneaky' }, hostOrigin);
      frame.postMessage({ protocol: 'optout-frame/1', type: 'change', optedOut: false, reason: 'choice' }, hostOrigin);
      frame.postMessage(JSON.stringify({ maq_opted_in: true }), hostOrigin);
      frame.postMessage({ maq_opted_in: true }, hostOrigin);
    },
    { hostOrigin: HOST_ORIGIN },
  );
  // The client's own question goes the same way after them, so its answer comes after they were handled.
  expect(await clientAnswer(page)).toBe('true');
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] });
  await page.reload();
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] });
});

test('an allowed page that asks to opt out is heard (so the refusals above are not deafness)', async ({ visitor }) => {
  const page = await visitor.newPage();
  await page.goto(`${DEMO_ORIGIN}/privacy`);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  await page.evaluate(
    () => (window as unknown as { optout: { optOut(): Promise<unknown> } }).optout.optOut().then(() => 'done'),
    undefined,
  );
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] });
  await page.reload();
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, OPTOUT_FRAME);
});
