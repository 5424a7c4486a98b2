// The host's rendered documents (frame, bridge, builder), each compressed once, in one cache bounded by the bytes it holds.
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { compress, ON_REQUEST_QUALITY, preferredEncoding, type Compressed } from './compressed.js';

/** A document as its route renders it: the page and the CSP that allows its inline parts by hash. */
export interface RenderedDocument {
  readonly html: string;
  readonly csp: string;
  /** Brotli's quality: `ON_REQUEST_QUALITY` unless the route's variants are few (see compressed.ts). */
  readonly quality?: number;
}

interface CachedDocument {
  readonly csp: string;
  readonly body: Compressed;
}

/** What an entry holds in memory: its key, policy and body hash (two bytes a character) and every encoding of its body. */
export function documentBytes(key: string, { csp, body }: CachedDocument): number {
  return (key.length + csp.length + body.hash.length) * 2 + body.identity.length + body.br.length + body.gzip.length;
}

/**
 * Visitors choose query strings and header values, so the cache is bounded by the memory it
 * holds, not by what it is asked: the least recently used documents go first. A handful of
 * documents is what real traffic asks for; a flood of made-up variants only pushes itself out.
 */
const MAX_BYTES = 8 * 1024 * 1024;

/** The document `key` names, rendered and compressed on first use; `key` must name every input of `render`. */
export interface DocumentCache {
  (key: string, render: () => RenderedDocument): CachedDocument;
  /** The entries held now, for measuring the bound. */
  entries(): Iterable<[string, CachedDocument]>;
}

/** A document is the same bytes for the same inputs (no nonces: inline parts are allowed by hash), so it is worth keeping. */
export function documentCache(maxBytes = MAX_BYTES): DocumentCache {
  const cache = new LRUCache<string, CachedDocument>({
    maxSize: maxBytes,
    sizeCalculation: (document, key) => documentBytes(key, document),
  });
  const get = (key: string, render: () => RenderedDocument): CachedDocument => {
    let document = cache.get(key);
    if (document === undefined) {
      const { html, csp, quality = ON_REQUEST_QUALITY } = render();
      document = { csp, body: compress(Buffer.from(html, 'utf8'), quality) };
      cache.set(key, document);
    }
    return document;
  };
  return Object.assign(get, { entries: () => cache.entries() as Iterable<[string, CachedDocument]> });
}

/** Sends a cached document with its CSP in the encoding the request takes; with the ETag set first, res.send answers a 304 and HEAD. */
export function sendDocument(req: Request, res: Response, { csp, body }: CachedDocument): void {
  const encoding = preferredEncoding(req);
  // setHeader, not res.set: its content-type parsing costs each frame request instructions for a constant.
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('ETag', `"${body.hash}-${encoding ?? 'identity'}"`);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // A 304 carries no representation metadata (RFC 9110): Express drops the type and length, the encoding is ours to leave off.
  if (encoding && !req.fresh) res.setHeader('Content-Encoding', encoding);
  res.send(encoding ? body[encoding] : body.identity);
}
