// Serves the content-hashed build assets from memory: compressed once at start-up (brotli, gzip), cached immutable.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RequestHandler } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cacheControl } from './header-rules.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** One asset in each encoding, with the complete header list of each answer. */
type Variants = Readonly<Record<Encoding, { readonly body: Buffer; readonly headers: readonly string[] }>>;

/**
 * The headers a script or stylesheet needs. Helmet's document headers (CSP, Origin-Agent-Cluster,
 * X-XSS-Protection, X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies)
 * govern documents, not a script a document loads, so they are left off here: about 450 bytes
 * less on every first view. What acts on a script stays: `nosniff` (it is only ever run as the
 * type it is served as), CORP (other sites load it on purpose), and Referrer-Policy (a module's
 * own imports take their referrer policy from its response).
 */
function assetHeaders(type: string, encoding: Encoding, length: number, cacheControl: readonly string[]): string[] {
  return [
    'Cross-Origin-Resource-Policy', 'cross-origin',
    'Referrer-Policy', 'no-referrer',
    'X-Content-Type-Options', 'nosniff',
    ...cacheControl,
    'Content-Type', type,
    'Vary', 'Accept-Encoding',
    ...(encoding === 'identity' ? [] : ['Content-Encoding', encoding]),
    'Content-Length', String(length),
  ];
}

// The name changes whenever the content does: never revalidate, so a repeat view asks nothing.
const IMMUTABLE = ['Cache-Control', cacheControl.hashedAsset];

/** `raw` in each encoding, compressed as hard as it goes: this runs once per file or document. */
export function compressOnce(raw: Buffer): Readonly<Record<Encoding, Buffer>> {
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  return { br, gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }), identity: raw };
}

function compressAll(file: string, cacheHeader: readonly string[] = IMMUTABLE): Variants {
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const bodies = compressOnce(readFileSync(file));
  const variant = (encoding: Encoding) => ({ body: bodies[encoding], headers: assetHeaders(type, encoding, bodies[encoding].length, cacheHeader) });
  return { br: variant('br'), gzip: variant('gzip'), identity: variant('identity') };
}

/** Whether an `If-None-Match` value names `tag` (weak or strong: a GET compares weakly). */
export function etagMatches(ifNoneMatch: string | undefined, tag: string): boolean {
  return ifNoneMatch !== undefined && ifNoneMatch.split(',').some((entry) => entry.trim().replace(/^W\//, '') === tag);
}

/** brotli, else gzip, else the file as it is; memoised by header value (browsers send few). */
const chosen = new Map<string, Encoding>();
export function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  let encoding = chosen.get(accept);
  if (encoding === undefined) {
    const offered = new Set(
      accept
        .toLowerCase()
        .split(',')
        .filter((entry) => !/;\s*q=0(\.0{0,3})?\s*$/.test(entry))
        .map((entry) => entry.split(';')[0]?.trim()),
    );
    encoding = offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : 'identity';
    if (chosen.size < 64) chosen.set(accept, encoding);
  }
  return encoding;
}

/**
 * Mounted at `/assets`. Reads and compresses every file of `dir` once (a few small files), so a
 * request costs a map lookup. Unknown names fall through to the host's 404.
 */
export function hashedAssets(dir: string): RequestHandler {
  const assets = new Map<string, Variants>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No build yet: every asset is a 404 until there is one.
  }
  for (const name of names) assets.set(`/${name}`, compressAll(join(dir, name)));

  return (req, res, next) => {
    const variants = req.method === 'GET' || req.method === 'HEAD' ? assets.get(req.path) : undefined;
    if (!variants) {
      next();
      return;
    }
    const { body, headers } = variants[chooseEncoding(req.headers['accept-encoding'])];
    res.writeHead(200, headers as string[]);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** A flat header list without the headers that describe a body (for a 304). */
function withoutBodyHeaders(headers: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    if (!/^content-(length|encoding|type)$/i.test(name)) kept.push(name, headers[i + 1]!);
  }
  return kept;
}

/**
 * One file under a fixed name (e.g. `/client.js`, which sites paste): compressed once like the
 * hashed assets, but cached as `cacheControlValue` says and then revalidated by its ETag (one per encoding).
 * A missing file falls through to the host's 404.
 */
export function compressedFile(file: string, cacheControlValue: string): RequestHandler {
  let variants: Variants | undefined;
  let etag = '';
  try {
    const raw = readFileSync(file);
    etag = createHash('sha256').update(raw).digest('base64url').slice(0, 22);
    variants = compressAll(file, ['Cache-Control', cacheControlValue]);
  } catch {
    // No build yet.
  }
  return (req, res, next) => {
    if (!variants || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const tag = `"${etag}-${encoding}"`;
    const { body, headers } = variants[encoding];
    if (etagMatches(req.headers['if-none-match'], tag)) {
      // Not modified: the caching headers and the validator again, nothing about a body.
      res.writeHead(304, [...withoutBodyHeaders(headers), 'ETag', tag]);
      res.end();
      return;
    }
    res.writeHead(200, [...headers, 'ETag', tag]);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
