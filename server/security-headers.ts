// Response headers for every route through helmet: CSP with a per-response nonce and frame-ancestors.
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { HostConfig } from './config.js';

/** Gives each response a fresh nonce (`res.locals.cspNonce`) for its inline `<style>`. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
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
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // The demo host is plain http on loopback; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  });
}
