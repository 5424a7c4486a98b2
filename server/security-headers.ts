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
export function nonceSource(_req: IncomingMessage, res: ServerResponse): string {
  return `'nonce-${String((res as Response).locals.cspNonce)}'`;
}

/**
 * Who may embed the host's documents: the allowed origins (and the host's own pages, such as the
 * embed-code builder's preview), or anyone when none are configured.
 */
function frameAncestors(config: HostConfig): string[] {
  return config.allowedOrigins.length > 0 ? ["'self'", ...config.allowedOrigins] : ['*'];
}

type Source = string | ((req: IncomingMessage, res: ServerResponse) => string);

/**
 * One document's own policy, set by its route in place of the host-wide one above: a document
 * that loads less is allowed less (the frame loads no images, makes no requests and embeds no
 * frames; the bridge runs one inline script and nothing else), and the shorter header counts
 * on every view. Built by helmet too; the host-wide `default-src`, `base-uri`, `object-src`
 * and `frame-ancestors` always apply.
 */
export function documentPolicy(
  config: HostConfig,
  directives: { readonly scriptSrc: readonly Source[]; readonly styleSrc?: readonly Source[]; readonly formAction: readonly string[] },
): (req: IncomingMessage, res: ServerResponse) => void {
  const policy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: [...directives.scriptSrc],
      ...(directives.styleSrc ? { styleSrc: [...directives.styleSrc] } : {}),
      formAction: [...directives.formAction],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: frameAncestors(config),
    },
  });
  // helmet's middleware sets the header and calls next() at once.
  return (req, res) => policy(req, res, () => undefined);
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
        frameAncestors: frameAncestors(config),
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
    // Legacy headers no current browser acts on (IE8 downloads, Flash/Acrobat policies, the
    // removed XSS auditor, DNS prefetch of links the frame does not have): about 120 bytes on
    // every view of the frame, and no protection. CSP and nosniff do the real work.
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
  });
}

/** For answers that must never be stored or reused: errors, redirects, refusals. */
export function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}
