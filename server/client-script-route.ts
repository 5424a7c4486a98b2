// GET /client.js: the client library as a classic script, loaded by other sites' pages.
import express, { type Router } from 'express';
import { compressedFile } from './hashed-assets.js';
import { cacheControl, documentOnlyHeaders } from './header-rules.js';
import { requestProfile, type Profiles } from './site-profiles.js';

export function clientScriptRoute(profiles: Profiles, publicDir: URL): Router {
  const router = express.Router();
  // The same script for every profile (it reads `site=` from its own URL); an unknown one is a 400.
  const knownSite: express.RequestHandler = (req, res, next) => {
    requestProfile(profiles, req.query);
    // A script, not a document: the host-wide document headers do nothing on it (a 400 keeps them).
    for (const name of documentOnlyHeaders) res.removeHeader(name);
    next();
  };
  // Compressed once at start-up (brotli, gzip): every page of an embedding site loads it.
  router.get('/client.js', knownSite, compressedFile(new URL('client.js', publicDir).pathname, cacheControl.clientScript));
  return router;
}
