// The host as a library: `import { createOptOutHost, loadConfig } from 'optout-frame/server'`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOptOutHost as createExpressHost } from './app.js';
import type { HostOptions } from './assets.js';
import type { HostConfig } from './config/index.js';

export { loadConfig, ConfigError, type HostConfig } from './config/index.js';
export { loadAssets, type FrameAssets, type HostOptions } from './assets.js';

/**
 * The host as a request handler: `site.use(host)` in an Express app, or
 * `http.createServer(host)`, given Node's request and response. Declared by shape rather than as
 * Express's `Express` or with Node's `IncomingMessage`, so the package's types need neither
 * `@types/express` (a devDependency here) nor `@types/node` in a user's project (a strict one
 * with `"types": []` compiles), nor tie a site to our version of them. At run time it is the Express app.
 */
export interface OptOutHost {
  (req: object, res: object, next?: (error?: unknown) => void): void;
}

/** The opt-out host, built without listening, serving the installed package's built assets. */
export function createOptOutHost(config: HostConfig, options?: HostOptions): OptOutHost {
  // Express's own signature, with Node's request types; the declared one leaves them out on purpose (the same function).
  const app: (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void = createExpressHost(config, options);
  return app as OptOutHost;
}
