// A page without the widget that answered from the mirror asks a frame after all when the mirror goes stale while it is open.
import type { MirrorVerdict } from './mirror-freshness.js';

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
