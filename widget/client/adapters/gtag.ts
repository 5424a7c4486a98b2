// Google Analytics: `window['ga-disable-ID']` per measurement id, and consent mode v2's four signals.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

export interface GtagAdapterOptions {
  /** The measurement id(s) to disable, e.g. `'G-XXXXXXX'`. Without one only consent mode is updated. */
  readonly measurementId?: string | readonly string[];
  /** Also keep consent mode v2 in step: `default` at once, `update` on each change (default `true`). */
  readonly consentMode?: boolean;
  /**
   * Opted in, grant the ad signals too (`ad_storage`, `ad_user_data`, `ad_personalization`);
   * default `false`: only `analytics_storage` is granted. Opted out, all four are always denied.
   */
  readonly adSignals?: boolean;
}

type ConsentSignals = Readonly<Record<'analytics_storage' | 'ad_storage' | 'ad_user_data' | 'ad_personalization', 'granted' | 'denied'>>;

const ALL_DENIED: ConsentSignals = {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};

/** Opted in: analytics storage; the ad signals only when the site asked for them (else left as they are). */
function optedInSignals(adSignals: boolean): Partial<ConsentSignals> {
  const ads = adSignals ? ({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' } as const) : {};
  return { analytics_storage: 'granted', ...ads };
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
 * that id (set it before the `config` command runs). Consent mode v2: a `default` command at once
 * (this adapter runs before the gtag snippet's `config`), from the remembered state, all denied
 * while nothing is known; then an `update` whenever the state moves away from what Google's tags
 * were last told: opted out denies all four signals, opted in grants `analytics_storage` (and the
 * ad signals with `adSignals`).
 */
export function gtag(source: OptOutSource, options: GtagAdapterOptions = {}): StopAdapter {
  const win = globalThis as unknown as GtagWindow;
  const ids = measurementIds(options.measurementId);
  const consentMode = options.consentMode ?? true;
  const signals = (optedOut: boolean) => (optedOut ? ALL_DENIED : { ...ALL_DENIED, ...optedInSignals(options.adSignals ?? false) });
  /** What Google's tags were last told: an unknown visitor is told "opted out". */
  let told = source.cached ?? true;
  if (consentMode) callGtag(win, 'consent', 'default', signals(told));
  const set = (optedOut: boolean): void => {
    for (const id of ids) win[`ga-disable-${id}`] = optedOut;
    if (consentMode && optedOut !== told)
      callGtag(win, 'consent', 'update', optedOut ? ALL_DENIED : optedInSignals(options.adSignals ?? false));
    told = optedOut;
  };
  return keepInStep(source, {
    tracker: 'Google Analytics',
    optOut: () => set(true),
    optIn: () => set(false),
  });
}
