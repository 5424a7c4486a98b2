// e2e helpers for the message protocol: a page script's view through window.optout, and raw messages to a frame.
import type { Page } from '@playwright/test';
import type { OptOutState } from '../widget/shared/choice.js';

declare global {
  interface Window {
    /** Every state the test's subscriber was called with. */
    subscriberCalls?: OptOutState[];
  }
}

/** Subscribes a recorder to `window.optout` (client.js) in the page. */
export async function recordSubscriberCalls(page: Page): Promise<void> {
  await page.waitForFunction(() => window.optout !== undefined);
  await page.evaluate(() => {
    window.subscriberCalls = [];
    window.optout?.subscribe((state) => window.subscriberCalls?.push(state));
  });
}

export function subscriberCalls(page: Page): Promise<OptOutState[]> {
  return page.evaluate(() => window.subscriberCalls ?? []);
}

export function isOptedOut(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => window.optout?.isOptedOut());
}

/**
 * Posts a raw message from the page to the host's frame (the first `<iframe>` whose src is on
 * `hostOrigin`) and resolves with the frame's first message that carries the same `id`.
 */
export function askFrame(page: Page, hostOrigin: string, message: Record<string, unknown>): Promise<unknown> {
  return page.evaluate(
    ({ hostOrigin, message }) =>
      new Promise((resolve) => {
        const iframe = [...document.querySelectorAll('iframe')].find((f) => f.src.startsWith(hostOrigin));
        addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { id?: unknown } | null;
          if (event.origin === hostOrigin && data?.id === message.id) resolve(data);
        });
        iframe?.contentWindow?.postMessage(message, hostOrigin);
      }),
    { hostOrigin, message },
  );
}
