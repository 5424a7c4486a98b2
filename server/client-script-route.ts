// GET /client.js: the client library as a classic script, loaded by other sites' pages.
import express, { type Router } from 'express';
import { compressedFile } from './hashed-assets.js';
import { requestProfile, type Profiles } from './site-profiles.js';

/** Not content-hashed (sites paste its URL), so browsers keep it briefly and then revalidate. */
const CLIENT_MAX_AGE_SECONDS = 5 * 60;

export function clientScriptRoute(profiles: Profiles, publicDir: URL): Router {
  const router = express.Router();
  // The same script for every profile (it reads `site=` from its own URL); an unknown one is a 400.
  const knownSite: express.RequestHandler = (req, _res, next) => {
    requestProfile(profiles, req.query);
    next();
  };
  // Compressed once at start-up (brotli, gzip): every page of an embedding site loads it.
  router.get('/client.js', knownSite, compressedFile(new URL('client.js', publicDir).pathname, CLIENT_MAX_AGE_SECONDS));
  return router;
}
