// With page scripts off, the frame's form works where the engine keeps its cookie, and says plainly where it keeps nothing.
import { DEMO_ORIGIN } from '../origins.js';
import { expect, test } from './fixtures.js';
import { expectFrame, frameView, OPTOUT_FRAME, seen } from './visit.js';

const noScript = { upgraded: false } as const;

test('the no-JavaScript form opts out and back in, or says the browser keeps nothing', async ({ engine, config }) => {
  expect(engine.abilities.javaScriptOff, `${engine.name} can turn page scripts off`).toBe(true);
  const visitor = await engine.startSession({ javaScript: false });
  try {
    const page = await visitor.newPage();
    await page.goto(`${DEMO_ORIGIN}/privacy`);
    await expectFrame(page, { ...noScript, status: seen.optedIn, buttons: [seen.optOutButton] });
    // The page's own script is off too: it never heard anything.
    expect(await page.evaluate(() => document.getElementById('page-state')?.textContent, undefined)).toBe('waiting for the opt-out frame…');

    await page.clickInFrame(OPTOUT_FRAME, seen.optOutButton);
    if (config.frameCookie === 'refused') {
      // The host gave the cookie and the browser did not send it back: no toggle that would forget the click.
      await expectFrame(page, { ...noScript, status: seen.optedIn, buttons: [] });
      expect(await frameView(page)).toMatchObject({ paragraphs: [seen.intro, seen.optedIn, seen.storageBlocked] });
      return;
    }
    await expectFrame(page, { ...noScript, status: seen.optedOut, buttons: [seen.optInButton] });
    await page.reload();
    await expectFrame(page, { ...noScript, status: seen.optedOut, buttons: [seen.optInButton] });
    await page.clickInFrame(OPTOUT_FRAME, seen.optInButton);
    await expectFrame(page, { ...noScript, status: seen.optedIn, buttons: [seen.optOutButton] });
    await page.reload();
    await expectFrame(page, { ...noScript, status: seen.optedIn, buttons: [seen.optOutButton] });
  } finally {
    await visitor.close();
  }
});
