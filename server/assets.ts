// Finds the built, content-hashed assets through Vite's manifests (the host's and the static export's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FrameAssets {
  /** URL path of the frame's module script, e.g. `/assets/frame-3f2a1b.js`. */
  readonly frameScript: string;
  /** URL path of the bridge's module script (no Lit). */
  readonly bridgeScript: string;
  /** URL path of the embed-code builder's script; without it `GET /` is a plain form. */
  readonly builderScript?: string;
}

/** One entry of a Vite manifest: its built file, and the chunks it imports. */
export interface ManifestEntry {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/** What a site mounting the host may give instead of the package's own build. */
export interface HostOptions {
  /** Built assets; read from `dist/public` by default. */
  readonly assets?: FrameAssets;
  /** Folder holding the built `assets/` (default `dist/public`). */
  readonly publicDir?: URL;
}

/** The build is missing or incomplete; the message says what to run. */
export class AssetsError extends Error {
  override readonly name = 'AssetsError';
}

/** The package's root: this file is `server/assets.ts` in the sources, `dist/lib/server/assets.js` once built. */
export const packageRoot = new URL(/\/dist\/lib\/server\/[^/]*$/.test(import.meta.url) ? '../../../' : '../', import.meta.url);

/** The folder `npm run build` writes the public files to. */
export const publicDir = new URL('dist/public/', packageRoot);

/** A Vite manifest that `npm run build` wrote (the host's, the static export's). */
export function readManifest(manifestPath: string): Readonly<Record<string, ManifestEntry>> {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  } catch {
    throw new AssetsError(`${manifestPath} not found; run "npm run build" first`);
  }
}

/** Reads the manifests written by `npm run build`; says what to run when one is missing. */
export function loadAssets(dir: URL = publicDir): FrameAssets {
  const manifests = ['manifest.json', 'bridge-manifest.json', 'builder-manifest.json'];
  const manifest: Readonly<Record<string, ManifestEntry>> = Object.assign(
    {},
    ...manifests.map((name) => readManifest(join(fileURLToPath(dir), '.vite', name))),
  );
  const entry = (name: string): string => {
    const found = manifest[name];
    if (!found) throw new AssetsError(`${name} missing from the build manifest; run "npm run build"`);
    return `/${found.file}`;
  };
  return {
    frameScript: entry('widget/frame/frame.ts'),
    bridgeScript: entry('widget/bridge/bridge.ts'),
    builderScript: entry('widget/builder/builder.ts'),
  };
}
