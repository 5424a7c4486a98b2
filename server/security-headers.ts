// The host's security headers, from the rules in header-rules.ts: the host-wide ones on every route, and each document's own CSP (inline parts allowed by hash).
import type { RequestHandler, Response } from 'express';
import type { HostConfig } from './config/index.js';
import {
  everyAnswerHeaders,
  documentPolicy as documentPolicyFor,
  hostDirectives,
  policyText,
  type DocumentSources,
} from './header-rules.js';

/** The host-wide policy with `styleSrc` added to its `style-src` (the builder's inline style). */
export function hostPolicy(config: HostConfig, styleSrc: readonly string[]): string {
  const directives = hostDirectives(config.allowedOrigins);
  return policyText({ ...directives, 'style-src': [...(directives['style-src'] ?? []), ...styleSrc] });
}

/** One document's own policy (see header-rules.ts), for the host's allowed origins. */
export function documentPolicy(config: HostConfig, sources: DocumentSources): string {
  return documentPolicyFor(config.allowedOrigins, sources);
}

/** Applied before every route: the same list for every request, worked out once. */
export function securityHeaders(config: HostConfig): RequestHandler {
  const headers = [['Content-Security-Policy', policyText(hostDirectives(config.allowedOrigins))], ...everyAnswerHeaders] as const;
  return (_req, res, next) => {
    // A site mounting the host may have set it; it names the software to anyone who asks.
    res.removeHeader('X-Powered-By');
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** For answers that must never be stored or reused: errors, redirects, refusals. */
export function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}
