// Amplitude: `amplitude.setOptOut(true | false)` on the page's instance, which Amplitude keeps across page loads.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** The part of an Amplitude client (@amplitude/analytics-browser, or its script's `window.amplitude`) the adapter uses. */
export interface AmplitudeLike {
  setOptOut(optOut: boolean): void;
  /** Amplitude's `track`: its promise settles once Amplitude has judged the event. */
  track(eventType: string): { readonly promise: PromiseLike<unknown> };
}

export interface AmplitudeAdapterOptions {
  /** The instance to switch (`import * as amplitude from '@amplitude/analytics-browser'`); defaults to `window.amplitude`. */
  readonly instance?: AmplitudeLike;
}

/**
 * Sent through Amplitude while it is still opted out, so Amplitude drops it: it only marks the
 * place in Amplitude's queue after which an opt-in may apply.
 */
const AMPLITUDE_OPT_IN_MARK = 'optout-frame: opt-in pending';

/**
 * Keeps Amplitude's own opt-out in step. Start Amplitude opted out (`init(key, { optOut: true })`,
 * or with the state `whenKnown()` resolves with) so that nothing goes before the choice is known.
 *
 * Why an opt-in waits: until its `init` has finished, Amplitude holds `track` calls in one queue
 * and `setOptOut` calls in another, and applies every `setOptOut` first. An opt-in made then
 * would release the events tracked while the visitor was opted out. So after an opt-out, the
 * opt-in is applied only once Amplitude has judged (and dropped) a mark tracked behind them.
 */
export function amplitude(source: OptOutSource, options: AmplitudeAdapterOptions = {}): StopAdapter {
  const instance = (): AmplitudeLike => {
    const found = options.instance ?? (globalThis as { amplitude?: AmplitudeLike }).amplitude;
    if (typeof found?.setOptOut !== 'function') throw new Error('no Amplitude instance: pass { instance } or load Amplitude first');
    return found;
  };
  // Counts opt-outs, so that an opt-in still waiting when the visitor opts out again is not applied.
  let optOuts = 0;
  return keepInStep(source, {
    tracker: 'Amplitude',
    optOut: () => {
      optOuts += 1;
      instance().setOptOut(true);
    },
    optIn: (initial) => {
      const tracker = instance();
      if (initial || typeof tracker.track !== 'function') return tracker.setOptOut(false);
      const optOutsBefore = optOuts;
      const applyIfStillWanted = () => {
        if (optOuts === optOutsBefore) tracker.setOptOut(false);
      };
      Promise.resolve(tracker.track(AMPLITUDE_OPT_IN_MARK).promise).then(applyIfStillWanted, applyIfStillWanted);
    },
  });
}
