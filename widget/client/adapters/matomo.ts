// Matomo: `_paq.push(['optUserOut'])` / `['forgetUserOptOut']`, queued until matomo.js loads.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** A Matomo command as pushed onto `_paq`. */
export type MatomoCommand = readonly [string, ...unknown[]];

interface MatomoWindow {
  _paq?: { push(command: MatomoCommand): unknown };
}

/**
 * Keeps Matomo's own opt-out in step. Before matomo.js loads, `_paq` is a plain array that
 * matomo.js replays in order, so the command must be queued before `trackPageView`: load the
 * client (or call this) before the Matomo snippet, or let Matomo hold hits with
 * `_paq.push(['requireConsent'])` — `forgetUserOptOut` gives that consent when the visitor is
 * opted in, which releases the held hits.
 */
export function matomo(source: OptOutSource): StopAdapter {
  const win = globalThis as unknown as MatomoWindow;
  const push = (command: MatomoCommand): void => {
    win._paq ??= [] as MatomoCommand[];
    win._paq.push(command);
  };
  return keepInStep(source, {
    tracker: 'Matomo',
    optOut: () => push(['optUserOut']),
    optIn: () => push(['forgetUserOptOut']),
  });
}
