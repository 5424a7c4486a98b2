// Test support: writes OPTOUT_CONFIG files into a temporary folder that is removed when the process exits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;
let files = 0;

/** The folder, made on first use. */
export function configDir(): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'optout-config-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

/** Writes `content` (JSON-encoded unless already a string or bytes) to a fresh file; returns its path. */
export function writeConfigFile(content: unknown): string {
  const path = join(configDir(), `config-${++files}.json`);
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}
