// Test support: the real nginx with a server block included as Debian's nginx.conf includes conf.d/*.conf, in the foreground with its own pid and temp paths.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyProcess } from './proxy-process.js';

/** nginx on the PATH, or where Debian installs it (/usr/sbin, not on a non-root user's PATH). */
const nginx = spawnSync('nginx', ['-v']).status === 0 ? 'nginx' : '/usr/sbin/nginx';

/** Whether nginx is installed (.ci/run installs it). */
export const hasNginx = nginx === 'nginx' || existsSync(nginx);

/** The main config Debian ships, reduced to what a foreground run in a temp folder needs, with `serverBlock` in its http block. */
function writeMainConfig(serverBlock: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'optout-nginx-'));
  // mkdtemp makes it 0700: run as root, nginx's workers (nobody) must still enter it for the temp paths below.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'optout-frame.conf'), serverBlock);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/optout-frame.conf;
}
`,
  );
  return dir;
}

const args = (dir: string) => ['-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf')];

/** `nginx -t` on the server block: its exit status and what it printed. */
export function testNginxConfig(serverBlock: string): { status: number | null; output: string } {
  const dir = writeMainConfig(serverBlock);
  const result = spawnSync(nginx, ['-t', ...args(dir)], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** nginx serving the server blocks (each an adapted shipped config), once `port` answers. */
export function startNginx(serverBlocks: readonly string[], port: number): Promise<ProxyProcess> {
  const dir = writeMainConfig(serverBlocks.join('\n'));
  return startProxy(nginx, args(dir), port, dir);
}
