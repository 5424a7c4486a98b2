// The `optout-frame` command serving (server/main.ts in its own process, after a build): HTTPS from OPTOUT_TLS_CERT/KEY, and its start-up warnings, once.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { startEntry } from '../server/testing/entry-process.js';
import { makeTestCertificates, type TestCertificates } from '../server/testing/tls-certificates.js';

const ENTRY = 'server/main.ts';

let certs: TestCertificates;
test.beforeAll(() => {
  certs = makeTestCertificates(['optout.example.test']);
});
test.afterAll(() => certs?.remove());

/** GET `path` from https://optout.example.test:`port` on loopback, trusting the test CA and nothing else. */
function httpsGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', servername: 'optout.example.test', port, path, ca: readFileSync(certs.caFile), agent: false };
    const req = request(options, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('OPTOUT_TLS_CERT and OPTOUT_TLS_KEY: it serves HTTPS with that certificate, says https://, and warns about nothing', async () => {
  const host = startEntry(ENTRY, {
    PORT: '0',
    OPTOUT_ALLOWED_ORIGINS: 'https://news.example.test',
    OPTOUT_TLS_CERT: certs.certFile,
    OPTOUT_TLS_KEY: certs.keyFile,
  });
  try {
    const [, port] = await host.waitForOutput(/^optout-frame host: https:\/\/127\.0\.0\.1:(\d+)\n/);
    expect(await httpsGet(Number(port), '/healthz')).toEqual({ status: 200, body: 'ok' });
    expect((await httpsGet(Number(port), '/optout')).body).toContain(
      '<p class="status in-only" role="status">You are currently opted in.</p>',
    );
    expect(host.output().stderr).toBe('');
  } finally {
    host.child.kill('SIGTERM');
  }
  expect((await host.exited).code).toBe(0);
});

test('plain HTTP on every interface with no allowed origins: each warning is printed once, not per request', async () => {
  const host = startEntry(ENTRY, { PORT: '0', HOST: '0.0.0.0' });
  try {
    const [, port] = await host.waitForOutput(/^optout-frame host: http:\/\/127\.0\.0\.1:(\d+)\n/);
    for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${port}/optout`)).status).toBe(200);
    const lines = host.output().stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^optout-frame: warning: serving plain HTTP on 0\.0\.0\.0: browsers drop the opt-out cookie \(it is Secure\)/);
    expect(lines[1]).toMatch(/^optout-frame: warning: OPTOUT_ALLOWED_ORIGINS is not set: any site may embed the frame and talk to it/);
  } finally {
    host.child.kill('SIGTERM');
  }
  expect((await host.exited).code).toBe(0);
});
