// e2e fixture: a real page server on its own origin (localhost, free port) serving test pages and the built client library.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { close, listen } from '../server/listen.js';
import type * as clientModule from '../widget/client/client.js';

const libDir = fileURLToPath(new URL('../dist/lib/', import.meta.url));

/** Where a test page imports `optout-frame/client` from: dist/lib, exactly what the package exports. */
export const CLIENT_MODULE_PATH = '/optout-lib/widget/client/client.js';

/** What a page gets from `await import(CLIENT_MODULE_PATH)`. */
export type ClientModule = typeof clientModule;

/** A request to the stand-in collector (`/collect/<tracker>/…`), as the server received it. */
export interface CollectedRequest {
  readonly tracker: string;
  readonly body: string;
}

export interface PageServer {
  /** e.g. http://localhost:41236, a site of its own (not 127.0.0.1, where hosts run). */
  readonly origin: string;
  /** Serves `html` as a page at `path` (a real server: Chromium treats it as local, like the demo). */
  page(path: string, html: string): string;
  /** Serves a file as a script at `path` (e.g. a tracker's library), with no `page.route` needed. */
  script(path: string, file: URL): void;
  /**
   * Every POST to `/collect/<tracker>/…` on this server so far (answered `200 {}`). Server-side, so
   * a test needs no `page.route`, which would turn Chromium's HTTP cache off for the page.
   */
  collected(): readonly CollectedRequest[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const scripts = new Map<string, URL>();
  const collected: CollectedRequest[] = [];
  const server = await listen(
    async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages.get(path);
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
        return;
      }
      const script = scripts.get(path);
      if (script) {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(await readFile(script));
        return;
      }
      if (path.startsWith('/collect/') && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        collected.push({ tracker: path.split('/')[2] ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{}');
        return;
      }
      const file = normalize(join(libDir, path.replace(/^\/optout-lib\//, '')));
      if (path.startsWith('/optout-lib/') && file.startsWith(libDir)) {
        try {
          res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
          return;
        } catch {
          // 404 below
        }
      }
      res.writeHead(404).end();
    },
    0,
    'localhost',
  );
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test page</title></head><body>${html}</body></html>`,
      );
      return `${origin}${path}`;
    },
    script(path, file) {
      scripts.set(path, file);
    },
    collected: () => [...collected],
    close: () => close(server, 0),
  };
}
