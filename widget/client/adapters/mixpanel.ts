// Mixpanel: `mixpanel.opt_out_tracking()` / `opt_in_tracking()` on the page's instance, or queued on its snippet's array.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** The part of a Mixpanel instance (mixpanel-browser, or its snippet's stub once `init` ran) the adapter uses. */
export interface MixpanelLike {
  opt_out_tracking(): void;
  opt_in_tracking(options?: { track?: () => void }): void;
}

export interface MixpanelAdapterOptions {
  /** The instance to switch (`mixpanel` from mixpanel-browser); defaults to `window.mixpanel`. */
  readonly instance?: MixpanelLike;
}

type MixpanelCall = readonly [string, ...unknown[]];

/** `window.mixpanel`: the library, its snippet's stub, or a plain array of calls the snippet takes over. */
type MixpanelGlobal = Partial<MixpanelLike> & { push?(call: MixpanelCall): unknown };

interface MixpanelWindow {
  mixpanel?: MixpanelGlobal;
}

/** Records no `$opt_in` event: Mixpanel's `opt_in_tracking` calls this in place of `track`. */
const trackNothing = (): void => undefined;

/**
 * Keeps Mixpanel's own opt-out in step. Without `instance`, it calls `window.mixpanel`, or, before
 * Mixpanel's snippet has run, queues the call on the array the snippet then takes over
 * (`window.mixpanel || []`) and mixpanel-browser replays before its tracking calls. The opt-in at
 * start-up records no event; an opt-in the visitor makes later records Mixpanel's `$opt_in`.
 */
export function mixpanel(source: OptOutSource, options: MixpanelAdapterOptions = {}): StopAdapter {
  const call = (method: 'opt_out_tracking' | 'opt_in_tracking', ...args: unknown[]): void => {
    if (options.instance) {
      Reflect.apply(options.instance[method], options.instance, args);
      return;
    }
    const win = globalThis as unknown as MixpanelWindow;
    const found: MixpanelGlobal = (win.mixpanel ??= [] as MixpanelCall[]);
    const switchMethod = found[method];
    if (typeof switchMethod === 'function') Reflect.apply(switchMethod, found, args);
    else if (typeof found.push === 'function') found.push([method, ...args]);
    else throw new Error('window.mixpanel is neither Mixpanel nor its snippet: pass { instance }');
  };
  return keepInStep(source, {
    tracker: 'Mixpanel',
    optOut: () => call('opt_out_tracking'),
    optIn: (initial) => (initial ? call('opt_in_tracking', { track: trackNothing }) : call('opt_in_tracking')),
  });
}
