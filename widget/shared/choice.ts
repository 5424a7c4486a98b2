// The visitor's opt-out state and how it is derived and stored in a cookie; shared by host and frame.
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
