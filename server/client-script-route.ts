// GET /client.js: the client library as a classic script, loaded by other sites' pages.
import express, { type Router } from 'express';
import { compressedFile } from './hashed-assets.js';

/** Not content-hashed (sites paste its URL), so browsers keep it briefly and then revalidate. */
const CLIENT_MAX_AGE_SECONDS = 5 * 60;

export function clientScriptRoute(publicDir: URL): Router {
  const router = express.Router();
  // Compressed once at start-up (brotli, gzip): every page of an embedding site loads it.
  router.get('/client.js', compressedFile(new URL('client.js', publicDir).pathname, CLIENT_MAX_AGE_SECONDS));
  return router;
}
