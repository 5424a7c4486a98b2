// The visitor's opt-out state: how it is derived, stored in a cookie, and merged from the places it is kept; shared by host, frame and client.
import { cookieValues } from './mirror-record.js';

/** Why the visitor is in the state they are in. */
export type Reason = 'choice' | 'default' | 'gpc';

/** The state every part of optout-frame agrees on. */
export interface OptOutState {
  readonly optedOut: boolean;
  readonly reason: Reason;
}

/** The state before any choice, set by `OPTOUT_DEFAULT`. */
export type DefaultState = 'in' | 'out';

/** Browsers cap cookie lifetime at 400 days; the cookie is renewed on each visit. */
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** Reads a stored choice: `'1'` opted out, `'0'` opted in, anything else no choice. */
export function parseChoice(value: string | null | undefined): boolean | undefined {
  if (value === '1') return true;
  if (value === '0') return false;
  return undefined;
}

/** The stored form of a choice. */
export function encodeChoice(optedOut: boolean): '1' | '0' {
  return optedOut ? '1' : '0';
}

/** The frame's `localStorage` key for a choice; the host's first-paint script reads it too. */
export function storageKey(cookieName: string): string {
  return `optout-frame:${cookieName}`;
}

export interface StateInputs {
  /** The visitor's own choice, if one was found. */
  readonly choice: boolean | undefined;
  /** The browser sends Global Privacy Control. */
  readonly gpc: boolean;
  readonly defaultState: DefaultState;
}

/** Derives the state: a GPC signal opts out, then the visitor's choice, then the site's default. */
export function resolveState({ choice, gpc, defaultState }: StateInputs): OptOutState {
  if (gpc) return { optedOut: true, reason: 'gpc' };
  if (choice !== undefined) return { optedOut: choice, reason: 'choice' };
  return { optedOut: defaultState === 'out', reason: 'default' };
}

/**
 * The cookie line for a choice, usable as a `Set-Cookie` value and in `document.cookie`.
 * `SameSite=None; Secure; Partitioned` is the only kind of third-party cookie that today's
 * browsers keep: it is scoped to the embedding site, which is the right scope for an opt-out.
 */
export function choiceCookie(name: string, optedOut: boolean): string {
  return `${name}=${encodeChoice(optedOut)}; Max-Age=${COOKIE_MAX_AGE_SECONDS}; Path=/; SameSite=None; Secure; Partitioned`;
}

/** Finds one cookie's value in a `Cookie` header or `document.cookie` string. */
export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The choice the cookie `name` holds in a `Cookie` header or `document.cookie`. A sibling subdomain
 * can add a copy of the host's cookie (a `Domain` cookie with a longer `Path` is even sent first),
 * so of copies that disagree the opt-out wins: no copy opts a visitor in over another's opt-out.
 */
export function cookieChoice(cookieHeader: string | undefined, name: string): boolean | undefined {
  const choices = cookieValues(cookieHeader ?? '', name).map(parseChoice);
  return choices.includes(true) ? true : choices.includes(false) ? false : undefined;
}

/** What one layer holds: `true` opted out, `false` opted in, `undefined` nothing (or unreadable). */
export type StoredChoice = boolean | undefined;

export interface LayerStates<Name extends string> {
  /**
   * The frame's own layers (the host's cookie, the frame's storage). Only the frame writes
   * them, and only on the visitor's click or an opt-out, so an opt-in found there is real.
   */
  readonly frame: Readonly<Record<Name, StoredChoice>>;
  /**
   * The site's first-party mirror, kept by the client. Scripts on the site can write it, and
   * a page may never opt a visitor in, so only an opt-out found there counts.
   */
  readonly mirror?: StoredChoice;
}

export interface MergedChoice<Name extends string> {
  /** The visitor's choice once every layer is heard, or `undefined` when there is none. */
  readonly choice: StoredChoice;
  /** The layers that do not hold `choice` yet and should be written back. */
  readonly stale: readonly (Name | 'mirror')[];
}

/**
 * Merges what the layers hold, in this order:
 * 1. an opt-out in any of the frame's layers wins;
 * 2. else an opt-in in the frame's layers (the visitor clicked for it);
 * 3. else an opt-out in the mirror, which restores a choice the frame lost (cleared cookies);
 * 4. else no choice: an opt-in in the mirror alone is not forced back.
 *
 * Rule 2 comes before the mirror's opt-out on purpose: the mirror only learns what the frame
 * said, so a frame that holds an opt-in while the mirror holds an opt-out means the visitor
 * opted back in on a page without the client (the privacy page of a site that pastes only the
 * `<iframe>`); letting the stale mirror win would make opting back in impossible.
 */
export function mergeLayers<Name extends string>(layers: LayerStates<Name>): MergedChoice<Name> {
  const frameValues = Object.values<StoredChoice>(layers.frame);
  let choice: StoredChoice;
  if (frameValues.includes(true)) choice = true;
  else if (frameValues.includes(false)) choice = false;
  else if (layers.mirror === true) choice = true;
  if (choice === undefined) return { choice, stale: [] };

  const stale: (Name | 'mirror')[] = (Object.keys(layers.frame) as Name[]).filter((name) => layers.frame[name] !== choice);
  if ('mirror' in layers && layers.mirror !== choice) stale.push('mirror');
  return { choice, stale };
}
