// Response headers for every route through helmet: CSP with a per-response nonce and frame-ancestors.
import { randomFillSync } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { HostConfig } from './config.js';

/**
 * 128-bit nonces cut from a pool of random bytes refilled 256 nonces at a time: one
 * `getrandom` call per 256 responses instead of one each. Every byte is used once.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;
function nextNonce(): string {
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

export function securityHeaders(config: HostConfig): RequestHandler {
  const nonce = (_req: unknown, res: unknown) =>
    `'nonce-${String((res as { locals: { cspNonce: string } }).locals.cspNonce)}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'", nonce],
        styleSrc: ["'self'", nonce],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        // Who may embed the frame: the allowed origins, or anyone when none are configured.
        frameAncestors: config.allowedOrigins.length > 0 ? [...config.allowedOrigins] : ['*'],
      },
    },
    // frame-ancestors supersedes X-Frame-Options, and any X-Frame-Options value would forbid
    // the cross-site embedding this host exists for.
    xFrameOptions: false,
    // The client script and the frame are loaded by other sites on purpose.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // The demo host is plain http on loopback; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  });
}
