// `optout-frame/request`: is the visitor opted out, as the site's own server sees a request (Sec-GPC, the `optout_state` cookie)? No dependencies: Node, Deno, Bun, edge runtimes.
import { headerSendsGpc } from '../widget/shared/gpc.js';
import { cookieValues, mergeMirrors, MIRROR_COOKIE, parseMirror } from '../widget/shared/mirror-cookie.js';

/** Request headers: a Fetch `Headers`, or an object of them as Node's `IncomingMessage.headers` (repeats as arrays) or a plain object. */
export type RequestHeaders = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A Fetch `Request` (Next.js, Deno, Bun, Workers), a Node `IncomingMessage` (Express), or the headers alone. */
export type OptOutRequest = { readonly headers: RequestHeaders } | RequestHeaders;

export { MIRROR_COOKIE };

/**
 * `true`: the browser sends Global Privacy Control (`Sec-GPC: 1`), or the `optout_state` cookie
 * says opted out (`1:…`); `false`: the cookie says opted in (`0:…`); `undefined`: nothing known
 * (no cookie yet, a value not in the client's form, or one gone: Safari drops script-written cookies after 7 days), so the site's
 * default applies. Of several `optout_state` cookies (a host-only and a domain one), any that says
 * opted out wins: a sibling subdomain can write a domain cookie, and no page may opt a visitor in.
 */
export function optedOut(request: OptOutRequest): boolean | undefined {
  const headers = headersOf(request);
  if (headerSendsGpc(header(headers, 'sec-gpc'))) return true;
  // The client's own rule (widget/shared/mirror-cookie.ts): its strict form, and the opt-out of copies that disagree.
  const values = cookieValues(header(headers, 'cookie'), MIRROR_COOKIE);
  return values.map(parseMirror).reduce(mergeMirrors, undefined)?.state.optedOut;
}

/** The headers of a request, or the argument itself when it is the headers (a Headers, or an object without a `headers` object). */
function headersOf(request: OptOutRequest): RequestHeaders {
  const inner = (request as { headers?: unknown }).headers;
  return typeof inner === 'object' && inner !== null ? (inner as RequestHeaders) : (request as RequestHeaders);
}

/** One header's value, `''` when absent; names are matched without regard to case, repeats joined as the protocol joins them. */
function header(headers: RequestHeaders, name: string): string {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? '';
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') values.push(item);
  }
  return values.join(name === 'cookie' ? '; ' : ', ');
}
