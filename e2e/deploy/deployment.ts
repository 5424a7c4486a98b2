// e2e fixture: production's shape behind the real proxies — the host behind nginx and Caddy (deploy/), the static export behind nginx and Caddy (its own generated configs), over HTTPS on *.test names at non-default ports.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExport } from '../../export/command.js';
import { createOptOutHost } from '../../server/app.js';
import { loadConfig } from '../../server/config/index.js';
import { close, listen } from '../../server/listen.js';
import { makeTestCertificates, type TestCertificates } from '../../server/testing/tls-certificates.js';
import { startHttpsDemo, type HttpsDemo } from '../https-origins.js';
import { startCaddy } from './caddy.js';
import { startNginx } from './nginx.js';
import { adaptConfig, caddyChanges, nginxChanges } from './proxy-configs.js';
import { freePort, type ProxyProcess } from './proxy-process.js';

/** The host's public name behind the proxies, and the static export's. */
const HOST_NAME = 'optout.example.test';
const STATIC_NAME = 'static.example.test';
/** The site that embeds the frame, and one that is not allowed to (both served by each target's demo). */
const SITE_NAME = 'www.gazette.test';
const OTHER_NAME = 'www.attacker.test';

export type TargetName = 'nginx → host' | 'Caddy → host' | 'nginx → export' | 'Caddy → export';

export interface Target {
  readonly name: TargetName;
  /** The host (the Express app) or the static export behind the proxy. */
  readonly serves: 'host' | 'export';
  /** What browsers use: https://<name>:<port>. */
  readonly publicOrigin: string;
  /** The demo site pointed at `publicOrigin`, on the allowed name and on the other one. */
  readonly siteOrigin: string;
  readonly otherOrigin: string;
}

export interface Deployment {
  readonly certs: TestCertificates;
  readonly targets: readonly Target[];
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const shipped = (path: string) => readFileSync(join(root, path), 'utf8');

/** Everything a deployment needs besides the proxies: certificates, one demo per target, ports. */
async function prepare() {
  const certs = makeTestCertificates([HOST_NAME, STATIC_NAME, SITE_NAME, OTHER_NAME]);
  const demos = await Promise.all([0, 1, 2, 3].map(() => startHttpsDemo(certs)));
  const [nginxHttp, caddyHttp, ...https] = await Promise.all([0, 1, 2, 3, 4, 5].map(() => freePort()));
  return { certs, demos, nginxHttp: nginxHttp!, caddyHttp: caddyHttp!, https: https as [number, number, number, number] };
}

/** The host as deploy/'s comments say to run it (loopback, the proxy trusted), in this process. */
async function startHost(allowedOrigins: readonly string[]): Promise<Server> {
  const config = loadConfig({ PORT: '0', OPTOUT_TRUST_PROXY: 'loopback', OPTOUT_ALLOWED_ORIGINS: allowedOrigins.join(',') });
  return listen(createOptOutHost(config), 0, '127.0.0.1');
}

/** `npx optout-frame export DIR` for the allowed origins, from the built assets (npm run build). */
function exportFor(allowedOrigins: readonly string[]): string {
  const parent = mkdtempSync(join(tmpdir(), 'optout-deploy-'));
  // mkdtemp makes it private; nginx's workers run as another user (nobody) and must read the export.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'out');
  runExport([dir], { OPTOUT_ALLOWED_ORIGINS: allowedOrigins.join(',') });
  return dir;
}

/**
 * Starts the four targets: nginx and Caddy each run once, with the host's block from deploy/ and
 * the export's own generated block side by side, each on a port of its own.
 */
export async function startDeployment(): Promise<Deployment> {
  const { certs, demos, nginxHttp, caddyHttp, https } = await prepare();
  const [nginxHost, caddyHost, nginxStatic, caddyStatic] = https;
  const site = (demo: HttpsDemo) => demo.origin(SITE_NAME);
  const host = await startHost([site(demos[0]!), site(demos[1]!)]);
  const exportDir = exportFor([site(demos[2]!), site(demos[3]!)]);
  const hostPort = (host.address() as AddressInfo).port;
  const names = { certFile: certs.certFile, keyFile: certs.keyFile };
  const proxies: ProxyProcess[] = [];
  try {
    proxies.push(
      await startNginx(
        [
          adaptConfig(
            'deploy/nginx.conf',
            shipped('deploy/nginx.conf'),
            nginxChanges({ ...names, name: HOST_NAME, httpsPort: nginxHost, httpPort: nginxHttp, hostPort }),
          ),
          adaptConfig(
            'export nginx.conf',
            readFileSync(join(exportDir, 'nginx.conf'), 'utf8'),
            nginxChanges({ ...names, name: STATIC_NAME, httpsPort: nginxStatic, httpPort: await freePort() }),
          ),
        ],
        nginxStatic,
      ),
    );
    proxies.push(
      await startCaddy(
        [
          adaptConfig(
            'deploy/Caddyfile',
            shipped('deploy/Caddyfile'),
            caddyChanges({ ...names, name: HOST_NAME, httpsPort: caddyHost, httpPort: caddyHttp, hostPort }),
          ),
          adaptConfig(
            'export Caddyfile',
            readFileSync(join(exportDir, 'Caddyfile'), 'utf8'),
            caddyChanges({ ...names, name: STATIC_NAME, httpsPort: caddyStatic, httpPort: caddyHttp }),
          ),
        ],
        caddyHttp,
        caddyStatic,
      ),
    );
  } catch (error) {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    throw error;
  }
  const targets: Target[] = (
    [
      ['nginx → host', 'host', HOST_NAME, nginxHost],
      ['Caddy → host', 'host', HOST_NAME, caddyHost],
      ['nginx → export', 'export', STATIC_NAME, nginxStatic],
      ['Caddy → export', 'export', STATIC_NAME, caddyStatic],
    ] as const
  ).map(([name, serves, publicName, port], i) => {
    const demo = demos[i]!;
    demo.pointAt(`https://${publicName}:${port}`);
    return {
      name,
      serves,
      publicOrigin: `https://${publicName}:${port}`,
      siteOrigin: demo.origin(SITE_NAME),
      otherOrigin: demo.origin(OTHER_NAME),
    };
  });
  return {
    certs,
    targets,
    stop: async () => {
      await Promise.all([...proxies.map((proxy) => proxy.stop()), close(host, 0), ...demos.map((demo) => demo.close())]);
      rmSync(join(exportDir, '..'), { recursive: true, force: true });
      certs.remove();
    },
  };
}
