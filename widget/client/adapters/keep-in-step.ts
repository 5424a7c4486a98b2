// The core every adapter shares: applies the opt-out state to one tracker's switch, from `cached` on.

/**
 * What an adapter needs from the client: the synchronous first-party mirror and change
 * notifications. `connectOptOut()` returns a superset of this, so does `window.optout`.
 */
export interface OptOutSource {
  /** The last known state from the first-party mirror, or `undefined` on a first visit. */
  readonly cached: boolean | undefined;
  /** Calls `listener` with the state now (once known) and on every change; returns an unsubscribe. */
  subscribe(listener: (state: { readonly optedOut: boolean }) => void): () => void;
}

/** Stops an adapter: it no longer follows the state. The tracker's switch stays as last set. */
export type StopAdapter = () => void;

/** One tracker's own opt-out switch. */
export interface TrackerSwitch {
  /** Human-readable tracker name, for warnings. */
  readonly tracker: string;
  /** Turns the tracker off for this visitor. `initial` is true for the state known at start-up. */
  optOut(initial: boolean): void;
  /** Turns the tracker back on. `initial` is true for the state known at start-up. */
  optIn(initial: boolean): void;
}

/**
 * Keeps a tracker's switch in step with the state. The cached state is applied synchronously,
 * before this function returns, so a tracker set up right after it never sends a first hit the
 * visitor has refused. Each state is applied once: repeated notifications of the same state do
 * nothing, so a tracker's side effects (PostHog's `$opt_in` event) are not repeated.
 *
 * A tracker that is not on the page yet (its snippet placed after the client) makes the switch
 * throw: the state is applied again when the document has been parsed, then on the next change.
 */
export function keepInStep(source: OptOutSource, trackerSwitch: TrackerSwitch): StopAdapter {
  let applied: boolean | undefined;
  let failed: boolean | undefined;
  let retryPending = false;
  let stopped = false;
  const retryWhenParsed = () => {
    retryPending = false;
    if (failed !== undefined && !stopped) apply(failed);
  };
  const apply = (optedOut: boolean): void => {
    if (optedOut === applied) return;
    const initial = applied === undefined;
    try {
      if (optedOut) trackerSwitch.optOut(initial);
      else trackerSwitch.optIn(initial);
      applied = optedOut;
      failed = undefined;
    } catch (error) {
      // A missing or broken tracker must not break the client or the other adapters.
      failed = optedOut;
      if (retryPending) return;
      if (typeof document !== 'undefined' && document.readyState === 'loading') {
        retryPending = true;
        document.addEventListener('DOMContentLoaded', retryWhenParsed, { once: true });
      } else {
        console.warn(`optout-frame: could not update ${trackerSwitch.tracker}`, error);
      }
    }
  };
  if (source.cached !== undefined) apply(source.cached);
  const unsubscribe = source.subscribe((state) => apply(state.optedOut));
  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    if (typeof document !== 'undefined') document.removeEventListener('DOMContentLoaded', retryWhenParsed);
  };
}
