// Meta Pixel: `fbq('consent', 'revoke')` / `fbq('consent', 'grant')`; the pixel holds its events while revoked.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

interface MetaWindow {
  fbq?: (...args: unknown[]) => void;
}

/**
 * Keeps the Meta Pixel's consent in step. The pixel keeps nothing itself, so the state is applied
 * on every page. Meta's snippet does nothing when `fbq` already exists (it would not load
 * fbevents.js), so the adapter never defines it: with client.js above the snippet, the call waits
 * until the document is parsed, and the snippet's own `fbq('consent', 'revoke')` before `init`
 * holds the page view until then (the builder writes it).
 */
export function meta(source: OptOutSource): StopAdapter {
  const fbq = (): NonNullable<MetaWindow['fbq']> => {
    const found = (globalThis as unknown as MetaWindow).fbq;
    if (typeof found !== 'function') throw new Error("no fbq(): place Meta's snippet first, or it is applied once the page is parsed");
    return found;
  };
  return keepInStep(source, {
    tracker: 'Meta Pixel',
    optOut: () => fbq()('consent', 'revoke'),
    optIn: () => fbq()('consent', 'grant'),
  });
}
