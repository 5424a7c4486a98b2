// Matomo's own opt-out messages (JSON strings between an opt-out frame and matomo.js): encoding and strict parsing.

/** Longest message accepted; Matomo's answers are a few hundred characters. */
const MAX_MESSAGE_LENGTH = 4096;
const MAX_URL_LENGTH = 2048;

/** matomo.js → frame: the tracker's state, in answer to `maq_initial_value`. */
export interface MatomoTrackerState {
  readonly kind: 'state';
  readonly optedIn: boolean;
  readonly optOutByDefault: boolean;
}

/** matomo.js → frame: the tracker's state after it applied a `maq_opted_in` from the frame. */
export interface MatomoTrackerConfirmation {
  readonly kind: 'confirm';
  readonly optedIn: boolean;
  readonly optOutByDefault: boolean;
}

export type MatomoTrackerMessage = MatomoTrackerState | MatomoTrackerConfirmation;

/** Frame → matomo.js on load: is the visitor opted in here (Matomo's checkbox "checked")? */
export function initialValueMessage(optedOut: boolean): string {
  return JSON.stringify({ maq_initial_value: !optedOut });
}

/** Frame → matomo.js when the choice changes (`maq_opted_in`, the opposite of `optedOut`): the tracker then remembers or forgets consent. */
export function optedOutMessage(optedOut: boolean): string {
  return JSON.stringify({ maq_opted_in: !optedOut });
}

/** An own data property (never a getter, never the prototype chain). */
function field(data: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(data, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** The host name of an http(s) URL, or undefined. */
function httpHostName(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads what a page's matomo.js sent to the frame. It must be a JSON string of a plain object
 * whose `maq_url` (the tracker URL) is on `frameHostName`, as Matomo's own frame checks, with a
 * boolean `maq_optout_by_default` and exactly one of the booleans `maq_opted_in` (an answer to
 * `maq_initial_value`) or `maq_confirm_opted_in` (an answer to `maq_opted_in`). Anything else,
 * including the frame's own kinds of message, is not an answer: `undefined`. Never throws.
 */
export function parseMatomoMessage(raw: unknown, frameHostName: string): MatomoTrackerMessage | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_MESSAGE_LENGTH) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (httpHostName(field(data, 'maq_url')) !== frameHostName) return undefined;
  const optOutByDefault = field(data, 'maq_optout_by_default');
  if (typeof optOutByDefault !== 'boolean') return undefined;
  const optedIn = field(data, 'maq_opted_in');
  const confirmed = field(data, 'maq_confirm_opted_in');
  if (typeof optedIn === 'boolean' && confirmed === undefined) return { kind: 'state', optedIn, optOutByDefault };
  if (typeof confirmed === 'boolean' && optedIn === undefined) return { kind: 'confirm', optedIn: confirmed, optOutByDefault };
  return undefined;
}
