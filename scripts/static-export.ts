// The static export's built part (dist/static-assets): its browser code with Vite, client.js and the manifest, from which `optout-frame export` writes an export.
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { MANIFEST_NAME } from '../export/write-export.js';
import { staticBuildConfig } from '../vite.config.js';

/** Where `npm run build` leaves it, in the package too. */
export const STATIC_ASSETS_DIR = 'dist/static-assets';

/** Builds dist/static-assets from scratch; client.js comes from dist/public, built before. */
export async function buildStaticAssets(root: string): Promise<void> {
  const outDir = join(root, STATIC_ASSETS_DIR);
  await viteBuild({ ...staticBuildConfig, configFile: false, root, logLevel: 'warn' });
  renameSync(join(outDir, '.vite/manifest.json'), join(outDir, MANIFEST_NAME));
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  copyFileSync(join(root, 'dist/public/client.js'), join(outDir, 'client.js'));
}
