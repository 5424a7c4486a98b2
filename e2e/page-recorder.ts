// Records, from the very start of each page, what page scripts hear: every subscriber call and every message from the host's frames.
import type { BrowserContext, Page } from '@playwright/test';
import type { OptOutState } from '../widget/shared/choice.js';

interface Recorded {
  /** Every state a subscriber added before any other page script ran was called with. */
  readonly heard: OptOutState[];
  /** Every message the page received from the host's origin, in order. */
  readonly messages: Record<string, unknown>[];
}

declare global {
  interface Window {
    recorded?: Recorded;
  }
}

/**
 * Installs the recorder in every top-level page of the context. It subscribes the moment
 * client.js assigns `window.optout`, so even a state shown for an instant is caught.
 */
export async function recordFromStart(context: BrowserContext, hostOrigin: string): Promise<void> {
  await context.addInitScript((origin: string) => {
    if (window.top !== window) return;
    const recorded: Recorded = { heard: [], messages: [] };
    window.recorded = recorded;
    let client: Window['optout'];
    Object.defineProperty(window, 'optout', {
      configurable: true,
      get: () => client,
      set(value: Window['optout']) {
        client = value;
        value?.subscribe((state) => recorded.heard.push({ optedOut: state.optedOut, reason: state.reason }));
      },
    });
    addEventListener('message', (event) => {
      if (event.origin === origin && typeof event.data === 'object') recorded.messages.push({ ...(event.data as object) });
    });
  }, hostOrigin);
}

export function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => window.recorded ?? { heard: [], messages: [] });
}
