// The static export (dist/static): frame, bridge, client.js, hashed assets and per-language texts, for any static host or CDN.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { renderStaticBridgePage, renderStaticFramePage, renderStaticHeaders, type StaticScripts } from '../server/static-pages.js';
import type { Profile, Profiles } from '../server/site-profiles.js';
import { fallbackLanguage, shippedLanguages } from '../widget/shared/i18n/index.js';
import type { StaticConfig, StaticLanguage } from '../widget/shared/static-config.js';
import { staticBuildConfig } from '../vite.config.js';

interface ManifestEntry {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}
type Manifest = Record<string, ManifestEntry>;

/** The shipped texts and no theming defaults: an export without OPTOUT_CONFIG. */
const SHIPPED: Pick<Profile, 'texts' | 'theme'> = { texts: (language) => language.texts, theme: {} };

/** Where the static build's manifest is kept: beside the export, so it is not deployed with it. */
const MANIFEST_NAME = 'static-manifest.json';

/** The entry's script and every chunk it imports, statically or on demand, for preloading. */
function scriptsOf(manifest: Manifest, entryName: string): StaticScripts {
  const entry = manifest[entryName];
  if (!entry) throw new Error(`${entryName} missing from ${MANIFEST_NAME}`);
  const preload = new Set<string>();
  const visit = (names: readonly string[] = []) => {
    for (const name of names) {
      const chunk = manifest[name];
      if (!chunk || preload.has(`/${chunk.file}`)) continue;
      preload.add(`/${chunk.file}`);
      visit(chunk.imports);
    }
  };
  visit(entry.imports);
  visit(entry.dynamicImports);
  return { entry: `/${entry.file}`, preload: [...preload] };
}

/**
 * Writes the pages and language files of an export whose assets are already in `outDir`.
 * Separate from the asset build so the same export can be configured for other origins.
 * Texts: English is in the page; every other language is one hashed JSON file, fetched only
 * by the frames that show it, so no visitor downloads all languages.
 */
export function writeStaticPages(
  outDir: string,
  manifestPath: string,
  config: StaticConfig,
  profile: Pick<Profile, 'texts' | 'theme'> = SHIPPED,
): void {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  mkdirSync(join(outDir, 'assets/i18n'), { recursive: true });
  const languages: Record<string, StaticLanguage> = {};
  for (const language of shippedLanguages) {
    let href: string | undefined;
    if (language !== fallbackLanguage) {
      const json = JSON.stringify(profile.texts(language));
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
      href = `/assets/i18n/${language.tag}-${hash}.json`;
      writeFileSync(join(outDir, href), json);
    }
    const entry: StaticLanguage = { tag: language.tag, dir: language.dir, ...(href ? { href } : {}) };
    for (const tag of [language.tag, ...(language.aliases ?? [])]) languages[tag.toLowerCase()] = entry;
  }
  const fallback = { tag: fallbackLanguage.tag, dir: fallbackLanguage.dir, texts: profile.texts(fallbackLanguage) };
  mkdirSync(join(outDir, 'optout/bridge'), { recursive: true });
  writeFileSync(
    join(outDir, 'optout/index.html'),
    renderStaticFramePage({ ...config, fallback, languages, theme: profile.theme }, scriptsOf(manifest, 'widget/frame/static-frame.ts')),
  );
  writeFileSync(join(outDir, 'optout/bridge/index.html'), renderStaticBridgePage(config, scriptsOf(manifest, 'widget/bridge/static-bridge.ts')));
  writeFileSync(join(outDir, '_headers'), renderStaticHeaders(config));
}

/** Where the export of each OPTOUT_CONFIG site goes: `dist/static-sites/<id>/`. */
export const SITES_DIR = 'dist/static-sites';

/** A profile's own export settings: the host's cookie name, the profile's default and origins. */
function profileConfig(cookieName: string, profile: Profile): StaticConfig {
  return { cookieName, defaultState: profile.config.defaultState, allowedOrigins: profile.config.allowedOrigins };
}

/**
 * One complete export per site, each to be served at the root of its own origin (say
 * optout-news.example.org): a CDN has no `site=` to read, and `_headers` applies per origin, so
 * a folder per origin is what keeps each site's `frame-ancestors` its own. The assets are the
 * same files; only the pages, the headers and the site's language files differ.
 */
export function writeSiteExports(root: string, cookieName: string, profiles: Profiles): void {
  const sitesDir = join(root, SITES_DIR);
  rmSync(sitesDir, { recursive: true, force: true });
  for (const profile of profiles.sites.values()) {
    const outDir = join(sitesDir, profile.site ?? '');
    // The top level's language files stay behind: the site writes its own.
    const topTexts = join(root, 'dist/static/assets/i18n');
    cpSync(join(root, 'dist/static'), outDir, { recursive: true, filter: (source) => source !== topTexts });
    writeStaticPages(outDir, join(root, 'dist', MANIFEST_NAME), profileConfig(cookieName, profile), profile);
  }
}

/** Builds dist/static from scratch (the browser code with Vite, client.js from dist/public, then the pages), and one export per site. */
export async function buildStaticExport(root: string, cookieName: string, profiles: Profiles): Promise<void> {
  const config = profileConfig(cookieName, profiles.top);
  const outDir = join(root, 'dist/static');
  await viteBuild({ ...staticBuildConfig, configFile: false, root, logLevel: 'warn' });
  const manifestPath = join(root, 'dist', MANIFEST_NAME);
  renameSync(join(outDir, '.vite/manifest.json'), manifestPath);
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  copyFileSync(join(root, 'dist/public/client.js'), join(outDir, 'client.js'));
  writeStaticPages(outDir, manifestPath, config, profiles.top);
  writeSiteExports(root, cookieName, profiles);
}
