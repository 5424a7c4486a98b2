// A plain static file server for tests: given pages, or a folder (as a CDN serves the static export), on a free port.
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { close, listen } from '../server/listen.js';

export interface PageServer {
  /** e.g. http://localhost:41234 */
  readonly origin: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};

/**
 * Serves `pages` (path → HTML) first, then files from `dir`. Like a CDN configured for the
 * static export, a path without an extension is answered from its `index.html`
 * (`/optout` → `/optout/index.html`). No headers beyond the content type and caching.
 */
export async function startPageServer({
  hostname,
  pages = {},
  dir,
}: {
  hostname: 'localhost' | '127.0.0.1';
  pages?: Readonly<Record<string, string>>;
  dir?: string;
}): Promise<PageServer> {
  const server: Server = await listen(
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages[path];
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-cache' }).end(page);
        return;
      }
      if (!dir) {
        res.writeHead(404).end();
        return;
      }
      const relative = normalize(extname(path) ? path : join(path, 'index.html'));
      if (relative.includes('..')) {
        res.writeHead(404).end();
        return;
      }
      readFile(join(dir, relative)).then(
        (body) => {
          const immutable = relative.startsWith('/assets/');
          res
            .writeHead(200, {
              'content-type': types[extname(relative)] ?? 'application/octet-stream',
              'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            })
            .end(body);
        },
        () => res.writeHead(404).end(),
      );
    },
    0,
    hostname,
  );
  return {
    origin: `http://${hostname}:${(server.address() as AddressInfo).port}`,
    close: () => close(server, 0),
  };
}
