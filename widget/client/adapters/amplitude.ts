// Amplitude: `amplitude.setOptOut(true | false)` on the page's instance, which Amplitude keeps across page loads.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** The part of an Amplitude client (@amplitude/analytics-browser, or its script's `window.amplitude`) the adapter uses. */
export interface AmplitudeLike {
  setOptOut(optOut: boolean): void;
}

export interface AmplitudeAdapterOptions {
  /** The instance to switch (`import * as amplitude from '@amplitude/analytics-browser'`); defaults to `window.amplitude`. */
  readonly instance?: AmplitudeLike;
}

/**
 * Keeps Amplitude's own opt-out in step. Amplitude queues `setOptOut` called before `init` and
 * applies it first; start it with `init(key, { optOut: true })` (or the state `whenKnown()`
 * resolves with) so that nothing goes before the choice is known.
 */
export function amplitude(source: OptOutSource, options: AmplitudeAdapterOptions = {}): StopAdapter {
  const instance = (): AmplitudeLike => {
    const found = options.instance ?? (globalThis as { amplitude?: AmplitudeLike }).amplitude;
    if (typeof found?.setOptOut !== 'function') throw new Error('no Amplitude instance: pass { instance } or load Amplitude first');
    return found;
  };
  return keepInStep(source, {
    tracker: 'Amplitude',
    optOut: () => instance().setOptOut(true),
    optIn: () => instance().setOptOut(false),
  });
}
