// The site's mirror record, one rule for the client and the site's server: its stored form (in localStorage and the `optout_state` cookie), which of several copies answers, the cookie's name and `Domain` rule, how a `Cookie` header is read.
import type { OptOutState } from './choice.js';

/** The first-party cookie the client keeps beside its localStorage mirror (see widget/client/site-mirror.ts). */
export const MIRROR_COOKIE = 'optout_state';

// A host name (letters, digits, hyphens between dots, labels up to 63), optionally with the leading dot cookies allow.
const DOMAIN = /^\.?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * The one rule for a cookie-domain setting, for the client's option and the builder's `cookieDomain=`:
 * `auto`, `none`, or a host name — nothing that could add a cookie attribute.
 */
export const isCookieDomain = (domain: string): boolean => domain === 'auto' || domain === 'none' || DOMAIN.test(domain);

/**
 * The values of every cookie named `name`, in order. There may be several: a host-only cookie and
 * a domain cookie of one name are both sent. Names are matched exactly (cookie names are
 * case-sensitive); a value in double quotes loses them; a pair without `=` is no cookie of ours.
 */
export function cookieValues(header: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name)
      values.push(
        pair
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return values;
}

/**
 * What the mirror holds: the last state a frame told, and when a frame last confirmed it
 * (epoch seconds). `confirmedAt` is absent in the stored form of version 0.1, so such a state
 * counts as unconfirmed (stale) and is checked once by a frame.
 */
export interface MirrorRecord {
  readonly state: OptOutState;
  readonly confirmedAt?: number;
}

/** The stored form (the client's mirror, and the host's own `optout_state` on the site's domain): `1:choice:1767225600` = opted out by choice, confirmed at that second; `0:default:…` = opted in by default. */
export function encodeMirror({ state, confirmedAt }: MirrorRecord): string {
  const base = `${state.optedOut ? '1' : '0'}:${state.reason}`;
  return confirmedAt === undefined ? base : `${base}:${confirmedAt}`;
}

/**
 * Reads the stored form strictly: `1`/`0`, then optionally the reason and when it was confirmed
 * (0.1's `1:choice` and a bare `1`, which a site's own code may write, count as unconfirmed
 * choices); anything else (another script's value, junk) is no state.
 */
export function parseMirror(value: string | null | undefined): MirrorRecord | undefined {
  const match = /^([01])(?::(choice|default|gpc)(?::(\d{1,12}))?)?$/.exec(value ?? '');
  if (!match) return undefined;
  const state = { optedOut: match[1] === '1', reason: (match[2] ?? 'choice') as OptOutState['reason'] };
  return match[3] === undefined ? { state } : { state, confirmedAt: Number(match[3]) };
}

/**
 * Of two copies of the mirror (the localStorage record and the cookie, or two cookies: a host-only
 * and a domain one), the one that answers. Any page of the site and any sibling subdomain can write
 * a copy, and none may opt a visitor in, so copies that disagree give the opt-out: as it is when
 * it is the fresher, else unconfirmed, so that a frame is asked (the visitor may have opted back
 * in on another subdomain) while the opt-out holds. Copies that agree give the fresher.
 */
export function mergeMirrors(a: MirrorRecord | undefined, b: MirrorRecord | undefined): MirrorRecord | undefined {
  if (!a || !b || a.state.optedOut === b.state.optedOut) return fresher(a, b);
  const optOut = a.state.optedOut ? a : b;
  return fresher(a, b) === optOut ? optOut : { state: optOut.state };
}

/** Of two records, the fresher: the later confirmation; on a tie, or with neither confirmed, the opt-out. */
function fresher(a: MirrorRecord | undefined, b: MirrorRecord | undefined): MirrorRecord | undefined {
  if (!a || !b) return a ?? b;
  const [at, bt] = [confirmedWhen(a), confirmedWhen(b)];
  if (at !== bt) return at > bt ? a : b;
  return a.state.optedOut ? a : b;
}

/** A confirmation from the future (a clock set back, a forged value) counts as none. */
function confirmedWhen({ confirmedAt }: MirrorRecord): number {
  return confirmedAt === undefined || confirmedAt > Date.now() / 1000 ? -1 : confirmedAt;
}
