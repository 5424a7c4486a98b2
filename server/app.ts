// createOptOutHost(): the Express app of the opt-out host, built without listening so tests and sites can mount it.
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { loadAssets, publicDir, type HostOptions } from './assets.js';
import { bridgeRoutes } from './bridge-routes.js';
import { builderRoutes } from './builder-routes.js';
import { builtFiles } from './built-files.js';
import type { HostConfig } from './config/index.js';
import { documentCache } from './document-cache.js';
import { renderErrorPage } from './error-page.js';
import { ParamError } from '../widget/shared/frame-params.js';
import { cacheControl, documentOnlyHeaders } from './header-rules.js';
import { matomoRoutes } from './matomo-routes.js';
import { optOutRoutes } from './optout-routes.js';
import { buildProfiles, requestProfile } from './site-profiles.js';
import { noStore, securityHeaders } from './security-headers.js';
import { warnOnUntrustedForwarding } from './untrusted-forwarding.js';

/** The answer to a request the host refuses (a 4xx), or undefined for its own failure. */
function refusal(error: unknown): readonly [status: number, title: string, detail: string] | undefined {
  if (error instanceof ParamError) return [400, 'Invalid parameter', error.message];
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  return status >= 400 && status < 500 ? [status, 'Bad request', 'The request could not be understood.'] : undefined;
}

export function createOptOutHost(config: HostConfig, options: HostOptions = {}): Express {
  const dir = options.publicDir ?? publicDir;
  const assets = options.assets ?? loadAssets(dir);
  // The top level and every OPTOUT_CONFIG site, worked out once: routes pick one per request.
  const profiles = buildProfiles(config);
  // One bound for every rendered document of this host (frame, bridge, builder).
  const documents = documentCache();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind a TLS proxy, req.protocol (the form's same-origin check, the builder's embed code)
  // comes from X-Forwarded-Proto, but only when the proxy's own address is one configured.
  if (config.trustProxy.length > 0) app.set('trust proxy', config.trustProxy);

  // Before the document headers: a script needs only its own few (header-rules.ts's assetHeaders).
  app.use('/assets', builtFiles(fileURLToPath(new URL('assets/', dir)), cacheControl.hashedAsset));
  app.use(securityHeaders(config));
  app.use(warnOnUntrustedForwarding());
  // Each route module adds its routes to the app itself (no router: a second dispatch per request).
  // The frame first: every layer before it costs each of its requests a match.
  const frame = optOutRoutes(app, config, profiles, assets, documents);
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('text').send('ok');
  });
  bridgeRoutes(app, profiles, assets, dir, documents);
  builderRoutes(app, config, profiles, assets, documents);
  // The same script for every profile (it reads `site=` from its own URL); an unknown one is a 400.
  const knownSite: RequestHandler = (req, res, next) => {
    requestProfile(profiles, req.query);
    // A script, not a document: the host-wide document headers do nothing on it (a 400 keeps them).
    for (const name of documentOnlyHeaders) res.removeHeader(name);
    next();
  };
  app.get('/client.js', knownSite, builtFiles(fileURLToPath(dir), cacheControl.clientScript));
  matomoRoutes(app, frame, profiles, dir);
  // Order matters: the 404 comes after every route, and the error handler last, so it also
  // catches what the 404 and the routes throw.
  app.use((_req, res) => {
    noStore(res).status(404).type('html').send(renderErrorPage('Not found', 'There is nothing at this address.'));
  });
  const onError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    // A client that went away, or an answer already on its way: nothing more can be sent.
    if (res.headersSent) return next(error);
    // A refused request changes nothing: no cookie from a half-handled route, nothing cached.
    res.removeHeader('Set-Cookie');
    const [status, title, detail] = refusal(error) ?? [500, 'Server error', 'Something went wrong on our side.'];
    if (status === 500) console.error(error);
    noStore(res).status(status).type('html').send(renderErrorPage(title, detail));
  };
  app.use(onError);
  return app;
}
