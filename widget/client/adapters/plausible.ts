// Plausible: its script and its npm tracker skip every event while localStorage.plausible_ignore is "true".
import type { OptOutSource, StopAdapter } from './keep-in-step.js';
import { keepStorageFlagInStep } from './storage-flag.js';

/**
 * The key both Plausible's script and `@plausible-analytics/tracker` (checked in 0.4.6) read
 * before each event: `"true" === localStorage.plausible_ignore`.
 */
export const PLAUSIBLE_IGNORE_KEY = 'plausible_ignore';

/** Keeps Plausible's `localStorage.plausible_ignore` in step with the opt-out. */
export function plausible(source: OptOutSource): StopAdapter {
  return keepStorageFlagInStep(source, 'Plausible', PLAUSIBLE_IGNORE_KEY, 'true');
}
