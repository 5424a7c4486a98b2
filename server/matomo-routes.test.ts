// Matomo's old address on the wire: both embed codes as its admin writes them, its empty styling values, its cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

const CLASSIC = '/index.php?module=CoreAdminHome&action=optOut&language=en&backgroundColor=&fontColor=&fontSize=&fontFamily=';
const SCRIPT = '/index.php?module=CoreAdminHome&action=optOutJS&divId=matomo-opt-out&language=auto&showIntro=1';

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost();
});
afterAll(() => host.close());

describe("Matomo's embed codes", () => {
  it('answers the classic iframe as GET /optout with the same parameters', async () => {
    const matomo = await host.request({ path: CLASSIC });
    const ours = await host.request({ path: `/optout${CLASSIC.slice('/index.php'.length)}` });
    expect(matomo.status).toBe(200);
    expect(matomo.body).toContain('You are currently opted in.');
    expect(matomo.body).toBe(ours.body);
    expect(matomo.headers['content-security-policy']).toBe(ours.headers['content-security-policy']);
  });

  it('still refuses a bad non-empty styling value, naming it', async () => {
    const response = await host.request({ path: CLASSIC.replace('fontSize=', 'fontSize=12') });
    expect(response.status).toBe(400);
    expect(response.body).toContain('fontSize');
  });

  it('answers optOutJS with one cacheable script: the frame, then client.js', async () => {
    const response = await host.request({ path: SCRIPT });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toContain('Unable to find opt-out content div: ');
    expect(response.body).toContain('stand-in for the client script');
  });

  it.each([
    '/index.php',
    '/index.php?module=CoreAdminHome&action=other',
    '/index.php?module=Other&action=optOut',
    '/index.php?module=CoreAdminHome&action[]=optOut',
  ])('answers %s with a 404', async (path) => {
    expect((await host.request({ path })).status).toBe(404);
  });

  it.each(['matomo_ignore=*', 'piwik_ignore=1'])('renders opted out in the first HTML for Cookie: %s', async (cookie) => {
    const response = await host.request({ path: '/optout', headers: { cookie } });
    expect(response.body).toContain('You are currently opted out.');
    // Carried over into this host's own cookie.
    expect(String(response.headers['set-cookie'])).toMatch(/^optout=1;/);
  });

  it('lets a later click in this frame win over Matomo cookie', async () => {
    const response = await host.request({ path: '/optout', headers: { cookie: 'matomo_ignore=*; optout=0' } });
    expect(response.body).toContain('You are currently opted in.');
  });
});
