// The `optout_state` cookie the host sets for the site's own domain when it runs under it (OPTOUT_SITE_COOKIE_DOMAIN): server-set, so Safari keeps it past 7 days.
import { encodeMirror, MIRROR_COOKIE } from '../widget/shared/mirror-record.js';

/** Browsers cap a cookie's lifetime at 400 days. */
const MAX_AGE = 400 * 24 * 3600;

/** Whether `hostname` is `domain` or a name under it: elsewhere the browser would refuse the cookie anyway. */
export function hostUnderDomain(hostname: string, domain: string): boolean {
  const name = hostname.toLowerCase();
  return name === domain || name.endsWith(`.${domain}`);
}

/**
 * The client's own mirror value (`1:choice:<seconds>`, confirmed now: the host is where the
 * choice lives) with the attributes the client gives it, so it replaces the client's cookie of
 * the same name, `Domain` and `Path` instead of standing beside it. `SameSite=Lax`: the browser
 * stores it only where the frame is same-site with the page, which is what this setting is for.
 */
export function siteStateCookie(domain: string, optedOut: boolean, now = Date.now()): string {
  const value = encodeMirror({ state: { optedOut, reason: 'choice' }, confirmedAt: Math.floor(now / 1000) });
  return `${MIRROR_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax; Secure; Domain=${domain}`;
}
