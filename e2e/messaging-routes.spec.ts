// On the wire: GET /optout/bridge (tiny, no Lit, state from the cookie, frame headers) and GET /client.js (classic script).
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { HOST_ORIGIN } from './origins.js';

/** The boot JSON the host embedded in a document. */
function boot(html: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="optout-boot">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as Record<string, unknown>;
}

test('GET /optout/bridge: an invisible document with the state, the allowed origins and one hashed script', async ({ request }) => {
  const fresh = await request.get(`${HOST_ORIGIN}/optout/bridge`);
  expect(fresh.status()).toBe(200);
  const headers = fresh.headers();
  expect(headers['content-type']).toMatch(/^text\/html/);
  expect(headers['cache-control']).toBe('private, no-cache');
  expect(headers['vary']).toMatch(/Cookie/);
  expect(headers['vary']).toMatch(/Sec-GPC/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'self' http:\/\/localhost:\d+/);
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');

  const html = await fresh.text();
  expect(boot(html)).toMatchObject({
    state: { optedOut: false, reason: 'default' },
    allowedOrigins: [expect.stringMatching(/^http:\/\/localhost:/)],
  });
  // One script, inline so the whole bridge is one request, and allowed by its hash in the CSP.
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  expect(scripts).toHaveLength(1);
  expect(html).not.toMatch(/<script[^>]* src=/);
  const code = scripts[0] ?? '';
  expect(headers['content-security-policy']).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  expect(html).not.toContain('<optout-toggle');
  expect(html).not.toContain('<button');

  // The bridge script stands alone (no imports, no Lit).
  expect(code).not.toMatch(/\bimport\b/);
  expect(code).not.toMatch(/litHtmlVersions|litElementVersions|customElements/);

  const out = await request.get(`${HOST_ORIGIN}/optout/bridge`, { headers: { cookie: 'optout=1' } });
  expect(boot(await out.text())).toMatchObject({ state: { optedOut: true, reason: 'choice' } });
  // The choice is renewed on this visit too (pages without the widget only ever load the bridge).
  expect(out.headers()['set-cookie']).toMatch(/^optout=1; Max-Age=34560000; .*Partitioned$/);
  const gpc = await request.get(`${HOST_ORIGIN}/optout/bridge`, { headers: { 'sec-gpc': '1' } });
  expect(boot(await gpc.text())).toMatchObject({ state: { optedOut: true, reason: 'gpc' } });
});

test('GET /optout carries the allowed origins and the state for its messenger', async ({ request }) => {
  const html = await (await request.get(`${HOST_ORIGIN}/optout`, { headers: { cookie: 'optout=1' } })).text();
  expect(boot(html)).toMatchObject({
    state: { optedOut: true, reason: 'choice' },
    allowedOrigins: [expect.stringMatching(/^http:\/\/localhost:/)],
  });
});

test('GET /client.js: a classic script other sites may load, cached briefly', async ({ request }) => {
  const response = await request.get(`${HOST_ORIGIN}/client.js`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-type']).toMatch(/^(text|application)\/javascript/);
  expect(headers['cache-control']).toBe('public, max-age=300');
  expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
  const code = await response.text();
  // A classic script: no module syntax, wrapped so it leaks nothing but window.optout.
  expect(code).not.toMatch(/^\s*(import|export)\b/m);
  expect(code.trimStart().startsWith('(function')).toBe(true);
});
