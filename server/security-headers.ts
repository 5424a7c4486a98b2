// The host-wide security headers of header-rules.ts on every route (a document replaces the CSP with its own), and no-store for answers never to be reused.
import type { RequestHandler, Response } from 'express';
import type { HostConfig } from './config/index.js';
import { everyAnswerHeaders, hostDirectives, policyText } from './header-rules.js';

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
