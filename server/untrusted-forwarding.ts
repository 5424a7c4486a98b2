// One warning on stderr the first time forwarding headers arrive from a peer the host does not trust: a proxy in front of it without OPTOUT_TRUST_PROXY.
import type { RequestHandler } from 'express';

/** The headers a proxy adds to say what the browser used (the builder's URLs and the form's Origin check depend on it). */
const FORWARDING_HEADERS = ['x-forwarded-proto', 'x-forwarded-host', 'forwarded'] as const;

/** Express's compiled `trust proxy` setting: whether the peer at `address` is a trusted proxy. */
type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Without OPTOUT_TRUST_PROXY the host rightly ignores these headers (any client can send them),
 * but behind a proxy that silently breaks things later: the builder writes `http://` URLs for an
 * `https://` site and the no-JavaScript form refuses posts. Said once per host, then a flag check.
 */
export function warnOnUntrustedForwarding(warn: (line: string) => void = (line) => console.error(line)): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned) {
      const header = FORWARDING_HEADERS.find((name) => req.headers[name] !== undefined);
      const peer = req.socket.remoteAddress ?? 'an unknown address';
      if (header !== undefined && !(req.app.get('trust proxy fn') as TrustProxy)(peer, 0)) {
        warned = true;
        warn(
          `optout-frame: warning: ${header} from ${peer}, which is not a trusted proxy, is ignored; ` +
            'behind a proxy, set OPTOUT_TRUST_PROXY to its address (e.g. loopback), or the builder writes http:// URLs ' +
            'and the no-JavaScript form refuses posts (said once)',
        );
      }
    }
    next();
  };
}
