// `npm run build`: the host's browser code (Vite) into dist/public with brotli and gzip copies, the static export's assets into dist/static-assets, the library (tsc) into dist/lib.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { precompressPublic } from './precompress.js';
import { buildStaticAssets, STATIC_ASSETS_DIR } from './static-export.js';
import { bridgeBuildConfig, builderBuildConfig, clientScriptBuildConfig } from '../vite.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = join(root, 'dist/public/.vite/manifest.json');

/** Newest modification time of the files below `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when dist/ is missing or older than the browser code it is built from. */
export function needsBuild(): boolean {
  if (!existsSync(manifest) || !existsSync(join(root, STATIC_ASSETS_DIR, 'client.js'))) return true;
  const sources = Math.max(newest(join(root, 'widget')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  return statSync(manifest).mtimeMs < sources;
}

export async function build(): Promise<void> {
  await viteBuild({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  // One build per output shape (see vite.config.ts); the first empties dist/public.
  for (const config of [bridgeBuildConfig, builderBuildConfig, clientScriptBuildConfig])
    await viteBuild({ ...config, configFile: false, root, logLevel: 'warn' });
  // The host sends these from memory as they are: compressed here, once, not at every start.
  precompressPublic(join(root, 'dist/public'));
  // Only the export's assets: its pages carry a site's origins and texts, so `optout-frame export` writes them.
  await buildStaticAssets(root);
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build();
  console.log('built dist/public, dist/static-assets and dist/lib');
}
