// PostHog: `posthog.opt_out_capturing()` / `opt_in_capturing()` on the page's PostHog instance.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** The part of a PostHog instance (or of its snippet's queueing stub) the adapter uses. */
export interface PostHogLike {
  opt_out_capturing(): void;
  opt_in_capturing(options?: { captureEventName?: string | null | false }): void;
}

export interface PostHogAdapterOptions {
  /** The instance to switch (`posthog` from posthog-js); defaults to `window.posthog`. */
  readonly instance?: PostHogLike;
}

/**
 * Keeps PostHog's own opt-out in step. The opt-in at start-up records no event (every opted-in
 * visitor would send one); an opt-in the visitor makes later records PostHog's `$opt_in`.
 */
export function posthog(source: OptOutSource, options: PostHogAdapterOptions = {}): StopAdapter {
  const instance = (): PostHogLike => {
    const found = options.instance ?? (globalThis as { posthog?: PostHogLike }).posthog;
    if (!found) throw new Error('no PostHog instance: pass { instance } or load PostHog first');
    return found;
  };
  return keepInStep(source, {
    tracker: 'PostHog',
    optOut: () => instance().opt_out_capturing(),
    optIn: (initial) => {
      if (initial) instance().opt_in_capturing({ captureEventName: false });
      else instance().opt_in_capturing();
    },
  });
}
