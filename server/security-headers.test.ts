// Headers on the wire for every route: CSP with hashes and frame-ancestors, nosniff, referrer policy, caching, Vary.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticPathRules } from './header-rules.js';
import { startInProcessHost, STAND_IN_FRAME_SCRIPT, type InProcessHost, type RawResponse } from './testing/in-process-host.js';

const EMBEDDER = 'https://news.example.org';
const sameOrigin = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

/** Parses `Content-Security-Policy` into directive → sources. */
function csp(response: RawResponse): Map<string, string[]> {
  const header = response.headers['content-security-policy'];
  expect(header, 'Content-Security-Policy').toBeTypeOf('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectProtected(response: RawResponse): void {
  const policy = csp(response);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  // The allowed origins, plus the host's own pages (the builder's preview).
  expect(policy.get('frame-ancestors')).toEqual(["'self'", EMBEDDER]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  // No plugins: object-src is not repeated, so it falls back to default-src 'none'.
  expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  // Never 'unsafe-inline' or 'unsafe-eval' for scripts.
  expect(policy.get('script-src')?.join(' ')).not.toMatch(/unsafe/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  // frame-ancestors decides who may embed; X-Frame-Options would forbid every embedder.
  expect(response.headers['x-frame-options']).toBeUndefined();
  expect(response.headers['x-powered-by']).toBeUndefined();
}

function varyList(response: RawResponse): string[] {
  return String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost({ OPTOUT_ALLOWED_ORIGINS: EMBEDDER });
});
afterAll(() => host.close());

describe('security headers on every route', () => {
  it('GET /optout: CSP naming the inline style by hash, private no-cache, Vary, and a 304 for its ETag', async () => {
    const first = await host.request({ path: '/optout', headers: { cookie: 'optout=1' } });
    expect(first.status).toBe(200);
    expectProtected(first);
    const style = /<style>([^<]*)<\/style>/.exec(first.body)?.[1];
    expect(style, 'inline style').toBeDefined();
    const hash = createHash('sha256').update(style!).digest('base64');
    expect(csp(first).get('style-src')).toEqual([`'sha256-${hash}'`]);
    expect(String(first.headers['content-security-policy'])).not.toContain('nonce');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(varyList(first)).toEqual(expect.arrayContaining(['cookie', 'accept-language', 'sec-gpc', 'accept-encoding']));
    expect(first.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
    // The same inputs, the same page and headers; a revalidation gets a 304 with the cookie renewed.
    const second = await host.request({ path: '/optout', headers: { cookie: 'optout=1' } });
    expect(second.body).toBe(first.body);
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(first.headers.etag).toMatch(/^"[\w-]+-identity"$/);
    const again = await host.request({ path: '/optout', headers: { cookie: 'optout=1', 'if-none-match': first.headers.etag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect(String(again.headers['set-cookie'])).toMatch(/^optout=1;/);
    expectProtected(again);
    // Another state is another page: the old ETag does not match it.
    const optedIn = await host.request({ path: '/optout', headers: { cookie: 'optout=0', 'if-none-match': first.headers.etag! } });
    expect(optedIn.status).toBe(200);
    expect(optedIn.headers.etag).not.toBe(first.headers.etag);
  });

  it('GET /optout with an invalid parameter: 400, protected, not cacheable', async () => {
    const response = await host.request({ path: '/optout?fontColor=red' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('fontColor');
    expectProtected(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('POST /optout from the frame: 303, cookie set, not cacheable', async () => {
    const response = await host.request({ method: 'POST', path: '/optout?showIntro=0', headers: sameOrigin, body: 'optedOut=1' });
    expect(response.status).toBe(303);
    // Back to the same frame, marked so the GET can tell a cookie the browser refused.
    expect(response.headers.location).toBe('/optout?showIntro=0&stored=1');
    expect(String(response.headers['set-cookie'])).toMatch(/^optout=1;.*SameSite=None; Secure; Partitioned/);
    expectProtected(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("POST /optout from the frame's script (Prefer: return=minimal): 204, no body, cookie set", async () => {
    for (const wanted of ['1', '0']) {
      const response = await host.request({
        method: 'POST',
        path: '/optout?showIntro=0',
        headers: { ...sameOrigin, prefer: 'return=minimal' },
        body: `optedOut=${wanted}`,
      });
      expect(response.status).toBe(204);
      expect(response.body).toBe('');
      expect(response.headers.location).toBeUndefined();
      expect(String(response.headers['set-cookie'])).toMatch(
        new RegExp(`^optout=${wanted}; Max-Age=34560000;.*SameSite=None; Secure; Partitioned`),
      );
      expectProtected(response);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it("the script's request replayed by another site: 403, no cookie", async () => {
    const response = await host.request({
      method: 'POST',
      path: '/optout',
      headers: { ...sameOrigin, prefer: 'return=minimal', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      body: 'optedOut=1',
    });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('POST /optout from another site: 403, no cookie, not cacheable', async () => {
    const response = await host.request({
      method: 'POST',
      path: '/optout',
      headers: { ...sameOrigin, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      body: 'optedOut=1',
    });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
    expectProtected(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('POST /optout with a bad field: 400 naming it, no cookie, not cacheable', async () => {
    const response = await host.request({ method: 'POST', path: '/optout', headers: sameOrigin, body: 'optedOut=yes' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('optedOut');
    expect(response.headers['set-cookie']).toBeUndefined();
    expectProtected(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('HEAD /optout: the headers of the GET in the encoding asked for, no body', async () => {
    const get = await host.request({ path: '/optout', headers: { 'accept-encoding': 'br' } });
    const head = await host.request({ method: 'HEAD', path: '/optout', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'content-security-policy'])
      expect(head.headers[name], name).toBe(get.headers[name]);
    expect(head.headers['content-encoding']).toBe('br');
  });

  it('a hashed asset: public, a year, immutable', async () => {
    const response = await host.request({ path: STAND_IN_FRAME_SCRIPT });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // Other sites load the frame's script on purpose.
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('a hashed asset: the same headers from the host as the static export writes for /assets/*', async () => {
    const rule = staticPathRules([EMBEDDER], "'sha256-x'").find((candidate) => candidate.path === '/assets/*');
    const response = await host.request({ path: STAND_IN_FRAME_SCRIPT });
    const sent = Object.fromEntries(rule?.headers.map(([name]) => [name, response.headers[name.toLowerCase()]]) ?? []);
    expect(sent).toEqual(Object.fromEntries(rule?.headers ?? [['no rule for', '/assets/*']]));
    // Neither sends a document's headers with a script.
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['origin-agent-cluster']).toBeUndefined();
  });

  it('GET /client.js: the same headers from the host as the static export writes for it, no document headers', async () => {
    const rule = staticPathRules([EMBEDDER], "'sha256-x'").find((candidate) => candidate.path === '/client.js');
    const response = await host.request({ path: '/client.js' });
    expect(response.status).toBe(200);
    const sent = Object.fromEntries(rule?.headers.map(([name]) => [name, response.headers[name.toLowerCase()]]) ?? []);
    expect(sent).toEqual(Object.fromEntries(rule?.headers ?? [['no rule for', '/client.js']]));
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['origin-agent-cluster']).toBeUndefined();
    // An unknown site= is an error page, a document: it keeps the host-wide policy.
    const refused = await host.request({ path: '/client.js?site=nowhere' });
    expect(refused.status).toBe(400);
    expectProtected(refused);
  });

  it.each(['/nowhere', '/assets/missing-0000.js', '/assets/../package.json', '/optout/..%2f..%2fetc%2fpasswd'])(
    'GET %s: 404, protected, not cacheable',
    async (path) => {
      const response = await host.request({ path });
      expect(response.status).toBe(404);
      expectProtected(response);
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('GET /optout/bridge: protected, private no-cache, Vary on what its state depends on', async () => {
    const response = await host.request({ path: '/optout/bridge', headers: { cookie: 'optout=1' } });
    expect(response.status).toBe(200);
    // Its own, narrower policy (no form at all), with the host-wide essentials.
    const policy = csp(response);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'", EMBEDDER]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(varyList(response)).toEqual(expect.arrayContaining(['cookie', 'sec-gpc']));
  });

  it('GET / (the builder): protected, revalidated, and a hostile Host header is escaped', async () => {
    const response = await host.request({ path: '/', headers: { host: 'evil"><script>alert(1)</script>.example' } });
    expect(response.status).toBe(200);
    expectProtected(response);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.body).not.toContain('<script>alert(1)</script>');
  });

  it('GET /healthz: ok, never cached', async () => {
    const response = await host.request({ path: '/healthz' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('ok');
    expect(response.headers['cache-control']).toBe('no-store');
    expectProtected(response);
  });
});

describe('frame-ancestors without configured origins', () => {
  it('lets any origin embed the frame', async () => {
    const open = await startInProcessHost();
    try {
      const response = await open.request({ path: '/optout' });
      expect(csp(response).get('frame-ancestors')).toEqual(['*']);
    } finally {
      await open.close();
    }
  });
});
