// Umami: its tracker script sends nothing while localStorage['umami.disabled'] holds any value.
import type { OptOutSource, StopAdapter } from './keep-in-step.js';
import { keepStorageFlagInStep } from './storage-flag.js';

/** Umami's script checks `localStorage.getItem('umami.disabled')` at load and before each send. */
export const UMAMI_DISABLED_KEY = 'umami.disabled';

/** Keeps Umami's `localStorage['umami.disabled']` in step with the opt-out. */
export function umami(source: OptOutSource): StopAdapter {
  return keepStorageFlagInStep(source, 'Umami', UMAMI_DISABLED_KEY, '1');
}
