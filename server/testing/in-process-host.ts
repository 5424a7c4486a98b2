// Test support: the real host app listening on a free loopback port with stand-in assets, and a raw HTTP client for it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOptOutHost } from '../app.js';
import { loadConfig } from '../config/index.js';
import { close, listen, type ListenTimeouts } from '../listen.js';

/** Stand-ins for the built scripts: real files, so `/assets` serves them like a build would. */
export const STAND_IN_FRAME_SCRIPT = '/assets/frame-t3st4bcd.js';
const STAND_IN_BRIDGE_SCRIPT = '/assets/bridge-t3st4bcd.js';

export interface RawRequest {
  readonly method?: string;
  /** Sent as is: may hold characters a browser would percent-encode. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface InProcessHost {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  readonly port: number;
  readonly server: Server;
  /** One request on its own connection, with exactly the given headers (plus Host unless given). */
  request(input: RawRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

/** Starts `createOptOutHost` from `env` (as the environment would configure it) on a free port. */
export async function startInProcessHost(
  env: Readonly<Record<string, string>> = {},
  timeouts: Partial<ListenTimeouts> = {},
): Promise<InProcessHost> {
  const dir = mkdtempSync(join(tmpdir(), 'optout-host-'));
  mkdirSync(join(dir, 'assets'));
  for (const script of [STAND_IN_FRAME_SCRIPT, STAND_IN_BRIDGE_SCRIPT]) writeFileSync(join(dir, script), 'export {};\n');
  writeFileSync(join(dir, 'client.js'), '/* stand-in for the client script */\n');
  const app = createOptOutHost(loadConfig({ ...env, PORT: '0' }), {
    assets: { frameScript: STAND_IN_FRAME_SCRIPT, bridgeScript: STAND_IN_BRIDGE_SCRIPT },
    publicDir: pathToFileURL(`${dir}/`),
  });
  const server = await listen(app, 0, '127.0.0.1', timeouts);
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    server,
    request: (input) => rawRequest(port, input),
    close: async () => {
      await close(server, 0);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function rawRequest(port: number, { method = 'GET', path, headers = {}, body }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
