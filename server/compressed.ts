// The one way the host sends bytes: compressed in the encoding the browser takes, with an ETag, and a 304 through Express's own req.fresh.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A body in each encoding it exists in, and the validator of its content. */
export interface Compressed {
  readonly identity: Buffer;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
  /** The content's hash, worked out once with the body; each encoding's ETag adds the encoding's name. */
  readonly hash: string;
}

/** The server's preference: the smallest first (the browser's own order in Accept-Encoding means nothing). */
const ENCODINGS = ['br', 'gzip'] as const;

function hashOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('base64url').slice(0, 22);
}

/**
 * Brotli's quality for documents rendered while a visitor waits: a query a visitor makes up is a
 * cache miss, and the maximum quality costs about 20 times as much CPU (8 ms against 0.4 ms for
 * a 9 KB page here) for about 10 % fewer bytes. The build's files get the maximum.
 */
export const ON_REQUEST_QUALITY = 5;

/** `raw` in each encoding, brotli at `quality` (the maximum unless given): this runs once per document or file. */
export function compress(
  raw: Buffer,
  quality: number = constants.BROTLI_MAX_QUALITY,
): Compressed & { readonly br: Buffer; readonly gzip: Buffer } {
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  return { identity: raw, br, gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }), hash: hashOf(raw) };
}

/** The file extension each encoding's precompressed copy has (what nginx's gzip_static and brotli_static look for). */
export const SUFFIXES = { br: '.br', gzip: '.gz' } as const;

/** A built file and the copies `npm run build` compressed next to it (`file.br`, `file.gz`); a copy that is missing is not offered. */
export function readPrecompressed(file: string): Compressed {
  const identity = readFileSync(file);
  const copy = (suffix: string) => {
    try {
      return readFileSync(file + suffix);
    } catch {
      return undefined;
    }
  };
  return { identity, br: copy(SUFFIXES.br), gzip: copy(SUFFIXES.gzip), hash: hashOf(identity) };
}

/**
 * Sends `body` as `type` in the best encoding the request accepts (`Vary: Accept-Encoding` is
 * the caller's, with whatever else it varies on): a revalidation that names the ETag gets a 304
 * (Express's `req.fresh`), a HEAD the headers alone.
 */
export function sendCompressed(req: Request, res: Response, body: Compressed, type: string): void {
  const encoding = ENCODINGS.find((name) => body[name] !== undefined && req.acceptsEncodings(name) === name);
  res.setHeader('ETag', `"${body.hash}-${encoding ?? 'identity'}"`);
  if (req.fresh) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const bytes = encoding === undefined ? body.identity : (body[encoding] as Buffer);
  res.setHeader('Content-Type', type);
  if (encoding !== undefined) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
