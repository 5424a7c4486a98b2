// Unit tests: a built file is sent as the precompressed copy the browser takes, with an ETag, and revalidates to 304.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFiles } from './built-files.js';
import { precompress } from '../scripts/precompress.js';

const code = `(function(){${'window.optout = { cached: undefined };'.repeat(50)}})();\n`;
let dir: string;
let server: Server;

function fetchRaw(
  headers: Record<string, string>,
  path = '/client.js',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'optout-client-'));
  writeFileSync(join(dir, 'client.js'), code);
  // As `npm run build` leaves it: the file and its brotli and gzip copies.
  precompress(join(dir, 'client.js'));
  writeFileSync(join(dir, 'plain.js'), code);
  const app = express();
  app.use(builtFiles(dir, 'public, max-age=300'));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('builtFiles', () => {
  it('gzip when the browser offers it, the same bytes once unpacked, cached 5 minutes', async () => {
    const response = await fetchRaw({ 'accept-encoding': 'gzip, deflate' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body.length).toBeLessThan(Buffer.byteLength(code));
    expect(gunzipSync(response.body).toString()).toBe(code);
  });

  it('brotli first, and the file as it is when nothing is offered', async () => {
    expect((await fetchRaw({ 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBe('br');
    const plain = await fetchRaw({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(code);
  });

  it('revalidates: its ETag answers 304 with no body; another encoding’s ETag does not', async () => {
    const first = await fetchRaw({ 'accept-encoding': 'gzip' });
    const etag = first.headers.etag!;
    const again = await fetchRaw({ 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers.etag).toBe(etag);
    expect((await fetchRaw({ 'if-none-match': etag })).status).toBe(200);
  });

  it('a file without compressed copies is sent as it is, whatever the browser offers', async () => {
    const plain = await fetchRaw({ 'accept-encoding': 'gzip, br' }, '/plain.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(code);
  });

  it('a compressed copy is not sent by its own name', async () => {
    expect((await fetchRaw({}, '/client.js.br')).status).toBe(404);
    expect((await fetchRaw({ 'accept-encoding': 'gzip' }, '/client.js.gz')).status).toBe(404);
  });

  it('HEAD: the headers of the GET, no body', async () => {
    const { port } = server.address() as AddressInfo;
    const head = await fetch(`http://127.0.0.1:${port}/client.js`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(await head.text()).toBe('');
  });
});
