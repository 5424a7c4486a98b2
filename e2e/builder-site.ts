// e2e fixture for the builder's generated code: a site owner's site (own host name) with a privacy page and another page, the real tracker libraries, and a collector.
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { close, listen } from '../server/listen.js';

/** A request that reached the collector: which tracker's server it stands for, its path and body. */
export interface CollectorHit {
  readonly tracker: string;
  readonly path: string;
  readonly body: string;
}

export interface OwnerSite {
  /** e.g. http://harbour.localhost:41236: a site of its own, not the host's 127.0.0.1. */
  readonly origin: string;
  /** Serves a page made of the owner's layout: `head` in its `<head>`, `body` in its `<body>`. */
  page(path: string, head: string, body: string): string;
  /** Every POST to /collect/<tracker>/… so far, in the order they arrived (answered `200 {}`). */
  hits(): readonly CollectorHit[];
  close(): Promise<void>;
}

const root = new URL('../', import.meta.url);

/**
 * The real libraries, byte for byte as npm publishes them, at the paths the tests put in place
 * of the trackers' own servers (the test machine has no internet).
 */
const TRACKER_LIBRARIES: Readonly<Record<string, URL>> = {
  '/lib/plausible.js': new URL('node_modules/@plausible-analytics/tracker/plausible.js', root),
  '/lib/posthog/array.js': new URL('node_modules/posthog-js/dist/array.js', root),
  '/lib/amplitude.js': new URL('node_modules/@amplitude/analytics-browser/lib/scripts/amplitude-min.umd.js', root),
  // Umami's tracker finds its server from its own address: /collect/umami/api/send.
  '/collect/umami/script.js': new URL('demo/trackers/vendor/umami-tracker-2.10.0.js', root),
};

/** `hostname` must resolve to this machine in the browser (Chromium resolves every *.localhost name itself). */
export async function startOwnerSite(hostname = 'harbour.localhost'): Promise<OwnerSite> {
  const pages = new Map<string, string>();
  const hits: CollectorHit[] = [];
  const server = await listen(
    async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages.get(path);
      const library = Object.hasOwn(TRACKER_LIBRARIES, path) ? TRACKER_LIBRARIES[path] : undefined;
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
      } else if (library) {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(await readFile(library));
      } else if (path.startsWith('/collect/') && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        hits.push({ tracker: path.split('/')[2] ?? '', path, body: Buffer.concat(chunks).toString('utf8') });
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
          .end('{}');
      } else {
        res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      }
    },
    0,
    '127.0.0.1',
  );
  const origin = `http://${hostname}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, head, body) {
      pages.set(
        path,
        `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${path}</title>\n${head}\n</head>\n<body>\n<h1>${path}</h1>\n${body}\n</body>\n</html>\n`,
      );
      return `${origin}${path}`;
    },
    hits: () => [...hits],
    close: () => close(server, 0),
  };
}
