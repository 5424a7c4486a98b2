// The builder's embed code on the wire: only http/https and a well-formed Host make its origin (one warning for the rest), private caching, and the site list listed or hidden.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Request } from 'express';
import { builderOrigin } from './builder-origin.js';
import { loadConfig } from './config/index.js';
import { writeConfigFile } from './testing/config-files.js';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

const FILE = { sites: { news: { allowedOrigins: ['https://news.example.org'] }, shop: { allowedOrigins: ['https://shop.example.org'] } } };

/** The origins the builder wrote `client.js` under, in order. */
const clientOrigins = (body: string) => [...body.matchAll(/(\S+?)\/client\.js/g)].map((match) => match[1]!.replace(/^.*?(https?:)/, '$1'));

describe('the builder behind a trusted proxy', () => {
  let host: InProcessHost;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  beforeAll(async () => {
    host = await startInProcessHost({ OPTOUT_TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await host.close();
    warn.mockRestore();
  });

  it('writes a forwarded https and a well-formed Host (name:port) into the code', async () => {
    const response = await host.request({ path: '/', headers: { host: 'optout.example.org:8443', 'x-forwarded-proto': 'https' } });
    expect(response.status).toBe(200);
    expect(new Set(clientOrigins(response.body))).toEqual(new Set(['https://optout.example.org:8443']));
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores any other protocol and a malformed Host, with one warning for the host however often they come', async () => {
    const forged = await host.request({
      path: '/',
      headers: { host: `127.0.0.1:${host.port}`, 'x-forwarded-proto': 'https://attacker.example/#' },
    });
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain('attacker.example');
    expect(new Set(clientOrigins(forged.body))).toEqual(new Set([`http://127.0.0.1:${host.port}`]));
    for (const badHost of ['evil.example/x?', 'evil.example:80:80', 'evil.example@x', '-evil.example']) {
      const response = await host.request({ path: '/', headers: { host: badHost } });
      expect(response.status, badHost).toBe(200);
      expect(response.body).not.toContain('evil.example');
      expect(new Set(clientOrigins(response.body))).toEqual(new Set(['http://localhost']));
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('https://attacker.example/#');
  });

  it('is private to the browser: no shared cache keeps a page written from request headers', async () => {
    const response = await host.request({ path: '/' });
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });
});

describe("the builder's Host pattern", () => {
  it("answers its worst inputs, up to Node's 16 KB header limit, at once (a bound of a second against minutes)", () => {
    const hostOf = (host: string) => ({ protocol: 'http', socket: {}, get: () => host }) as unknown as Request;
    for (const unit of ['a', 'a.', 'a-', '-a', '1.', '[:', ':1', 'a:1']) {
      for (const tail of ['/', '!', '', ':', '-']) {
        const host = unit.repeat(Math.floor((16 * 1024) / unit.length)) + tail;
        const start = performance.now();
        builderOrigin(hostOf(host), () => {});
        expect(performance.now() - start, `${unit} × n + ${tail}`).toBeLessThan(1000);
      }
    }
  });
});

describe('OPTOUT_BUILDER_SITES', () => {
  const config = writeConfigFile(FILE);
  const siteOptions = (body: string) => [...body.matchAll(/<option value="([^"]+)" data-titles/g)].map((match) => match[1]);

  it('listed (the default): the picker offers every site id', async () => {
    const host = await startInProcessHost({ OPTOUT_CONFIG: config });
    try {
      expect(siteOptions((await host.request({ path: '/' })).body)).toEqual(['news', 'shop']);
    } finally {
      await host.close();
    }
  });

  it('hidden: the public page names no site; a link with site=<id> shows that one alone', async () => {
    const host = await startInProcessHost({ OPTOUT_CONFIG: config, OPTOUT_BUILDER_SITES: 'hidden' });
    try {
      const page = (await host.request({ path: '/' })).body;
      expect(siteOptions(page)).toEqual([]);
      expect(page).not.toMatch(/news|shop/);
      const own = (await host.request({ path: '/?site=news' })).body;
      expect(siteOptions(own)).toEqual(['news']);
      expect(own).not.toContain('shop');
      expect(own).toContain('site=news');
    } finally {
      await host.close();
    }
  });

  it('refuses any other value at start-up, naming the variable', () => {
    expect(() => loadConfig({ OPTOUT_BUILDER_SITES: 'off' })).toThrow(/OPTOUT_BUILDER_SITES.*"listed" or "hidden".*"off"/);
  });
});
