// Writes a complete static export into a folder: the built assets and client.js, the frame and bridge pages for one profile, its language files, and its header files.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readManifest, type ManifestEntry } from '../server/assets.js';
import { staticPathRules, type PathRule } from '../server/header-rules.js';
import type { Profile } from '../server/site-profiles.js';
import { fallbackLanguage, shippedLanguages } from '../widget/shared/i18n/index.js';
import type { StaticConfig, StaticLanguage } from '../widget/shared/static-config.js';
import { renderCaddyfile, renderHeadersFile, renderNginxConfig } from './header-files.js';
import { renderStaticBridgePage, renderStaticFramePage, staticFrameStyleHash, type StaticScripts } from './static-pages.js';

type Manifest = Readonly<Record<string, ManifestEntry>>;

/** In the built assets folder (`dist/static-assets`), beside what is copied: Vite's manifest of the static entries. */
export const MANIFEST_NAME = 'manifest.json';

/**
 * The host's `GET /healthz` as a file: `ok`, as text, never cached. A static host serves a file
 * without an extension at its exact path; the header rule gives it its type.
 */
const HEALTH_CHECK = 'healthz';
const healthCheckRule: PathRule = {
  path: `/${HEALTH_CHECK}`,
  headers: [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Cache-Control', 'no-store'],
  ],
};

/** What the export copies from the built assets folder: the rest (the manifest) stays behind. */
const COPIED = ['assets', 'client.js'];

/** Everything an export writes at the top of its folder: a previous export's are replaced, nothing else is touched. */
export const EXPORT_ENTRIES = [...COPIED, 'optout', HEALTH_CHECK, '_headers', 'nginx.conf', 'Caddyfile'];

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
 * English is in the page; every other language is one hashed JSON file, fetched only by the
 * frames that show it, so no visitor downloads all languages.
 */
function writeLanguages(outDir: string, profile: Pick<Profile, 'texts'>): Record<string, StaticLanguage> {
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
  return languages;
}

/**
 * Writes one profile's export there, to be served at the root of its own
 * origin: a static host has no `site=` to read, and its headers apply per origin, so each profile
 * is a folder (and an origin) of its own. The header files go beside the pages.
 */
export function writeStaticExport(
  outDir: string,
  assetsDir: string,
  cookieName: string,
  profile: Pick<Profile, 'config' | 'texts' | 'theme'>,
): void {
  const manifest = readManifest(join(assetsDir, MANIFEST_NAME));
  for (const name of EXPORT_ENTRIES) rmSync(join(outDir, name), { recursive: true, force: true });
  for (const name of COPIED) cpSync(join(assetsDir, name), join(outDir, name), { recursive: true });
  const config: StaticConfig = { cookieName, defaultState: profile.config.defaultState, allowedOrigins: profile.config.allowedOrigins };
  const fallback = { tag: fallbackLanguage.tag, dir: fallbackLanguage.dir, texts: profile.texts(fallbackLanguage) };
  const languages = writeLanguages(outDir, profile);
  mkdirSync(join(outDir, 'optout/bridge'), { recursive: true });
  writeFileSync(
    join(outDir, 'optout/index.html'),
    renderStaticFramePage({ ...config, fallback, languages, theme: profile.theme }, scriptsOf(manifest, 'widget/frame/static-frame.ts')),
  );
  writeFileSync(
    join(outDir, 'optout/bridge/index.html'),
    renderStaticBridgePage(config, scriptsOf(manifest, 'widget/bridge/static-bridge.ts')),
  );
  writeFileSync(join(outDir, HEALTH_CHECK), 'ok');
  const rules = [...staticPathRules(config.allowedOrigins, staticFrameStyleHash), healthCheckRule];
  writeFileSync(join(outDir, '_headers'), renderHeadersFile(rules));
  writeFileSync(join(outDir, 'nginx.conf'), renderNginxConfig(rules, resolve(outDir)));
  writeFileSync(join(outDir, 'Caddyfile'), renderCaddyfile(rules, resolve(outDir)));
}
