// The static export with OPTOUT_CONFIG: the top level's texts, or one site's origins, default, texts and theme, in a folder of its own with its header files.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config/index.js';
import { buildProfiles } from '../server/site-profiles.js';
import { writeConfigFile } from '../server/testing/config-files.js';
import { fakeStaticAssets } from '../server/testing/static-assets.js';
import { MANIFEST_NAME, writeStaticExport } from './write-export.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The static config script of a written frame page. */
function staticConfig(html: string): {
  allowedOrigins: string[];
  defaultState: string;
  fallback: { texts: Record<string, string> };
  languages: Record<string, { href?: string }>;
  theme: Record<string, string>;
} {
  const json = /<script type="application\/json" id="optout-static">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json!);
}

describe('static export with profiles', () => {
  const file = writeConfigFile({
    texts: { en: { intro: 'Top <intro>.' } },
    sites: {
      news: { allowedOrigins: ['https://news.example.org'], default: 'out', texts: { de: { intro: 'Nachrichten zählen.' } } },
      shop: {
        allowedOrigins: ['https://shop.example.org'],
        texts: { en: { intro: 'Shop intro.' } },
        theme: { theme: 'dark', fontColor: 'ffcc00' },
      },
    },
  });
  const config = loadConfig({ OPTOUT_CONFIG: file, OPTOUT_ALLOWED_ORIGINS: 'https://main.example.org' });
  const profiles = buildProfiles(config);

  it('the top-level export carries the top-level texts and the environment origins', () => {
    const assets = fakeStaticAssets();
    const out = join(assets, 'out');
    roots.push(assets);
    writeStaticExport(out, assets, 'optout', profiles.top);
    const boot = staticConfig(readFileSync(join(out, 'optout/index.html'), 'utf8'));
    expect(boot.fallback.texts.intro).toBe('Top <intro>.');
    expect(readFileSync(join(out, 'optout/index.html'), 'utf8')).not.toContain('<intro>');
    for (const file of ['_headers', 'nginx.conf', 'Caddyfile']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toMatch(/frame-ancestors 'self' https:\/\/main\.example\.org["\n]/);
    }
    expect(existsSync(join(out, MANIFEST_NAME))).toBe(false);
  });

  it("a site's folder: its origins only, its default, its texts in its language files, its theme", () => {
    const assets = fakeStaticAssets();
    roots.push(assets);
    const top = join(assets, 'top');
    const news = join(assets, 'news');
    writeStaticExport(top, assets, 'optout', profiles.top);
    writeStaticExport(news, assets, 'optout', profiles.sites.get('news')!);
    for (const part of ['optout/index.html', 'optout/bridge/index.html', 'client.js', 'assets/frame-abc.js', '_headers'])
      expect(existsSync(join(news, part)), part).toBe(true);
    const headers = readFileSync(join(news, '_headers'), 'utf8');
    expect(headers).toContain("frame-ancestors 'self' https://news.example.org\n");
    expect(headers).not.toContain('main.example.org');
    const boot = staticConfig(readFileSync(join(news, 'optout/index.html'), 'utf8'));
    expect(boot).toMatchObject({ allowedOrigins: ['https://news.example.org'], defaultState: 'out' });
    expect(boot.fallback.texts.intro).toBe('Top <intro>.');
    const german = JSON.parse(readFileSync(join(news, boot.languages.de!.href!), 'utf8'));
    expect(german.intro).toBe('Nachrichten zählen.');
    const topFiles = readdirSync(join(top, 'assets/i18n'));
    const siteFiles = readdirSync(join(news, 'assets/i18n'));
    expect(siteFiles).toHaveLength(topFiles.length);
    expect(siteFiles.filter((name) => name.startsWith('de-'))).not.toEqual(topFiles.filter((name) => name.startsWith('de-')));

    const shopDir = join(assets, 'shop');
    writeStaticExport(shopDir, assets, 'optout', profiles.sites.get('shop')!);
    const shop = staticConfig(readFileSync(join(shopDir, 'optout/index.html'), 'utf8'));
    expect(shop).toMatchObject({
      allowedOrigins: ['https://shop.example.org'],
      defaultState: 'in',
      theme: { theme: 'dark', fontColor: 'ffcc00' },
    });
    expect(shop.fallback.texts.intro).toBe('Shop intro.');
  });

  it('a second export into the same folder replaces the first one, language files included', () => {
    const assets = fakeStaticAssets();
    roots.push(assets);
    const out = join(assets, 'out');
    writeStaticExport(out, assets, 'optout', profiles.sites.get('news')!);
    writeStaticExport(out, assets, 'optout', profiles.top);
    expect(readFileSync(join(out, '_headers'), 'utf8')).not.toContain('news.example.org');
    expect(readdirSync(join(out, 'assets/i18n')).filter((name) => name.startsWith('de-'))).toHaveLength(1);
  });
});
