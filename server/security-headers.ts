// Response headers for every route through helmet, and each document's own CSP: inline parts allowed by hash, frame-ancestors.
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { HostConfig } from './config/index.js';

/** The CSP source that allows exactly this inline `<style>` or `<script>` text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Who may embed the host's documents: the allowed origins (and the host's own pages, such as the
 * embed-code builder's preview), or anyone when none are configured.
 */
function frameAncestors(config: HostConfig): string[] {
  return config.allowedOrigins.length > 0 ? ["'self'", ...config.allowedOrigins] : ['*'];
}

/** Directive → sources, in the order they are sent. */
type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * The host-wide policy, on every answer (so 400, 403 and 404 carry the same protection as the
 * frame). Each directive names only what the frame and the host's own pages load; inline
 * script or style only by hash (a document adds its own), no eval, no attributes.
 */
function hostDirectives(config: HostConfig): Directives {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    // The builder previews the real frame from this host.
    'frame-src': ["'self'"],
    // The no-JS form may only post back to this host.
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': frameAncestors(config),
  };
}

function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join(';');
}

/** The host-wide policy with `styleSrc` added to its `style-src` (the builder's inline style). */
export function hostPolicy(config: HostConfig, styleSrc: readonly string[]): string {
  const directives = hostDirectives(config);
  return policyText({ ...directives, 'style-src': [...(directives['style-src'] ?? []), ...styleSrc] });
}

/**
 * One document's own policy, sent in place of the host-wide one: a document that loads less is
 * allowed less (the frame loads no images, makes no requests and embeds no frames; the bridge
 * runs one inline script and nothing else), and the shorter header counts on every view. The
 * host-wide `default-src`, `base-uri`, `object-src` and `frame-ancestors` always apply.
 */
export function documentPolicy(
  config: HostConfig,
  directives: { readonly scriptSrc: readonly string[]; readonly styleSrc?: readonly string[]; readonly formAction: readonly string[] },
): string {
  return policyText({
    'default-src': ["'none'"],
    'script-src': directives.scriptSrc,
    ...(directives.styleSrc ? { 'style-src': directives.styleSrc } : {}),
    'form-action': directives.formAction,
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': frameAncestors(config),
  });
}

/** helmet, configured for the host: the host-wide policy and the headers every answer carries. */
function hostHelmet(config: HostConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: hostDirectives(config) },
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

/**
 * Applied before every route. helmet's headers do not depend on the request here (no function
 * in any directive), so they are read from helmet once and set from that list: helmet's chain
 * of seven middlewares cost more per request than the rest of a cached frame answer.
 */
export function securityHeaders(config: HostConfig): RequestHandler {
  const headers: [string, string][] = [];
  // helmet also removes X-Powered-By, which a site mounting the host may have set.
  const removed: string[] = [];
  const recorder = { setHeader: (name: string, value: string) => headers.push([name, value]), removeHeader: (name: string) => removed.push(name) };
  hostHelmet(config)({} as Parameters<RequestHandler>[0], recorder as unknown as Parameters<RequestHandler>[1], () => undefined);
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** For answers that must never be stored or reused: errors, redirects, refusals. */
export function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}
