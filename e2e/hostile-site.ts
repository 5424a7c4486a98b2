// A hostile site for abuse tests: the page server's plain pages on http://localhost:<free port> (same site as the demo, another origin), no CSP.
import { startPageServer, type PageServer } from './test-pages.js';

/** Like a `PageServer`, but `page()` takes only the body and wraps it in a minimal document. */
export type HostileSite = PageServer;

/**
 * localhost, like the demo, so the browser files the frame's partitioned cookie under the same
 * top-level site: what a page of this site does to the frame, the demo's visitor would see.
 */
export async function startHostileSite(): Promise<HostileSite> {
  const server = await startPageServer();
  return {
    ...server,
    page: (path, body) =>
      server.page(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head><body>${body}</body></html>`,
      ),
  };
}
