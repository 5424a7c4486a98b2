// The host's origin as the builder writes it into the embed code: the request's protocol and Host, each taken only when well formed.
import type { Request } from 'express';

/** `name[:port]`: a DNS name or an IPv4 address, or an IPv6 address in brackets; nothing that could end the URL's authority. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** What the builder shows when the Host header is missing or malformed: the site owner sees it is not their host. */
const FALLBACK_HOST = 'localhost';

/**
 * The builder's own origin. Behind a trusted proxy `req.protocol` is `X-Forwarded-Proto`, and the
 * `Host` header is whatever the client sent, so each is checked: a protocol other than `http` or
 * `https` gives the connection's own, a malformed host gives `localhost`, and `warn` is called
 * (the caller logs it once, since a client may send the same every request).
 */
export function builderOrigin(req: Request, warn: (message: string) => void): string {
  const connection = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  let protocol = req.protocol;
  if (protocol !== 'http' && protocol !== 'https') {
    warn(`the builder ignored a forwarded protocol ${JSON.stringify(protocol.slice(0, 64))} (only http and https are used)`);
    protocol = connection;
  }
  let host = req.get('host') ?? FALLBACK_HOST;
  if (!HOST.test(host)) {
    warn(`the builder ignored a malformed Host header ${JSON.stringify(host.slice(0, 64))} (expected name[:port])`);
    host = FALLBACK_HOST;
  }
  return `${protocol}://${host}`;
}

/** A `warn` for `builderOrigin` that writes only its first message to the console: one line per host, not one per request. */
export function warnOnce(
  write: (message: string) => void = (message) => console.warn(`optout-frame: ${message}`),
): (message: string) => void {
  let said = false;
  return (message) => {
    if (said) return;
    said = true;
    write(message);
  };
}
