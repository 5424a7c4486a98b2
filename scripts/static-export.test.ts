// The static export with OPTOUT_CONFIG: the top level's texts in dist/static, and one complete export per site in dist/static-sites/<id>.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config/index.js';
import { buildProfiles } from '../server/site-profiles.js';
import { writeConfigFile } from '../server/testing/config-files.js';
import { SITES_DIR, writeSiteExports, writeStaticPages } from './static-export.js';

/** A stand-in for what `npm run build` leaves before the pages are written: assets, client.js, the manifest. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'optout-export-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'static/assets/i18n'), { recursive: true });
  writeFileSync(join(dist, 'static/assets/frame-abc.js'), 'export {};');
  writeFileSync(join(dist, 'static/assets/bridge-abc.js'), 'export {};');
  writeFileSync(join(dist, 'static/client.js'), '/* client */');
  const manifest = {
    'widget/frame/static-frame.ts': { file: 'assets/frame-abc.js' },
    'widget/bridge/static-bridge.ts': { file: 'assets/bridge-abc.js' },
  };
  writeFileSync(join(dist, 'static-manifest.json'), JSON.stringify(manifest));
  return root;
}

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
      shop: { allowedOrigins: ['https://shop.example.org'], texts: { en: { intro: 'Shop intro.' } }, theme: { theme: 'dark', fontColor: 'ffcc00' } },
    },
  });
  const config = loadConfig({ OPTOUT_CONFIG: file, OPTOUT_ALLOWED_ORIGINS: 'https://main.example.org' });
  const profiles = buildProfiles(config);

  it('the top-level export carries the top-level texts and the environment origins', () => {
    const root = fakeBuild();
    roots.push(root);
    const out = join(root, 'dist/static');
    writeStaticPages(out, join(root, 'dist/static-manifest.json'), { cookieName: 'optout', defaultState: 'in', allowedOrigins: ['https://main.example.org'] }, profiles.top);
    const boot = staticConfig(readFileSync(join(out, 'optout/index.html'), 'utf8'));
    expect(boot.fallback.texts.intro).toBe('Top <intro>.');
    expect(readFileSync(join(out, 'optout/index.html'), 'utf8')).not.toContain('<intro>');
    expect(readFileSync(join(out, '_headers'), 'utf8')).toContain('frame-ancestors https://main.example.org\n');
  });

  it('one complete folder per site: its origins only, its default, its texts in its language files', () => {
    const root = fakeBuild();
    roots.push(root);
    writeStaticPages(join(root, 'dist/static'), join(root, 'dist/static-manifest.json'), { cookieName: 'optout', defaultState: 'in', allowedOrigins: [] }, profiles.top);
    writeSiteExports(root, 'optout', profiles);
    expect(readdirSync(join(root, SITES_DIR)).sort()).toEqual(['news', 'shop']);

    const news = join(root, SITES_DIR, 'news');
    for (const part of ['optout/index.html', 'optout/bridge/index.html', 'client.js', 'assets/frame-abc.js', '_headers']) expect(existsSync(join(news, part)), part).toBe(true);
    const headers = readFileSync(join(news, '_headers'), 'utf8');
    expect(headers).toContain('frame-ancestors https://news.example.org\n');
    expect(headers).not.toContain('shop.example.org');
    const boot = staticConfig(readFileSync(join(news, 'optout/index.html'), 'utf8'));
    expect(boot).toMatchObject({ allowedOrigins: ['https://news.example.org'], defaultState: 'out' });
    expect(boot.fallback.texts.intro).toBe('Top <intro>.');
    const german = JSON.parse(readFileSync(join(news, boot.languages.de!.href!), 'utf8'));
    expect(german.intro).toBe('Nachrichten zählen.');
    // Its language files only: none of the top level's were copied along.
    const topFiles = readdirSync(join(root, 'dist/static/assets/i18n'));
    const siteFiles = readdirSync(join(news, 'assets/i18n'));
    expect(siteFiles).toHaveLength(topFiles.length);
    expect(siteFiles.filter((name) => name.startsWith('de-'))).not.toEqual(topFiles.filter((name) => name.startsWith('de-')));

    const shop = staticConfig(readFileSync(join(root, SITES_DIR, 'shop/optout/index.html'), 'utf8'));
    expect(shop).toMatchObject({ allowedOrigins: ['https://shop.example.org'], defaultState: 'in', theme: { theme: 'dark', fontColor: 'ffcc00' } });
    expect(shop.fallback.texts.intro).toBe('Shop intro.');
  });

  it('without sites, no site folders (and an old one is removed)', () => {
    const root = fakeBuild();
    roots.push(root);
    mkdirSync(join(root, SITES_DIR, 'stale'), { recursive: true });
    writeSiteExports(root, 'optout', buildProfiles(loadConfig({})));
    expect(existsSync(join(root, SITES_DIR))).toBe(false);
  });
});
