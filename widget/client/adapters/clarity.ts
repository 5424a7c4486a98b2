// Microsoft Clarity: consent mode, `clarity('consentv2', { ad_Storage, analytics_Storage })`, queued as its snippet does.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

export interface ClarityAdapterOptions {
  /** Opted in, grant `ad_Storage` too; default `false`: only `analytics_Storage`. Opted out, both are denied. */
  readonly adStorage?: boolean;
}

type ClarityConsent = Readonly<Record<'ad_Storage' | 'analytics_Storage', 'granted' | 'denied'>>;

type ClarityFunction = ((...args: unknown[]) => void) & { q?: IArguments[] };

interface ClarityWindow {
  clarity?: ClarityFunction;
}

/**
 * The page's `clarity()`, or the queue Clarity's snippet defines (`c[a] = c[a] || function () {
 * (c[a].q = c[a].q || []).push(arguments) }`): the snippet keeps it, and Clarity's script replays
 * `clarity.q` in order when it loads, so the consent call goes before anything else.
 */
function clarityFunction(win: ClarityWindow): ClarityFunction {
  if (win.clarity) return win.clarity;
  const queue: ClarityFunction = function () {
    // Clarity's script reads `arguments` objects from its queue, as the snippet pushes them.
    // eslint-disable-next-line prefer-rest-params
    (queue.q ??= []).push(arguments);
  };
  win.clarity = queue;
  return queue;
}

/**
 * Keeps Clarity's consent in step: a `consentv2` call at once (both denied while nothing is
 * known, as Clarity requires for visitors in the EEA, the UK and Switzerland), then one on each
 * change: opted out, both denied; opted in, `analytics_Storage` granted (and `ad_Storage` with
 * `adStorage`).
 */
export function clarity(source: OptOutSource, options: ClarityAdapterOptions = {}): StopAdapter {
  const win = globalThis as unknown as ClarityWindow;
  const consent = (optedOut: boolean): ClarityConsent => ({
    ad_Storage: !optedOut && options.adStorage === true ? 'granted' : 'denied',
    analytics_Storage: optedOut ? 'denied' : 'granted',
  });
  /** What Clarity was last told: an unknown visitor is told "opted out". */
  let told: boolean | undefined;
  const set = (optedOut: boolean): void => {
    if (optedOut === told) return;
    clarityFunction(win)('consentv2', consent(optedOut));
    told = optedOut;
  };
  if (source.cached === undefined) set(true);
  return keepInStep(source, {
    tracker: 'Microsoft Clarity',
    optOut: () => set(true),
    optIn: () => set(false),
  });
}
