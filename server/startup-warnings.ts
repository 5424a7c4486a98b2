// What a start-up configuration means for visitors, said once when `optout-frame` starts: plain HTTP off this machine, and no allowed origins.
import type { HostConfig } from './config/index.js';

/** Interfaces only this machine reaches: a browser treats `http://` on them as secure, so the cookie works there. */
function isLoopback(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * One line per setting that works but is rarely what production wants. Plain HTTP is fine on
 * loopback (development, or a TLS proxy on the same machine) and when `OPTOUT_TRUST_PROXY` says
 * a proxy in front terminates TLS.
 */
export function startupWarnings(config: HostConfig): string[] {
  const warnings: string[] = [];
  if (!config.tls && config.trustProxy.length === 0 && !isLoopback(config.host)) {
    warnings.push(
      `serving plain HTTP on ${config.host}: browsers drop the opt-out cookie (it is Secure) except on localhost, so visitors' choices are not kept; ` +
        'set OPTOUT_TLS_CERT and OPTOUT_TLS_KEY, or put a TLS proxy in front and set OPTOUT_TRUST_PROXY',
    );
  }
  if (config.allowedOrigins.length === 0) {
    warnings.push(
      'OPTOUT_ALLOWED_ORIGINS is not set: any site may embed the frame and talk to it (ask for the choice, opt visitors out); ' +
        "set it to your site's origins, e.g. https://example.org,https://www.example.org",
    );
  }
  return warnings;
}
