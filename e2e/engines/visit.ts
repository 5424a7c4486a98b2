// Scenario helpers on top of the driver: the demo's pages, the frame as the visitor sees it, what page scripts heard.
import { expect } from '@playwright/test';
import { HOST_ORIGIN } from '../origins.js';
import type { EnginePage } from './driver.js';
import { readFrameView, type FrameView } from './frame-view.js';

/** The English texts a visitor reads, as the README and the contract state them. */
export const seen = {
  intro: 'This website measures visits to improve itself. You can opt out: your visits will then no longer be counted.',
  optedIn: 'You are currently opted in.',
  optedOut: 'You are currently opted out.',
  optOutButton: 'Click here to opt out.',
  optInButton: 'Click here to opt in.',
  gpcHonoured: "Your browser's Global Privacy Control signal is honoured: you are opted out.",
  storageBlocked: 'Your browser does not let this frame remember your choice, so it cannot be kept here.',
  storageAccessButton: 'Allow this frame to remember my choice',
} as const;

/** The opt-out frame as pasted on the demo's privacy page. */
export const OPTOUT_FRAME = `iframe[src^="${HOST_ORIGIN}/optout"]`;

/** The frame's view, or the reason it cannot be read yet (a navigation under way), for polling. */
export function frameView(page: EnginePage, iframe = OPTOUT_FRAME): Promise<FrameView | { unreadable: string }> {
  return page.evaluateInFrame(iframe, readFrameView, undefined).catch((error: Error) => ({ unreadable: error.message }));
}

/** Waits until the frame's script has taken over and the visitor sees `status` and exactly `buttons`. */
export async function expectFrame(
  page: EnginePage,
  expected: { status: string; buttons: readonly string[]; upgraded?: boolean },
  iframe = OPTOUT_FRAME,
): Promise<void> {
  await expect.poll(() => frameView(page, iframe), { intervals: [50, 100, 200] }).toMatchObject({ upgraded: true, ...expected });
}

/** The visible text of the element with this id in the top page (the demo's page scripts write there). */
export function textOf(page: EnginePage, id: string): Promise<string | null> {
  return page.evaluate((elementId) => document.getElementById(elementId)?.textContent ?? null, id);
}

/** What `window.optout.isOptedOut()` answers on this page, or the client's error code. */
export function clientAnswer(page: EnginePage): Promise<string> {
  type Client = { isOptedOut(): Promise<boolean> };
  return page.evaluate(async () => {
    const client = (window as unknown as { optout?: Client }).optout;
    if (!client) return 'no client';
    return client.isOptedOut().then(String, (error: { code?: string }) => String(error.code));
  }, undefined);
}

/** Opens the privacy page and clicks "opt out" there, as the visitor does. */
export async function optOutOnPrivacyPage(page: EnginePage, demoOrigin: string): Promise<void> {
  await page.goto(`${demoOrigin}/privacy`);
  await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] });
  await page.clickInFrame(OPTOUT_FRAME, seen.optOutButton);
  await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] });
}
