// GET /client.js: the client library as a classic script, loaded by other sites' pages.
import express, { type Router } from 'express';

/** Not content-hashed (sites paste its URL), so browsers keep it briefly and then revalidate. */
const CLIENT_MAX_AGE_SECONDS = 5 * 60;

export function clientScriptRoute(publicDir: URL): Router {
  const router = express.Router();
  const file = new URL('client.js', publicDir).pathname;
  router.get('/client.js', (_req, res, next) => {
    // Cross-Origin-Resource-Policy: cross-origin comes from the security headers for every route.
    res.sendFile(
      file,
      { maxAge: CLIENT_MAX_AGE_SECONDS * 1000, lastModified: true, etag: true },
      (error) => error && next(error),
    );
  });
  return router;
}
