// OPTOUT_SITE_COOKIE_DOMAIN on the wire: a click's answer also sets the site's optout_state for that domain, only when the host runs under it, never on a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

const click = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', prefer: 'return=minimal' };
const setCookies = (header: string | string[] | undefined) => [header ?? []].flat();

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost({ OPTOUT_SITE_COOKIE_DOMAIN: 'example.org' });
});
afterAll(() => host.close());

describe('OPTOUT_SITE_COOKIE_DOMAIN', () => {
  it("a click on optout.example.org: the host's cookie and the site's optout_state, in the client's form, confirmed now", async () => {
    for (const [wanted, headers] of [
      ['1', click],
      ['0', { ...click, prefer: '' }],
    ] as const) {
      const before = Math.floor(Date.now() / 1000);
      const response = await host.request({
        method: 'POST',
        path: '/optout',
        headers: { ...headers, host: 'optout.example.org' },
        body: `optedOut=${wanted}`,
      });
      const [own, site, ...more] = setCookies(response.headers['set-cookie']);
      expect(own).toMatch(new RegExp(`^optout=${wanted}; .*Partitioned$`));
      expect(site).toMatch(
        new RegExp(`^optout_state=${wanted}:choice:(\\d+); Path=/; Max-Age=34560000; SameSite=Lax; Secure; Domain=example.org$`),
      );
      expect(Number(/:choice:(\d+)/.exec(site!)?.[1])).toBeGreaterThanOrEqual(before);
      expect(more).toEqual([]);
    }
  });

  it('the site itself as the host name counts too; a name elsewhere gets only the host cookie', async () => {
    const bare = await host.request({ method: 'POST', path: '/optout', headers: { ...click, host: 'example.org' }, body: 'optedOut=1' });
    expect(setCookies(bare.headers['set-cookie'])).toHaveLength(2);
    for (const name of ['optout.other.test', 'badexample.org', '127.0.0.1']) {
      const response = await host.request({ method: 'POST', path: '/optout', headers: { ...click, host: name }, body: 'optedOut=1' });
      expect(setCookies(response.headers['set-cookie']), name).toEqual([expect.stringMatching(/^optout=1;/)]);
    }
  });

  it('a refused post (another site) sets neither', async () => {
    const response = await host.request({
      method: 'POST',
      path: '/optout',
      headers: { ...click, host: 'optout.example.org', 'sec-fetch-site': 'same-site' },
      body: 'optedOut=1',
    });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
