// Matomo's first-party opt-out cookie (`mtm_consent_removed`, its value the opt-out's time in ms), read as one more record of the site's mirror.
import { cookieValues, type MirrorRecord } from '../shared/mirror-record.js';

/** Written by Matomo's optOutJS and by matomo.js's `optUserOut`; `forgetUserOptOut` deletes it. */
const MATOMO_OPT_OUT = 'mtm_consent_removed';

/**
 * The opt-out Matomo recorded on this site, as a choice confirmed when it was made: the mirror's
 * `fresher` rule then lets a newer click (an opt-in confirmed later) win over it, and an older
 * or absent frame choice is restored from it (mirrorRestoresOptOut).
 */
export function readMatomoOptOut(): MirrorRecord | undefined {
  try {
    const times = cookieValues(document.cookie, MATOMO_OPT_OUT)
      .map(Number)
      .filter((ms) => Number.isFinite(ms) && ms > 0);
    if (times.length === 0) return undefined;
    return { state: { optedOut: true, reason: 'choice' }, confirmedAt: Math.floor(Math.max(...times) / 1000) };
  } catch {
    return undefined;
  }
}

/**
 * The visitor opted back in: delete Matomo's cookie too, so a matomo.js on this site (without
 * the adapter) does not keep them opted out. Matomo may have written it for the host or any
 * parent domain; expiring each is harmless where there is none.
 */
export function clearMatomoOptOut(): void {
  try {
    if (!document.cookie.includes(MATOMO_OPT_OUT)) return;
    const labels = location.hostname.split('.');
    const domains = [undefined, ...labels.map((_, i) => labels.slice(i).join('.'))];
    for (const domain of domains) {
      document.cookie = `${MATOMO_OPT_OUT}=; Path=/; Max-Age=0${domain ? `; Domain=${domain}` : ''}`;
    }
  } catch {
    // A sandboxed page: nothing to clear.
  }
}
