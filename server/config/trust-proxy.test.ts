// Behind a TLS proxy: with OPTOUT_TRUST_PROXY the host believes the proxy's X-Forwarded-Proto; without it, or from another address, nobody's.
import { afterEach, describe, expect, it } from 'vitest';
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
