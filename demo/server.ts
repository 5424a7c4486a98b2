// The demo site: static pages served on their own site, pointing at wherever the opt-out host runs.
import { readFile } from 'node:fs/promises';
import express, { type Express } from 'express';
import { trackerDemoRoutes } from './tracker-routes.js';

/** The host URL written in the demo pages, exactly as a site owner would paste it. */
const PASTED_HOST_ORIGIN = 'http://127.0.0.1:3000';

const demoDir = new URL('./', import.meta.url);

export interface DemoOptions {
  /** Where the opt-out host really runs (differs from the pasted one when PORT is changed). */
  readonly hostOrigin: string;
}

export function createDemoApp({ hostOrigin }: DemoOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const sendPage =
    (file: string): express.RequestHandler =>
    async (_req, res, next) => {
      try {
        const page = await readFile(new URL(file, demoDir), 'utf8');
        res.set('Cache-Control', 'no-cache').type('html').send(page.replaceAll(PASTED_HOST_ORIGIN, hostOrigin));
      } catch (error) {
        next(error);
      }
    };
  app.get(['/', '/index.html'], sendPage('index.html'));
  app.get(['/privacy', '/privacy.html'], sendPage('privacy.html'));
  app.get(['/shop', '/shop.html'], sendPage('shop.html'));
  app.use(trackerDemoRoutes(sendPage, (html) => html.replaceAll(PASTED_HOST_ORIGIN, hostOrigin)));
  app.get('/styles.css', (_req, res) => res.sendFile(new URL('styles.css', demoDir).pathname));
  return app;
}
