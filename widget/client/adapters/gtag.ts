// Google Analytics: `window['ga-disable-ID']` per measurement id, and consent mode's analytics_storage.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

export interface GtagAdapterOptions {
  /** The measurement id(s) to disable, e.g. `'G-XXXXXXX'`. Without one only consent mode is updated. */
  readonly measurementId?: string | readonly string[];
  /** Also send `gtag('consent', 'update', { analytics_storage })` (default `true`). */
  readonly consentMode?: boolean;
}

interface GtagWindow {
  gtag?: (...args: unknown[]) => void;
  dataLayer?: unknown[];
  [disableFlag: `ga-disable-${string}`]: boolean | undefined;
}

/** Calls the page's `gtag()`, or queues the call exactly as gtag's snippet does when it is not defined yet. */
function callGtag(win: GtagWindow, ...args: unknown[]): void {
  if (typeof win.gtag === 'function') {
    win.gtag(...args);
    return;
  }
  const dataLayer = (win.dataLayer ??= []);
  // gtag.js reads only `arguments` objects from dataLayer (an array means something else there).
  Reflect.apply(
    function queue() {
      // eslint-disable-next-line prefer-rest-params
      dataLayer.push(arguments);
    },
    undefined,
    args,
  );
}

/** The measurement ids, trimmed, without empties. */
function measurementIds(option: GtagAdapterOptions['measurementId']): string[] {
  const ids = typeof option === 'string' ? option.split(',') : (option ?? []);
  return ids.map((id) => id.trim()).filter((id) => id !== '');
}

/**
 * Keeps Google Analytics in step: `window['ga-disable-<ID>']` stops gtag.js sending anything for
 * that id (set it before the `config` command runs); consent mode's `analytics_storage` tells
 * Google's tags that analytics storage is refused.
 */
export function gtag(source: OptOutSource, options: GtagAdapterOptions = {}): StopAdapter {
  const win = globalThis as unknown as GtagWindow;
  const ids = measurementIds(options.measurementId);
  const consentMode = options.consentMode ?? true;
  const set = (optedOut: boolean): void => {
    for (const id of ids) win[`ga-disable-${id}`] = optedOut;
    if (consentMode) callGtag(win, 'consent', 'update', { analytics_storage: optedOut ? 'denied' : 'granted' });
  };
  return keepInStep(source, {
    tracker: 'Google Analytics',
    optOut: () => set(true),
    optIn: () => set(false),
  });
}
