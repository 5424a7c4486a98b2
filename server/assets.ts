// Finds the built, content-hashed frame assets through Vite's manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FrameAssets {
  /** URL path of the frame's module script, e.g. `/assets/frame-3f2a1b.js`. */
  readonly frameScript: string;
}

interface ManifestEntry {
  readonly file: string;
}

/** The build is missing or incomplete; the message says what to run. */
export class AssetsError extends Error {
  override readonly name = 'AssetsError';
}

/** The folder `npm run build` writes the public files to. */
export const publicDir = new URL('../dist/public/', import.meta.url);

/** Reads the manifest written by `npm run build`; says what to run when it is missing. */
export function loadAssets(dir: URL = publicDir): FrameAssets {
  const manifestPath = join(dir.pathname, '.vite', 'manifest.json');
  let manifest: Record<string, ManifestEntry>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  } catch {
    throw new AssetsError(`${manifestPath} not found; run "npm run build" first`);
  }
  const entry = (name: string): string => {
    const found = manifest[name];
    if (!found) throw new AssetsError(`${name} missing from the build manifest; run "npm run build"`);
    return `/${found.file}`;
  };
  return { frameScript: entry('widget/frame.ts') };
}
