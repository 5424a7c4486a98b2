// What the page knows of the choice: the site's first-party mirror (localStorage and cookie), the browser's GPC signal, other tabs' changes, and who listens.
import type { OptOutState } from '../shared/choice.js';
import { browserSendsGpc } from '../shared/gpc.js';
import { parseMirror } from '../shared/mirror-record.js';
import { judgeMirror, type MirrorVerdict } from './mirror-freshness.js';
import type { SiteMirror } from './site-mirror.js';

/** Called with `{ optedOut, reason }` at once (when a state is known) and on every change. */
export type OptOutSubscriber = (state: OptOutState) => void;

export interface KnownState {
  /** The last known state; `undefined` before the mirror (while fresh enough to trust) or a frame said anything. */
  readonly current: OptOutState | undefined;
  /** The mirror judged when the client connected: whether a frame must be asked, and when the mirror goes stale. */
  readonly verdict: MirrorVerdict;
  /** The mirror judged again now (another tab may have confirmed it meanwhile). */
  judge(): MirrorVerdict;
  /** What the mirror held before the frame first spoke: the site's layer for the merge rule. */
  readonly mirrored: OptOutState | undefined;
  /** The frame said so: remember it first-party for the next page view, then tell subscribers. */
  learn(state: OptOutState): void;
  subscribe(fn: OptOutSubscriber): () => void;
  /** Stops hearing other tabs and forgets every subscriber. Idempotent. */
  close(): void;
}

/** `maxAge`: seconds a state a frame confirmed is trusted without asking one (see mirror-freshness.ts). */
export function openKnownState(mirror: SiteMirror, maxAge: number): KnownState {
  const subscribers = new Set<OptOutSubscriber>();
  // The page sees the browser's GPC signal too: opted out before the frame answers, or if it never does.
  const judgeRecord = (record = mirror.read()) =>
    judgeMirror({ mirror: record, now: nowSeconds(), maxAge, gpc: browserSendsGpc(navigator) });
  const stored = mirror.read();
  const verdict = judgeRecord(stored);
  const mirrored = stored?.state;
  let current = verdict.known;
  let closed = false;

  /** A new state (from the frame or another tab): subscribers hear only real changes. */
  const update = (state: OptOutState) => {
    if (current && current.optedOut === state.optedOut && current.reason === state.reason) return;
    const next = Object.freeze({ optedOut: state.optedOut, reason: state.reason });
    current = next;
    for (const fn of [...subscribers]) notify(fn, next);
  };
  /** Another tab wrote the mirror (its frame told it of a change): same site, same visitor. */
  const onStorage = (event: StorageEvent) => {
    if (event.key !== mirror.key) return;
    const record = parseMirror(event.newValue);
    if (record) update(record.state);
  };
  window.addEventListener('storage', onStorage);

  return {
    get current() {
      return current;
    },
    mirrored,
    verdict,
    judge: () => judgeRecord(),
    learn(state) {
      mirror.write({ state, confirmedAt: nowSeconds() });
      update(state);
    },
    subscribe(fn) {
      if (closed) return () => undefined;
      subscribers.add(fn);
      if (current) notify(fn, current);
      return () => {
        subscribers.delete(fn);
      };
    },
    close() {
      closed = true;
      window.removeEventListener('storage', onStorage);
      subscribers.clear();
    },
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function notify(fn: OptOutSubscriber, state: OptOutState): void {
  try {
    fn(state);
  } catch (error) {
    // One broken subscriber must not stop the others; the error still reaches the console.
    queueMicrotask(() => {
      throw error;
    });
  }
}
