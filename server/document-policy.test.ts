// Each document's own CSP: the frame allows its module script and its inline style and first-paint script by hash; the bridge only its inline script.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost, type RawResponse } from './testing/in-process-host.js';

const EMBEDDER = 'https://news.example.org';

function policy(response: RawResponse): Map<string, string[]> {
  return new Map(
    String(response.headers['content-security-policy'])
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function getBytes(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost({ OPTOUT_ALLOWED_ORIGINS: EMBEDDER });
});
afterAll(() => host.close());

describe('the frame document policy', () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('allows its module script, and its inline style and first-paint script by hash, nothing else', async () => {
    const response = await host.request({ path: '/optout' });
    const csp = policy(response);
    const style = /<style>([^<]*)<\/style>/.exec(response.body)?.[1];
    const script = /<script>([^<]*)<\/script>/.exec(response.body)?.[1];
    expect(style).toBeDefined();
    expect(script).toContain('localStorage');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", sha256(script!)]);
    expect(csp.get('style-src')).toEqual([sha256(style!)]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    // The script stores a click with a request to the host itself (widget/frame/host-choice.ts).
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'", EMBEDDER]);
    for (const loose of ['img-src', 'frame-src']) expect(csp.has(loose), loose).toBe(false);
    expect(String(response.headers['content-security-policy'])).not.toContain('nonce');
    // One inline script that runs (the first-paint one); the boot data is JSON, which never runs.
    const openings = response.body.match(/<script[^>]*>/g) ?? [];
    expect(openings.filter((tag) => !/ src="|type="application\/json"/.test(tag))).toEqual(['<script>']);
  });

  it('an opted-out page needs no first-paint script: the policy allows none', async () => {
    const response = await host.request({ path: '/optout?theme=dark', headers: { cookie: 'optout=1' } });
    const csp = policy(response);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(response.body).not.toContain('<script>');
    expect(csp.get('style-src')).toEqual([sha256(/<style>([^<]*)<\/style>/.exec(response.body)![1]!)]);
  });

  it('the same inputs give the same bytes, brotli-compressed when the browser takes it', async () => {
    const first = await host.request({ path: '/optout?lang=de' });
    const compressed = await getBytes(host.origin, '/optout?lang=de', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.body).toString('utf8')).toBe(first.body);
    expect(compressed.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(compressed.headers.etag).not.toBe(first.headers.etag);
  });
});

describe('the bridge document', () => {
  it('runs exactly one inline script, allowed by its hash; no nonce anywhere', async () => {
    const response = await host.request({ path: '/optout/bridge' });
    const csp = policy(response);
    const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(response.body)?.[1];
    expect(inline).toBeDefined();
    const hash = createHash('sha256').update(inline!).digest('base64');
    expect(csp.get('script-src')).toEqual([`'sha256-${hash}'`]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'", EMBEDDER]);
    expect(csp.has('style-src')).toBe(false);
    expect(String(response.headers['content-security-policy'])).not.toContain('nonce');
    expect(response.body.match(/<script/g)).toHaveLength(2);
  });

  it('is the same page on every response, served brotli-compressed when the browser takes it', async () => {
    const plain = await host.request({ path: '/optout/bridge' });
    const compressed = await getBytes(host.origin, '/optout/bridge', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.body).toString('utf8')).toBe(plain.body);
    expect(compressed.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  });
});
