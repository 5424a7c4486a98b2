// Test support: the real Caddy with site blocks from shipped Caddyfiles, in the foreground with its own data folder and no admin endpoint.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyProcess } from './proxy-process.js';

/** Whether Caddy is installed (.ci/run installs it). */
export const hasCaddy = spawnSync('caddy', ['version']).status === 0;

/**
 * Caddy serving `siteBlocks` (each an adapted shipped Caddyfile), once `port` answers. The global
 * options are the test machine's, printed: no admin endpoint (several Caddys run at once), plain
 * HTTP on a free port instead of 80, and no attempt to install a CA in the system's trust store.
 */
export function startCaddy(siteBlocks: readonly string[], httpPort: number, port: number): Promise<ProxyProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'optout-caddy-'));
  const globalOptions = `{\n\tadmin off\n\thttp_port ${httpPort}\n\tskip_install_trust\n}\n`;
  console.log(`Caddyfile, global options for this test: ${globalOptions.replace(/\s+/g, ' ')}`);
  writeFileSync(join(dir, 'Caddyfile'), [globalOptions, ...siteBlocks].join('\n'));
  // Caddy keeps its state (locks, OCSP staples) under XDG_DATA_HOME, and its autosave under XDG_CONFIG_HOME.
  const env = { ...process.env, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir };
  return startProxy('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], port, dir, env);
}
