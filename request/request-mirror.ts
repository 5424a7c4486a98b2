// The headers of a request as optout-frame/request takes it, and the `optout_state` record it carries, read by the client's own rule.
import { cookieValues, mergeMirrors, MIRROR_COOKIE, parseMirror, type MirrorRecord } from '../widget/shared/mirror-record.js';

/** Request headers: a Fetch `Headers`, or an object of them as Node's `IncomingMessage.headers` (repeats as arrays) or a plain object. */
export type RequestHeaders = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A Fetch `Request` (Next.js, Deno, Bun, Workers), a Node `IncomingMessage` (Express), or the headers alone. */
export type OptOutRequest = { readonly headers: RequestHeaders } | RequestHeaders;

/**
 * The `optout_state` record the request carries, by the client's own rule (widget/shared/mirror-record.ts):
 * its strict form, and of several (a host-only and a domain one) the opt-out of copies that disagree.
 */
export function requestMirror(request: OptOutRequest): MirrorRecord | undefined {
  return cookieValues(requestHeader(request, 'cookie'), MIRROR_COOKIE).map(parseMirror).reduce(mergeMirrors, undefined);
}

/** One header's value, `''` when absent; names are matched without regard to case, repeats joined as the protocol joins them. */
export function requestHeader(request: OptOutRequest, name: string): string {
  const headers = headersOf(request);
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? '';
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') values.push(item);
  }
  return values.join(name === 'cookie' ? '; ' : ', ');
}

/** The headers of a request, or the argument itself when it is the headers (a Headers, or an object without a `headers` object). */
function headersOf(request: OptOutRequest): RequestHeaders {
  const inner = (request as { headers?: unknown }).headers;
  return typeof inner === 'object' && inner !== null ? (inner as RequestHeaders) : (request as RequestHeaders);
}
