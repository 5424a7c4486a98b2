// A hostile site for abuse tests: plain pages on http://localhost:<free port> (same site as the demo, another origin), no CSP.
import type { AddressInfo } from 'node:net';
import { close, listen } from '../server/listen.js';

export interface HostileSite {
  /** e.g. http://localhost:41234 */
  readonly origin: string;
  /** Serves `html` at `path` from now on. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

/**
 * localhost, like the demo, so the browser files the frame's partitioned cookie under the same
 * top-level site: what a page of this site does to the frame, the demo's visitor would see.
 */
export async function startHostileSite(): Promise<HostileSite> {
  const pages = new Map<string, string>();
  const server = await listen(
    (req, res) => {
      const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html ?? 'not found');
    },
    0,
    'localhost',
  );
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head><body>${html}</body></html>`);
      return `${origin}${path}`;
    },
    close: () => close(server, 0),
  };
}
