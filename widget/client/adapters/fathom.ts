// Fathom: its script sends nothing while localStorage.blockFathomTracking holds any value.
import type { OptOutSource, StopAdapter } from './keep-in-step.js';
import { keepStorageFlagInStep } from './storage-flag.js';

/**
 * The key behind Fathom's `blockTrackingForMe()` / `enableTrackingForMe()`. Those two also show
 * an `alert()` (and newer scripts a confirmation box and a reload), so the adapter sets the key
 * itself; Fathom's script reads it before every page view and event.
 */
export const FATHOM_BLOCK_KEY = 'blockFathomTracking';

/** Keeps Fathom's `localStorage.blockFathomTracking` in step with the opt-out, without its alert. */
export function fathom(source: OptOutSource): StopAdapter {
  return keepStorageFlagInStep(source, 'Fathom', FATHOM_BLOCK_KEY, 'true');
}
