// The site's first-party mirror of the last known state, so `cached` answers synchronously: a localStorage record and the `optout_state` cookie (and Matomo's own opt-out cookie), the opt-out winning where they disagree.
import { mergeLayers, type OptOutState } from '../shared/choice.js';
import { cookieValues, encodeMirror, mergeMirrors, MIRROR_COOKIE, parseMirror, type MirrorRecord } from '../shared/mirror-record.js';
import { clearMatomoOptOut, readMatomoOptOut } from './matomo-consent.js';

export interface SiteMirror {
  /** The localStorage key (other tabs' writes to it are heard as `storage` events). */
  readonly key: string;
  /**
   * The two copies merged (`mergeMirrors`): the cookie is shared by every subdomain, so an opt-out
   * confirmed on www. wins over shop.'s own localStorage record on the next view; an opt-in
   * there over shop.'s opt-out only has the frame asked, as a sibling's forged cookie would.
   */
  read(): MirrorRecord | undefined;
  write(record: MirrorRecord): void;
}

/** `cookie` is absent with `data-mirror-cookie="off"` / `mirrorCookie: false`. */
export function openSiteMirror(key: string, cookie: CookieMirror | undefined): SiteMirror {
  return {
    key,
    // Matomo's own opt-out cookie, from before the switch, counts as one more record (matomo-consent.ts).
    read: () => mergeMirrors(mergeMirrors(readLocalRecord(key), cookie?.read()), readMatomoOptOut()),
    write(record) {
      writeLocalRecord(key, record);
      cookie?.write(record);
      if (!record.state.optedOut && record.state.reason === 'choice') clearMatomoOptOut();
    },
  };
}

/**
 * The merge rule seen from the page: the frame's state stands for its own layers (a stored
 * choice only when `reason` is `choice`), the mirror is the site's layer. `true` means the
 * mirror kept an opt-out the frame lost (cleared cookies, a new partition), to be written back
 * through the frame with an `opt-out` message. A mirrored opt-in, a default or GPC never is.
 */
export function mirrorRestoresOptOut(mirror: OptOutState | undefined, frame: OptOutState): boolean {
  const stored = (state: OptOutState | undefined) => (state?.reason === 'choice' ? state.optedOut : undefined);
  const merged = mergeLayers({ frame: { frame: stored(frame) }, mirror: stored(mirror) });
  return merged.choice === true && merged.stale.includes('frame');
}

/** The localStorage key: one per opt-out host, so two hosts on one site never mix their answers. */
export function mirrorKey(hostOrigin: string): string {
  return `optout-frame:${hostOrigin}`;
}

// Storage may be disabled, full, or throw SecurityError (sandboxed pages, blocked cookies):
// the mirror is a shortcut, never a reason to fail.
function readLocalRecord(key: string): MirrorRecord | undefined {
  try {
    return parseMirror(localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

/** Remembers a state a frame just told, confirmed now. */
function writeLocalRecord(key: string, record: MirrorRecord): void {
  try {
    localStorage.setItem(key, encodeMirror(record));
  } catch {
    // See above: nothing to do when the site's storage is unavailable.
  }
}

/** `auto` (the widest domain the browser accepts), `none` (this host only), or a domain such as `example.org`. */
export type CookieDomain = string;

/** Browsers cap a cookie's lifetime at 400 days; Safari caps one written by script at 7 (see docs/server-side.md). */
const MAX_AGE = 400 * 24 * 3600;

/** The mirror's cookie copy (`optout_state`): every subdomain reads it synchronously, and the site's own server receives it. */
export interface CookieMirror {
  /** The `optout_state` this page sees, its copies merged (`mergeMirrors`: a host-only and a domain cookie may both be there). */
  read(): MirrorRecord | undefined;
  write(record: MirrorRecord): void;
}

/**
 * `Domain` candidates, in the order to try them. `auto` goes as analytics.js's `cookieDomain: 'auto'`
 * does: the host name's suffixes from the shortest up (`test`, `gazette.test`, `www.gazette.test`),
 * keeping the first the browser stores, since browsers refuse public suffixes. An IP address or a
 * one-label name (`localhost`) takes a host-only cookie (`undefined`), as does a named domain the
 * browser refuses.
 */
function domainsToTry(hostname: string, domain: CookieDomain): Array<string | undefined> {
  if (domain === 'none' || !hostname.includes('.') || /^[\d.]+$|:/.test(hostname)) return [undefined];
  if (domain !== 'auto') return [domain, undefined];
  const labels = hostname.split('.');
  return labels.map((_, i) => labels.slice(-1 - i).join('.'));
}

/**
 * Whether every copy already holds `record`'s state, confirmed. Then nothing is written: the
 * localStorage record carries the new confirmation, and a cookie a server set (`optOutCookie()`,
 * `OPTOUT_SITE_COOKIE_DOMAIN`) stays server-set, where rewriting it by script would let Safari
 * delete it after 7 days. (The same value, written within the same second, is the simplest case;
 * a read-back could not tell which domain took it.)
 */
function holdsConfirmed(values: readonly string[], { state }: MirrorRecord): boolean {
  const now = Date.now() / 1000;
  return (
    values.length > 0 &&
    values
      .map(parseMirror)
      .every(
        (copy) =>
          copy?.confirmedAt !== undefined &&
          copy.confirmedAt <= now &&
          copy.state.optedOut === state.optedOut &&
          copy.state.reason === state.reason,
      )
  );
}

// document.cookie may throw (a sandboxed page) or be ignored (cookies off): the mirror is a shortcut, never a failure.
export function openCookieMirror(domain: CookieDomain): CookieMirror {
  let domains: Array<string | undefined> | undefined;
  const seen = () => cookieValues(document.cookie, MIRROR_COOKIE);
  return {
    read() {
      try {
        return seen().map(parseMirror).reduce(mergeMirrors, undefined);
      } catch {
        return undefined;
      }
    },
    write(record) {
      const value = encodeMirror(record);
      const attributes = `; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
      try {
        if (holdsConfirmed(seen(), record)) return;
        for (const candidate of (domains ??= domainsToTry(location.hostname, domain))) {
          document.cookie = `${MIRROR_COOKIE}=${value}${candidate ? `; Domain=${candidate}` : ''}${attributes}`;
          if (!seen().includes(value)) continue;
          // Stored: later writes on this page go straight there. Beside a domain cookie, a host-only
          // copy that no sibling subdomain can overwrite, so a forged domain opt-in meets this
          // host's opt-out (and the opt-out wins, here and in optedOut() on the site's server).
          if (candidate) document.cookie = `${MIRROR_COOKIE}=${value}${attributes}`;
          return void (domains = [candidate]);
        }
      } catch {
        // See above.
      }
    },
  };
}
