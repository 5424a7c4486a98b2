// The frame speaks Matomo's own opt-out protocol, so a page's unmodified matomo.js follows the visitor's choice.
import type { OptOutState } from '../shared/choice.js';
import { initialValueMessage, optedOutMessage, parseMatomoMessage } from '../shared/matomo-messages.js';

export interface MatomoCompatOptions {
  /** The embedding page's exact origin when it is allowed; without one the frame says nothing. */
  readonly pageOrigin: string | undefined;
  /** Whether a message from this origin may be heard (the frame's allowed origins). */
  readonly isAllowed: (origin: string) => boolean;
  /** The state when the frame loaded. */
  readonly state: OptOutState;
}

export interface MatomoCompat {
  /** The visitor's choice changed (a click, a page's opt-out, another tab): tell matomo.js. */
  changed(state: OptOutState): void;
  stop(): void;
}

/**
 * matomo.js may load after the frame, so the first message is repeated until it answers, as
 * Matomo's own frame does, but for one minute at most.
 */
const RETRY_MS = 200;
const MAX_TRIES = 300;

/**
 * Sends `{"maq_initial_value": …}` on load and `{"maq_opted_in": …}` on every change, as JSON
 * strings to the page's exact origin, and reads matomo.js's answers. The answers only report
 * the tracker's state: they never change the visitor's choice, so no page can opt anyone in
 * (or out) this way. When the visitor is opted out, the frame repeats the opt-out once the
 * tracker answers, so matomo.js stores it first-party even if its own cookie was cleared.
 * The last state the tracker reported is shown on `<html data-matomo-tracker>`.
 */
export function startMatomoCompat({ pageOrigin, isAllowed, state }: MatomoCompatOptions): MatomoCompat {
  let optedOut = state.optedOut;
  let tries = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const post = (message: string) => {
    if (pageOrigin) window.parent.postMessage(message, pageOrigin);
  };
  const stopAsking = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const askTracker = () => {
    if (++tries >= MAX_TRIES) stopAsking();
    post(initialValueMessage(optedOut));
  };

  const onMessage = (event: MessageEvent) => {
    // Source first (only our parent page), then the origin, then the message itself.
    if (event.source !== window.parent || window.parent === window || !isAllowed(event.origin)) return;
    const message = parseMatomoMessage(event.data, location.hostname);
    if (!message) return;
    document.documentElement.dataset.matomoTracker = message.optedIn ? 'opted-in' : 'opted-out';
    if (message.kind === 'state' && timer !== undefined) {
      stopAsking();
      if (optedOut) post(optedOutMessage(true));
    }
  };

  if (pageOrigin && window.parent !== window) {
    window.addEventListener('message', onMessage);
    askTracker();
    timer = setInterval(askTracker, RETRY_MS);
  }

  return {
    changed(next) {
      if (next.optedOut === optedOut) return;
      optedOut = next.optedOut;
      post(optedOutMessage(optedOut));
    },
    stop() {
      stopAsking();
      window.removeEventListener('message', onMessage);
    },
  };
}
