// The built files the host serves (the content-hashed assets, /client.js): express.static, sending the brotli or gzip copy `npm run build` left beside a file when the browser takes it.
import { readdirSync } from 'node:fs';
import { extname } from 'node:path';
import express, { type RequestHandler } from 'express';
import { preferredEncoding, SUFFIXES } from './compressed.js';
import { assetHeaders } from './header-rules.js';

/** The asset headers of every path (header-rules.ts), and `Vary`: the host picks the encoding itself. */
const ASSET_HEADERS = { ...Object.fromEntries(assetHeaders), Vary: 'Accept-Encoding' };

/** The files of `dir` (absolute), each cached as `cacheControl` says; what is not there falls through to the host's 404. */
export function builtFiles(dir: string, cacheControl: string): RequestHandler {
  const serve = express.static(dir, {
    index: false,
    redirect: false,
    acceptRanges: false,
    lastModified: false,
    cacheControl: false,
    setHeaders: (res) => res.set(ASSET_HEADERS).set('Cache-Control', cacheControl),
  });
  let names: Set<string>;
  try {
    names = new Set(readdirSync(dir));
  } catch {
    names = new Set(); // No build yet.
  }
  const copies = Object.values(SUFFIXES);
  return (req, res, next) => {
    const name = req.path.slice(1);
    // A copy is sent for its file, never by its own name.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || copies.some((suffix) => name.endsWith(suffix))) return next();
    const encoding = preferredEncoding(req);
    if (encoding && names.has(name + SUFFIXES[encoding])) {
      req.url = `/${name}${SUFFIXES[encoding]}`;
      res.type(extname(name)).set('Content-Encoding', encoding);
    }
    serve(req, res, next);
  };
}
