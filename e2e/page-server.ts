// A plain static file server for tests: given pages, or a folder (as a CDN serves the static export), on a free port.
import { readFileSync } from 'node:fs';
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

type HeaderRule = { readonly pattern: string; readonly headers: [string, string][] };

/** Reads a `_headers` file (Netlify / Cloudflare Pages format: a path, then indented `Name: value` lines). */
function readHeaderRules(dir: string): HeaderRule[] {
  let text: string;
  try {
    text = readFileSync(join(dir, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const matches = (pattern: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  return Object.fromEntries(rules.filter((rule) => matches(rule.pattern)).flatMap((rule) => rule.headers));
}

/**
 * Serves `pages` (path → HTML) first, then files from `dir`. Like a CDN configured for the
 * static export, a path without an extension is answered from the file of that name, else from its
 * `index.html` (`/optout` → `/optout/index.html`), with the headers of the folder's `_headers` file as such
 * a CDN would send them (otherwise only the content type and caching).
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
  const rules = dir ? readHeaderRules(dir) : [];
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
      if (normalize(path).includes('..')) {
        res.writeHead(404).end();
        return;
      }
      // The file at the exact path first (the export's healthz), then a folder's index.html.
      const candidates = extname(path) ? [path] : [path, join(path, 'index.html')].map((candidate) => normalize(candidate));
      const serve = async (): Promise<void> => {
        for (const relative of candidates) {
          const body = await readFile(join(dir, relative)).catch(() => undefined);
          if (body === undefined) continue;
          const immutable = relative.startsWith('/assets/');
          res
            .writeHead(200, {
              'content-type': types[extname(relative)] ?? 'application/octet-stream',
              'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
              ...headersFor(rules, path),
            })
            .end(body);
          return;
        }
        res.writeHead(404).end();
      };
      void serve();
    },
    0,
    hostname,
  );
  return {
    origin: `http://${hostname}:${(server.address() as AddressInfo).port}`,
    close: () => close(server, 0),
  };
}
