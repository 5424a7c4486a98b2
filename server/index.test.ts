// The public entry's createOptOutHost, typed as a plain request handler: an Express site mounts it and http.createServer serves it.
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createOptOutHost, loadConfig, type OptOutHost } from './index.js';

const FRAME_SCRIPT = '/assets/frame-t3st.js';
const BRIDGE_SCRIPT = '/assets/bridge-t3st.js';
// Stand-ins for the built scripts, as real files: the host reads the bridge's to hash it.
const dir = mkdtempSync(join(tmpdir(), 'optout-public-'));
mkdirSync(join(dir, 'assets'));
for (const script of [FRAME_SCRIPT, BRIDGE_SCRIPT, '/client.js']) writeFileSync(join(dir, script), 'export {};\n');
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The host from the public entry, with stand-in assets (no build needed). */
function publicHost(): OptOutHost {
  return createOptOutHost(loadConfig({ PORT: '0' }), {
    assets: { frameScript: FRAME_SCRIPT, bridgeScript: BRIDGE_SCRIPT },
    publicDir: pathToFileURL(`${dir}/`),
  });
}

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('optout-frame/server createOptOutHost', () => {
  it("mounts in an Express site after its own routes, with Express's own types", async () => {
    const site = express();
    site.get('/about', (_req, res) => {
      res.send('the site');
    });
    site.use(publicHost());
    const origin = await serve(site);
    expect(await (await fetch(`${origin}/about`)).text()).toBe('the site');
    const health = await fetch(`${origin}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
  });

  it('is served by http.createServer alone', async () => {
    const origin = await serve(publicHost());
    const frame = await fetch(`${origin}/optout?lang=en`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('You are currently opted in.');
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
