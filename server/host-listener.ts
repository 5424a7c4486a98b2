// The host as `npm start` and `server/main.ts` run it: the Express app, with repeat page requests answered before Express.
import type { RequestListener } from 'node:http';
import type { Express } from 'express';
import { createOptOutHost, type HostOptions } from './app.js';
import type { HostConfig } from './config.js';
import { enablePageReplay, replayPage } from './html-response.js';

/**
 * Express 5 costs more per request than rendering the frame does (on this project's bench, a
 * bare `node:http` server answers about three times as many requests as an empty Express
 * route). So a GET the app has already answered — same URL, same headers its `Vary` names —
 * is replayed from memory with a fresh CSP nonce: the same bytes Express would send, every
 * security header included. Anything else, and every first request, goes through Express.
 * Sites that mount `createOptOutHost()` in their own Express app get the Express path only.
 */
export function createHostListener(config: HostConfig, options: HostOptions = {}): RequestListener & { readonly app: Express } {
  const app = createOptOutHost(config, options);
  enablePageReplay(app);
  const listener: RequestListener = (req, res) => {
    if (!replayPage(app, req, res)) app(req, res);
  };
  return Object.assign(listener, { app });
}
