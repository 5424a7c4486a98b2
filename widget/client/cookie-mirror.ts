// The mirror's cookie copy (`optout_state`) on the site: every subdomain reads it synchronously, and the site's own server receives it.
import { cookieValues, encodeMirror, mergeMirrors, MIRROR_COOKIE, parseMirror, type MirrorRecord } from '../shared/mirror-cookie.js';

/** `auto` (the widest domain the browser accepts), `none` (this host only), or a domain such as `example.org`. */
export type CookieDomain = string;

/** Browsers cap a cookie's lifetime at 400 days; Safari caps one written by script at 7 (see docs/server-side.md). */
const MAX_AGE = 400 * 24 * 3600;

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
