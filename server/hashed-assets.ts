// The built files the host serves from memory, precompressed by `npm run build`: the content-hashed assets (immutable) and /client.js.
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RequestHandler } from 'express';
import { readPrecompressed, SUFFIXES, sendCompressed, type Compressed } from './compressed.js';
import { assetHeaders, cacheControl } from './header-rules.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The asset headers of every path (header-rules.ts), and `Vary`: the host picks the encoding itself. */
const ASSET_HEADERS = { ...Object.fromEntries(assetHeaders), Vary: 'Accept-Encoding' };

interface ServedFile {
  readonly body: Compressed;
  readonly type: string;
}

/** A built file, or undefined when there is no build yet (a 404 until there is one). */
function load(file: string): ServedFile | undefined {
  try {
    return { body: readPrecompressed(file), type: contentTypes[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** Sends `found` with `cacheHeader` as its Cache-Control, or falls through to the host's 404. */
function serve(found: ServedFile | undefined, cacheHeader: string): RequestHandler {
  return (req, res, next) => {
    if (!found) {
      next();
      return;
    }
    res.set(ASSET_HEADERS).set('Cache-Control', cacheHeader);
    sendCompressed(req, res, found.body, found.type);
  };
}

/** Mounted at `/assets`: every file of `dir`, a few small ones (their compressed copies are not served by name). */
export function hashedAssets(dir: string): RequestHandler {
  const files = new Map<string, RequestHandler>();
  try {
    for (const name of readdirSync(dir)) {
      if (!Object.values(SUFFIXES).some((suffix) => name.endsWith(suffix)))
        files.set(`/${name}`, serve(load(join(dir, name)), cacheControl.hashedAsset));
    }
  } catch {
    // No build yet.
  }
  return (req, res, next) => {
    const handler = req.method === 'GET' || req.method === 'HEAD' ? files.get(req.path) : undefined;
    if (handler) handler(req, res, next);
    else next();
  };
}

/** One file under a fixed name (e.g. `/client.js`, which sites paste): cached as `cacheControlValue` says, then revalidated by its ETag. */
export function compressedFile(file: string, cacheControlValue: string): RequestHandler {
  return serve(load(file), cacheControlValue);
}
