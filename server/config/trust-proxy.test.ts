// Behind a TLS proxy: with OPTOUT_TRUST_PROXY the host believes the proxy's X-Forwarded-Proto; without it, or from another address, nobody's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startInProcessHost, type InProcessHost } from '../testing/in-process-host.js';

/** What the proxy of https://optout.example.org passes on: the browser's Host, and the scheme it used. */
const PROXIED = { host: 'optout.example.org', 'x-forwarded-proto': 'https' };

let host: InProcessHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A no-JavaScript form post from a browser that sends `Origin` but not `Sec-Fetch-Site` (the host's fallback check). */
async function formPostStatus(env: Record<string, string>): Promise<number> {
  host = await startInProcessHost(env);
  const response = await host.request({
    method: 'POST',
    path: '/optout',
    headers: { ...PROXIED, origin: 'https://optout.example.org', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'optedOut=1',
  });
  return response.status;
}

/** The embed code the builder generates for a browser that reached the host through the proxy. */
async function builderEmbedCode(env: Record<string, string>): Promise<string> {
  host = await startInProcessHost(env);
  const { body } = await host.request({ path: '/', headers: PROXIED });
  return /<textarea id="privacy-code"[^>]*>([^<]*)<\/textarea>/.exec(body)?.[1] ?? '';
}

describe('OPTOUT_TRUST_PROXY', () => {
  it('loopback proxy trusted: a form post from https://optout.example.org is same-origin (303)', async () => {
    expect(await formPostStatus({ OPTOUT_TRUST_PROXY: 'loopback' })).toBe(303);
  });

  it('not set: X-Forwarded-Proto is ignored, so the https Origin does not match the http request (403)', async () => {
    expect(await formPostStatus({})).toBe(403);
  });

  it('set to another address: a client on loopback cannot claim https (403)', async () => {
    expect(await formPostStatus({ OPTOUT_TRUST_PROXY: '10.0.0.0/8' })).toBe(403);
  });

  it('the builder writes the https:// address the visitor used when the proxy is trusted, http:// otherwise', async () => {
    expect(await builderEmbedCode({ OPTOUT_TRUST_PROXY: '127.0.0.1' })).toContain('src=&quot;https://optout.example.org/optout');
    await host?.close();
    expect(await builderEmbedCode({})).toContain('src=&quot;http://optout.example.org/optout');
  });
});

describe('forwarding headers from a peer that is not trusted', () => {
  /** What the host printed on stderr while answering `requests` requests with the proxy's headers. */
  async function warnings(env: Record<string, string>, headers: Record<string, string>, requests = 3): Promise<string[]> {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      host = await startInProcessHost(env);
      for (let i = 0; i < requests; i++) await host.request({ path: '/healthz', headers });
      return error.mock.calls.map((call) => call.join(' '));
    } finally {
      error.mockRestore();
    }
  }

  it.each([
    ['x-forwarded-proto', { 'x-forwarded-proto': 'https' }],
    ['x-forwarded-host', { 'x-forwarded-host': 'optout.example.org' }],
    ['forwarded', { forwarded: 'for=192.0.2.1;proto=https' }],
  ])('%s without OPTOUT_TRUST_PROXY: one warning naming it, however many requests', async (header, headers) => {
    expect(await warnings({}, headers)).toEqual([
      `optout-frame: warning: ${header} from 127.0.0.1, which is not a trusted proxy, is ignored; behind a proxy, set OPTOUT_TRUST_PROXY to its address (e.g. loopback), or the builder writes http:// URLs and the no-JavaScript form refuses posts (said once)`,
    ]);
  });

  it('from a peer outside OPTOUT_TRUST_PROXY: the same warning', async () => {
    expect(await warnings({ OPTOUT_TRUST_PROXY: '10.0.0.0/8' }, PROXIED)).toEqual([expect.stringContaining('OPTOUT_TRUST_PROXY')]);
  });

  it('none when the proxy is trusted, nor without forwarding headers', async () => {
    expect(await warnings({ OPTOUT_TRUST_PROXY: 'loopback' }, PROXIED)).toEqual([]);
    await host?.close();
    expect(await warnings({}, { host: 'optout.example.org' })).toEqual([]);
  });
});
