// Response headers for every route through helmet: CSP with a per-response nonce and frame-ancestors.
import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { HostConfig } from './config.js';

/**
 * 128-bit nonces cut from a pool of random bytes refilled 256 nonces at a time: one
 * `getrandom` call per 256 responses instead of one each. Every byte is used once.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;
export function nextNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  nonceOffset += NONCE_BYTES;
  return noncePool.toString('base64', nonceOffset - NONCE_BYTES, nonceOffset);
}

/** Gives each response a fresh nonce (`res.locals.cspNonce`) for its inline `<style>`. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = nextNonce();
  next();
};

/** The `'nonce-…'` source of this response, for helmet's per-response directives. */
function nonceSource(_req: IncomingMessage, res: ServerResponse): string {
  return `'nonce-${String((res as Response).locals.cspNonce)}'`;
}

/**
 * Applied before every route, so 400, 403 and 404 answers carry the same protection as the frame.
 * Each directive names only what the frame and the host's own pages load.
 */
export function securityHeaders(config: HostConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        // Inline script or style only with this response's nonce; no eval, no attributes.
        scriptSrc: ["'self'", nonceSource],
        styleSrc: ["'self'", nonceSource],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The builder previews the real frame from this host.
        frameSrc: ["'self'"],
        // The no-JS form may only post back to this host.
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        // Who may embed the frame: the allowed origins (and the host's own pages, such as the
        // embed-code builder's preview), or anyone when none are configured.
        frameAncestors: config.allowedOrigins.length > 0 ? ["'self'", ...config.allowedOrigins] : ['*'],
      },
    },
    // frame-ancestors supersedes X-Frame-Options, and any X-Frame-Options value would forbid
    // the cross-site embedding this host exists for.
    xFrameOptions: false,
    // The client script and the frame are loaded by other sites on purpose.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    // COOP only acts on top-level documents; a Storage Access pop-up must keep its opener.
    crossOriginOpenerPolicy: false,
    // The embedding page's address is nobody's business: nothing loaded from here gets it.
    referrerPolicy: { policy: 'no-referrer' },
    // The demo host is plain http on loopback; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  });
}

/** For answers that must never be stored or reused: errors, redirects, refusals. */
export function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}
