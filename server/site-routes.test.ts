// Profiles on the wire: site=<id> picks the origins (CSP, boot), default, texts and theme of /optout, /optout/bridge, POST /optout and client.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../widget/shared/i18n/en.js';
import { escapeHtml } from './html.js';
import { writeConfigFile } from './testing/config-files.js';
import { startInProcessHost, type InProcessHost, type RawResponse } from './testing/in-process-host.js';

const NEWS = 'https://news.example.org';
const SHOP = 'https://shop.example.org';
const MAIN = 'https://main.example.org';
const FORM = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

const FILE = {
  texts: { en: { title: 'Visit counting' } },
  sites: {
    news: {
      allowedOrigins: [NEWS],
      texts: {
        en: { intro: 'News counts <visits> & "clicks".', optOutButton: 'Stop counting me.' },
        de: { intro: 'Nachrichten zählen Besuche.' },
      },
      theme: { backgroundColor: 'fffbe6', theme: 'light' },
    },
    shop: { allowedOrigins: [SHOP], default: 'out' },
  },
};

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost({ OPTOUT_CONFIG: writeConfigFile(FILE), OPTOUT_ALLOWED_ORIGINS: MAIN });
});
afterAll(() => host.close());

function frameAncestors(response: RawResponse): string {
  return /frame-ancestors ([^;]*)/.exec(String(response.headers['content-security-policy']))?.[1]?.trim() ?? '';
}

function boot(response: RawResponse): { allowedOrigins: string[]; defaultState: string; texts?: Record<string, string> } {
  const json = /<script type="application\/json" id="optout-boot">([^<]*)<\/script>/.exec(response.body)?.[1];
  expect(json, 'boot JSON').toBeDefined();
  return JSON.parse(json!);
}

describe('GET /optout with site=', () => {
  it("site=news: its origins only, its texts escaped over the top level's, its theme under the query", async () => {
    const response = await host.request({ path: '/optout?site=news' });
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe(`'self' ${NEWS}`);
    expect(boot(response)).toMatchObject({ allowedOrigins: [NEWS], defaultState: 'in' });
    expect(boot(response).texts).toEqual({
      ...en.texts,
      title: 'Visit counting',
      intro: FILE.sites.news.texts.en.intro,
      optOutButton: 'Stop counting me.',
    });
    expect(response.body).toContain(`<p class="intro">${escapeHtml(FILE.sites.news.texts.en.intro)}</p>`);
    expect(response.body).not.toContain('<visits>');
    expect(response.body).toContain('<title>Visit counting</title>');
    expect(response.body).toContain('>Stop counting me.</button>');
    expect(response.body).toContain('--optout-background-color:#fffbe6;');
    expect(response.body).toContain('data-theme="light"');
    // The query still wins over the site's theming defaults.
    const dark = await host.request({ path: '/optout?site=news&theme=dark&backgroundColor=000' });
    expect(dark.body).toContain('data-theme="dark"');
    expect(dark.body).toContain('--optout-background-color:#000;');
  });

  it('each language merges on its own: German gets the site intro, the shipped title', async () => {
    const response = await host.request({ path: '/optout?site=news&lang=de' });
    expect(boot(response).texts?.intro).toBe('Nachrichten zählen Besuche.');
    expect(response.body).not.toContain('Visit counting');
  });

  it('site=shop: its own default (out), the shipped texts where neither it nor the top level says anything', async () => {
    const response = await host.request({ path: '/optout?site=shop' });
    expect(frameAncestors(response)).toBe(`'self' ${SHOP}`);
    expect(boot(response)).toMatchObject({ allowedOrigins: [SHOP], defaultState: 'out' });
    expect(response.body).toContain(`<p class="status" role="status">${escapeHtml(en.texts.optedOut)}</p>`);
    expect(response.body).toContain(escapeHtml(en.texts.intro));
  });

  it('without site=: the environment origins and default, the top-level texts', async () => {
    const response = await host.request({ path: '/optout' });
    expect(frameAncestors(response)).toBe(`'self' ${MAIN}`);
    expect(boot(response)).toMatchObject({ allowedOrigins: [MAIN], defaultState: 'in' });
    expect(response.body).toContain('<title>Visit counting</title>');
    expect(response.body).not.toContain('News counts');
  });

  it('another site in the same state is another document: its own policy, boot and validator; the same site, the same bytes again', async () => {
    // Both opted out by choice, so only the profile differs between them.
    const ask = (site: string, headers: Record<string, string> = {}) =>
      host.request({ path: `/optout?site=${site}&showIntro=0`, headers: { cookie: 'optout=1', ...headers } });
    const [news, shop, newsAgain] = [await ask('news'), await ask('shop'), await ask('news')];
    expect([frameAncestors(news), frameAncestors(shop)]).toEqual([`'self' ${NEWS}`, `'self' ${SHOP}`]);
    expect([boot(news).allowedOrigins, boot(shop).allowedOrigins]).toEqual([[NEWS], [SHOP]]);
    expect(shop.body).toContain(`>${escapeHtml(en.texts.optInButton)}</button>`);
    expect(news.body).toContain(`<p class="status" role="status">${escapeHtml(en.texts.optedOut)}</p>`);
    expect(shop.body).not.toBe(news.body);
    expect(shop.headers.etag).not.toBe(news.headers.etag);
    // news's validator does not revalidate shop's page; its own does.
    expect((await ask('shop', { 'if-none-match': String(news.headers.etag) })).status).toBe(200);
    expect((await ask('news', { 'if-none-match': String(news.headers.etag) })).status).toBe(304);
    // No nonce or anything else per request: the same inputs are the same bytes.
    expect(newsAgain.body).toBe(news.body);
    expect(newsAgain.headers.etag).toBe(news.headers.etag);
  });

  it('an unknown site is a 400 naming the parameter, with no cookie and the host-wide policy', async () => {
    for (const site of ['blog', 'NEWS', '__proto__', 'constructor', '%3Cb%3E']) {
      const response = await host.request({ path: `/optout?site=${site}`, headers: { cookie: 'optout=1' } });
      expect(response.status, site).toBe(400);
      expect(response.body, site).toContain('&quot;site&quot;');
      expect(response.body, site).not.toContain('<b>');
      expect(response.headers['set-cookie'], site).toBeUndefined();
      expect(frameAncestors(response), site).toBe(`'self' ${MAIN}`);
    }
    expect((await host.request({ path: '/optout?site=news&site=shop' })).status).toBe(400);
  });
});

describe('the bridge, the form and client.js with site=', () => {
  it('GET /optout/bridge?site=shop: its origins and default in the CSP and the boot; an unknown site is a 400', async () => {
    const response = await host.request({ path: '/optout/bridge?site=shop' });
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe(`'self' ${SHOP}`);
    expect(boot(response)).toMatchObject({ allowedOrigins: [SHOP], defaultState: 'out' });
    // news is in the same state as the top level: asked right after, the top level's bridge is
    // still its own document, not news's cached one, and news's validator does not revalidate it.
    const news = await host.request({ path: '/optout/bridge?site=news' });
    expect(frameAncestors(news)).toBe(`'self' ${NEWS}`);
    const top = await host.request({ path: '/optout/bridge' });
    expect(boot(top)).toMatchObject({ allowedOrigins: [MAIN], defaultState: 'in' });
    expect(frameAncestors(top)).toBe(`'self' ${MAIN}`);
    const revalidated = await host.request({ path: '/optout/bridge', headers: { 'if-none-match': String(news.headers.etag) } });
    expect(revalidated.status).toBe(200);
    expect((await host.request({ path: '/optout/bridge?site=blog' })).status).toBe(400);
  });

  it('POST /optout?site=news from the frame: 303 back to the same profile', async () => {
    const response = await host.request({ method: 'POST', path: '/optout?site=news&lang=de', headers: FORM, body: 'optedOut=1' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/optout?site=news&lang=de&stored=1');
    expect(response.headers['set-cookie']).toEqual([expect.stringMatching(/^optout=1; /)]);
  });

  it('POST for another profile from another site is a 403; for an unknown profile a 400; neither sets a cookie', async () => {
    const crossSite = await host.request({
      method: 'POST',
      path: '/optout?site=shop',
      headers: { ...FORM, 'sec-fetch-site': 'cross-site', origin: NEWS },
      body: 'optedOut=0',
    });
    expect(crossSite.status).toBe(403);
    const unknown = await host.request({ method: 'POST', path: '/optout?site=blog', headers: FORM, body: 'optedOut=1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('&quot;site&quot;');
    for (const response of [crossSite, unknown]) expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('GET /client.js?site=news is the client; an unknown site is a 400', async () => {
    const plain = await host.request({ path: '/client.js' });
    const news = await host.request({ path: '/client.js?site=news' });
    expect(news.status).toBe(200);
    expect(news.body).toBe(plain.body);
    expect((await host.request({ path: '/client.js?site=blog' })).status).toBe(400);
  });
});
