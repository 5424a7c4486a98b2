// The host against issue 34's findings: one request cannot freeze it, duplicate cookies cannot opt a visitor in, forwarded headers and the site list stay in bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

// The bad case took minutes per request; a second is no timing flake.
const BOUND_MS = 1000;
const BACKTRACKING_FONT = encodeURIComponent(`${' a ,'.repeat(49)};`);

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost();
});
afterAll(() => host.close());

describe('a backtracking parameter value', () => {
  it.each(['/optout', '/'])(
    'GET %s?fontFamily=<" a ," × 49 then ";"> answers 400 naming fontFamily at once, /healthz alongside',
    async (path) => {
      const start = performance.now();
      const [refused, health] = await Promise.all([
        host.request({ path: `${path}?fontFamily=${BACKTRACKING_FONT}` }),
        host.request({ path: '/healthz' }),
      ]);
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('fontFamily');
      expect([health.status, health.body]).toEqual([200, 'ok']);
    },
  );
});

describe('two copies of the host cookie', () => {
  // A sibling subdomain can add `optout=0; Domain=…; Path=/optout`, which the browser sends first.
  it.each(['optout=0; optout=1', 'optout=1; optout=0'])('Cookie: %s renders opted out and renews the opt-out', async (cookie) => {
    const frame = await host.request({ path: '/optout', headers: { cookie } });
    expect(frame.body).toContain('You are currently opted out.');
    expect(frame.headers['set-cookie']).toEqual([expect.stringMatching(/^optout=1; /)]);
    const bridge = await host.request({ path: '/optout/bridge', headers: { cookie } });
    expect(bridge.headers['set-cookie']).toEqual([expect.stringMatching(/^optout=1; /)]);
  });
});
