// Rendered documents, each compressed once (brotli, gzip) and kept in a bounded cache; sent with an ETag, or as a 304.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { chooseEncoding, compressOnce, etagMatches, type Encoding } from './hashed-assets.js';

/** A document as its route renders it: the page and the CSP that allows its inline parts by hash. */
export interface RenderedDocument {
  readonly html: string;
  readonly csp: string;
}

interface CachedDocument {
  readonly csp: string;
  readonly bodies: Readonly<Record<Encoding, Buffer>>;
  /** The page's hash; the ETag adds the encoding, so each body has its own validator. */
  readonly hash: string;
  /** What the entry holds in memory, key included. */
  readonly bytes: number;
}

/**
 * Visitors choose query strings and header values, so the cache is bounded by the memory it
 * holds, not by what it is asked: the least recently used documents go first. A handful of
 * documents is what real traffic asks for; a flood of made-up variants only pushes itself out.
 */
const MAX_BYTES = 8 * 1024 * 1024;

export type DocumentCache = (key: string, render: () => RenderedDocument) => CachedDocument;

/**
 * A document is the same bytes for the same inputs (no nonces: inline parts are allowed by
 * hash), so it is rendered and compressed once per `key`, which must name every input.
 */
export function documentCache(maxBytes = MAX_BYTES): DocumentCache {
  const entries = new Map<string, CachedDocument>();
  let held = 0;
  return (key, render) => {
    const found = entries.get(key);
    if (found) {
      // Most recently used last, so eviction takes the oldest.
      entries.delete(key);
      entries.set(key, found);
      return found;
    }
    const { html, csp } = render();
    const raw = Buffer.from(html, 'utf8');
    const bodies = compressOnce(raw);
    const hash = createHash('sha256').update(raw).update(csp).digest('base64url').slice(0, 22);
    const document = { csp, bodies, hash, bytes: key.length * 2 + csp.length + raw.length + bodies.br.length + bodies.gzip.length };
    entries.set(key, document);
    held += document.bytes;
    for (const [oldKey, old] of entries) {
      if (held <= maxBytes || old === document) break;
      entries.delete(oldKey);
      held -= old.bytes;
    }
    return document;
  };
}

/**
 * Sends a cached document in the encoding the browser takes, with its CSP and ETag; a
 * revalidation that names the ETag gets a 304. Headers set before (Cache-Control, Vary,
 * cookies) are kept, and `Vary` must name what the key depends on.
 */
export function sendDocument(req: Request, res: Response, document: CachedDocument): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const tag = `"${document.hash}-${encoding}"`;
  res.setHeader('Content-Security-Policy', document.csp);
  res.setHeader('ETag', tag);
  if (etagMatches(req.headers['if-none-match'], tag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = document.bodies[encoding];
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
