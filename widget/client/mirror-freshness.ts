// When the first-party mirror may answer alone and when a frame must be asked, on load and later while the page stays open: what keeps pages without the widget free.
import type { OptOutState } from '../shared/choice.js';
import type { MirrorRecord } from '../shared/mirror-record.js';

/**
 * How long (seconds) a state a frame confirmed is trusted without asking again: 30 minutes, the
 * visit length of Matomo, Google Analytics, Plausible and Umami (a visit ends after 30 minutes
 * without a page view). An opt-out the mirror could not see (made with JavaScript off, or in a
 * frame on a page without the client) is thus counted at most within the visit it was made in:
 * the next visit's first page asks a frame before any hit.
 */
export const DEFAULT_MAX_AGE = 1800;

export interface MirrorInput {
  /** What the mirror holds, if anything. */
  readonly mirror: MirrorRecord | undefined;
  /** Epoch seconds now. */
  readonly now: number;
  /** Seconds a confirmation is trusted (`maxAge`). */
  readonly maxAge: number;
  /** The browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
  readonly gpc: boolean;
}

export interface MirrorVerdict {
  /** What page scripts get synchronously (`cached`, subscribers, adapters); `undefined` = wait for a frame. */
  readonly known: OptOutState | undefined;
  /** Whether a frame must be asked now: on a page without the widget, load the bridge. */
  readonly ask: boolean;
  /** While the mirror is fresh: the epoch second it goes stale, when an open page asks a frame. */
  readonly staleAt?: number;
}

const GPC: OptOutState = Object.freeze({ optedOut: true, reason: 'gpc' });

/**
 * The rule. GPC is seen by the page itself and no frame can change it: opted out, nothing to
 * ask. A state a frame confirmed less than `maxAge` ago answers alone. Otherwise a frame is
 * asked, and until it answers an opt-out is held (never weakened before a frame speaks, so no
 * tracker starts in between) while an opt-in is not trusted (a tracker waits for the answer).
 * A mirrored GPC state whose signal has stopped is asked about at once: it was no choice.
 */
export function judgeMirror({ mirror, now, maxAge, gpc }: MirrorInput): MirrorVerdict {
  if (gpc) return { known: GPC, ask: false };
  if (!mirror) return { known: undefined, ask: true };
  const { state, confirmedAt } = mirror;
  if (state.reason === 'gpc') return { known: state, ask: true };
  // A confirmation from the future (a clock set back, a forged value) proves nothing.
  if (confirmedAt !== undefined && confirmedAt <= now && now - confirmedAt < maxAge) {
    return { known: state, ask: false, staleAt: confirmedAt + maxAge };
  }
  return { known: state.optedOut ? state : undefined, ask: true };
}

/** `maxAge` as given (option or `data-max-age`): a finite number of seconds ≥ 0, else `undefined`. */
export function parseMaxAge(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** setTimeout holds at most 2^31 - 1 ms (24.8 days): a longer wait is judged again then. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * A long read or a single-page app may stay open past `maxAge`: the bound must hold for it
 * too, so when the mirror goes stale the page asks (`ask`). Another tab may have confirmed the
 * mirror meanwhile, so it is judged again first. Returns the function that stops waiting.
 */
export function refreshWhenStale(verdict: MirrorVerdict, judge: () => MirrorVerdict, ask: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = (staleAt: number | undefined) => {
    if (staleAt === undefined) return;
    const delay = Math.min(Math.max(0, staleAt * 1000 - Date.now()), LONGEST_TIMER_MS);
    timer = setTimeout(() => {
      const now = judge();
      if (now.ask) ask();
      else wait(now.staleAt);
    }, delay);
  };
  wait(verdict.staleAt);
  return () => clearTimeout(timer);
}
