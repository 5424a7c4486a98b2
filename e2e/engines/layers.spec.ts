// Where each engine keeps the frame's choice: its cookie and its own localStorage, read inside the frame after a click.
import { DEMO_ORIGIN } from '../origins.js';
import { expect, test } from './fixtures.js';
import { optOutOnPrivacyPage, OPTOUT_FRAME } from './visit.js';

/** Runs in the frame: what each of its layers holds, or the error the browser threw. */
function readLayers(key: string): { cookie: string; localStorage: string | null } {
  let stored: string | null;
  try {
    stored = window.localStorage.getItem(key);
  } catch (error) {
    stored = `throws ${(error as Error).name}`;
  }
  return { cookie: document.cookie, localStorage: stored };
}

test("after a click the frame's layers hold the opt-out as this engine allows", async ({ visitor, config }) => {
  const page = await visitor.newPage();
  await optOutOnPrivacyPage(page, DEMO_ORIGIN);
  const layers = await page.evaluateInFrame(OPTOUT_FRAME, readLayers, 'optout-frame:optout');
  expect(layers).toEqual({
    cookie: config.frameCookie === 'kept' ? 'optout=1' : '',
    localStorage: config.frameStorage === 'kept' ? '1' : 'throws SecurityError',
  });
});
