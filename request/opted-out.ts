// `optout-frame/request`: is the visitor opted out, as the site's own server sees a request (Sec-GPC, the `optout_state` cookie)? No dependencies: Node, Deno, Bun, edge runtimes.
import { headerSendsGpc } from '../widget/shared/gpc.js';
import { MIRROR_COOKIE } from '../widget/shared/mirror-record.js';
import { requestHeader, requestMirror, type OptOutRequest } from './request-mirror.js';

export type { OptOutRequest, RequestHeaders } from './request-mirror.js';
export { optOutCookie, type OptOutCookieOptions } from './opt-out-cookie.js';
export { MIRROR_COOKIE };

/**
 * `true`: the browser sends Global Privacy Control (`Sec-GPC: 1`), or the `optout_state` cookie
 * says opted out (`1:…`); `false`: the cookie says opted in (`0:…`); `undefined`: nothing known
 * (no cookie yet, a value not in the client's form, or one gone: Safari drops script-written cookies after 7 days), so the site's
 * default applies. Of several `optout_state` cookies (a host-only and a domain one), any that says
 * opted out wins: a sibling subdomain can write a domain cookie, and no page may opt a visitor in.
 */
export function optedOut(request: OptOutRequest): boolean | undefined {
  if (headerSendsGpc(requestHeader(request, 'sec-gpc'))) return true;
  return requestMirror(request)?.state.optedOut;
}
