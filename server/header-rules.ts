// Every security header rule, written once: the host sends them (security-headers.ts) and the static export writes them into _headers, nginx.conf and Caddyfile.

import { createHash } from 'node:crypto';

/** The CSP source that allows exactly this inline `<style>` or `<script>` text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Directive → sources, in the order they are sent. */
export type Directives = Readonly<Record<string, readonly string[]>>;

/** A header name and its value. */
export type Header = readonly [name: string, value: string];

/**
 * Who may embed the frame: the allowed origins (and the origin's own pages, such as the host's
 * embed-code builder preview), or anyone when none are configured.
 */
function frameAncestors(allowedOrigins: readonly string[]): string[] {
  return allowedOrigins.length > 0 ? ["'self'", ...allowedOrigins] : ['*'];
}

export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join(';');
}

/**
 * The host-wide policy, on every answer (so 400, 403 and 404 carry the same protection as the
 * frame). Each directive names only what the frame and the host's own pages load; inline
 * script or style only by hash (a document adds its own), no eval, no attributes.
 */
export function hostDirectives(allowedOrigins: readonly string[]): Directives {
  return {
    // Also forbids plugins: object-src falls back to default-src (CSP Level 3), so it is not repeated.
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
    'frame-ancestors': frameAncestors(allowedOrigins),
  };
}

/** What one document loads, beyond nothing. */
export interface DocumentSources {
  readonly scriptSrc: readonly string[];
  readonly styleSrc?: readonly string[];
  /** The static frame fetches its language's texts from its own origin. */
  readonly connectSrc?: readonly string[];
  readonly formAction?: readonly string[];
}

/**
 * One document's own policy, sent in place of the host-wide one: a document that loads less is
 * allowed less (the frame loads no images and embeds no frames; the bridge runs one inline
 * script and nothing else), and the shorter header counts on every view. The host-wide
 * `default-src` (which also covers plugins, `object-src`), `base-uri` and `frame-ancestors` always apply.
 */
export function documentPolicy(allowedOrigins: readonly string[], sources: DocumentSources): string {
  return policyText({
    'default-src': ["'none'"],
    'script-src': sources.scriptSrc,
    ...(sources.styleSrc ? { 'style-src': sources.styleSrc } : {}),
    ...(sources.connectSrc ? { 'connect-src': sources.connectSrc } : {}),
    ...(sources.formAction ? { 'form-action': sources.formAction } : {}),
    'base-uri': ["'none'"],
    'frame-ancestors': frameAncestors(allowedOrigins),
  });
}

/**
 * Sent with every answer besides the CSP, by the host and the export alike. Not X-Frame-Options:
 * frame-ancestors supersedes it, and any value of it would forbid the cross-site embedding this
 * exists for. Not the legacy headers no current browser acts on (X-XSS-Protection,
 * X-Download-Options, X-Permitted-Cross-Domain-Policies, X-DNS-Prefetch-Control): about 120 bytes
 * on every view of the frame and no protection. COOP and COEP are left out: COOP only acts on
 * top-level documents (a Storage Access pop-up must keep its opener), COEP would block the embedders.
 */
export const everyAnswerHeaders: readonly Header[] = [
  // The client script and the frame are loaded by other sites on purpose.
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  // The embedding page's address is nobody's business: nothing loaded from here gets it.
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
];

/**
 * Headers that act only on a document: a CSP on the document or worker its response creates,
 * `Origin-Agent-Cluster` on the agent cluster a document opens; a script loaded by `<script src>`
 * creates neither. So the scripts (hashed assets, `client.js`) carry the rest, from the host and
 * the export alike, about 330 bytes less each: `nosniff` (run only as the type it is served as),
 * CORP (other sites load it on purpose), Referrer-Policy (a module's imports take it from its response).
 */
export const documentOnlyHeaders: readonly string[] = ['Content-Security-Policy', 'Origin-Agent-Cluster'];

export const assetHeaders: readonly Header[] = everyAnswerHeaders.filter(([name]) => !documentOnlyHeaders.includes(name));

/**
 * HSTS belongs to whatever terminates TLS on the public name (a proxy, a CDN): the host itself
 * often serves plain http on loopback. Turned off by deleting it from the proxy's config.
 */
export const strictTransportSecurity: Header = ['Strict-Transport-Security', 'max-age=31536000'];

/** How long each kind of answer may be reused. */
export const cacheControl = {
  /** Content-hashed file names: a new release is a new name. */
  hashedAsset: `public, max-age=${365 * 24 * 3600}, immutable`,
  /** `client.js` keeps its name across releases, so caches must let a new one in soon. */
  clientScript: 'public, max-age=300',
  /** Documents: revalidated on every view, so a new release or allowed origin applies at once. */
  document: 'no-cache',
} as const;

/** One path pattern of the static export (`*` matches the rest of the path) and the headers its answers carry. */
export interface PathRule {
  readonly path: string;
  readonly headers: readonly Header[];
}

/**
 * The static export's headers by path. `styleHash` is the CSP source of the frame's one inline
 * style (it changes with each release's styles, which is why these files are generated with the
 * export and never copied by hand).
 */
export function staticPathRules(allowedOrigins: readonly string[], styleHash: string): PathRule[] {
  const csp = documentPolicy(allowedOrigins, { scriptSrc: ["'self'"], styleSrc: ["'self'", styleHash], connectSrc: ["'self'"] });
  const documentHeaders: Header[] = [['Content-Security-Policy', csp], ...everyAnswerHeaders, ['Cache-Control', cacheControl.document]];
  return [
    { path: '/optout', headers: documentHeaders },
    { path: '/optout/*', headers: documentHeaders },
    { path: '/assets/*', headers: [...assetHeaders, ['Cache-Control', cacheControl.hashedAsset]] },
    { path: '/client.js', headers: [...assetHeaders, ['Cache-Control', cacheControl.clientScript]] },
  ];
}
