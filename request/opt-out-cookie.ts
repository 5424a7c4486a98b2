// optOutCookie(request): the Set-Cookie value with which the site's own server re-issues the client's `optout_state`, so the choice outlives Safari's 7-day limit on script-written cookies.
import { encodeMirror, isCookieDomain, MIRROR_COOKIE } from '../widget/shared/mirror-record.js';
import { requestMirror, type OptOutRequest } from './request-mirror.js';

export interface OptOutCookieOptions {
  /** `Domain` attribute, e.g. `example.org` so every subdomain reads it; host-only when not given. */
  readonly domain?: string;
  /** `Secure` attribute; `true` unless told otherwise (plain-http development). */
  readonly secure?: boolean;
}

/** Browsers cap a cookie's lifetime at 400 days, so the site's server renews it on each visit. */
const MAX_AGE = 400 * 24 * 3600;

/**
 * The `Set-Cookie` value that re-issues the request's `optout_state` from the server: the same
 * state, reason and confirmation, for 400 days, `Path=/`, `SameSite=Lax`, `Secure` unless
 * `secure: false`. `undefined` when there is nothing to keep: no such cookie, or no value in the
 * client's form. Of several, the fresher is kept, as `optedOut` reads them; a confirmation time
 * in the future counts as none there, so it is re-issued without one (the state stands, the
 * client checks it with a frame). Throws `RangeError` when `domain` is not a host name.
 */
export function optOutCookie(request: OptOutRequest, options: OptOutCookieOptions = {}): string | undefined {
  const { domain, secure = true } = options;
  if (domain !== undefined && (domain === 'auto' || domain === 'none' || !isCookieDomain(domain)))
    throw new RangeError(`optOutCookie: domain must be a host name such as example.org, not ${JSON.stringify(domain)}`);
  const record = requestMirror(request);
  if (!record) return undefined;
  const future = record.confirmedAt !== undefined && record.confirmedAt > Date.now() / 1000;
  const value = encodeMirror(future ? { state: record.state } : record);
  return `${MIRROR_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${secure ? '; Secure' : ''}${domain ? `; Domain=${domain}` : ''}`;
}
