// Build step: a brotli and a gzip copy next to each file the host serves from dist/public, so the host compresses nothing at start-up.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress, SUFFIXES } from '../server/compressed.js';

/** Writes `file.br` and `file.gz` for `file` (sent in its place by server/built-files.ts). */
export function precompress(file: string): void {
  const { br, gzip } = compress(readFileSync(file));
  writeFileSync(file + SUFFIXES.br, br);
  writeFileSync(file + SUFFIXES.gzip, gzip);
}

/** Every file the host serves from `publicDir`: `client.js` and the content-hashed `assets/`. */
export function precompressPublic(publicDir: string): void {
  const assets = join(publicDir, 'assets');
  for (const name of readdirSync(assets)) precompress(join(assets, name));
  precompress(join(publicDir, 'client.js'));
}
