// Instructions per `GET /optout` under valgrind (callgrind): host, empty Express route, bare node:http; the same on a busy machine.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from './processes.js';
import { recordAnswer } from './throughput.js';

/**
 * The headers Chromium sends for the frame in a cross-site iframe (a first visit: no cookie).
 * CPU time per request swings with whatever else the machine runs; instructions do not.
 */
const HEADERS: Record<string, string> = {
  'sec-ch-ua': '"Chromium";v="156", "Not)A;Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Linux"',
  'upgrade-insecure-requests': '1',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8',
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'iframe',
  'sec-fetch-storage-access': 'none',
  referer: 'http://localhost:8080/',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-US,en;q=0.9',
};
const PATH = '/optout?showIntro=1';
/** Requests before counting (so V8 has optimised the hot path) and requests counted. */
const WARM_UP = Number(process.env.WARM_UP ?? 4000);
const COUNTED = Number(process.env.COUNTED ?? 4000);
const CONNECTIONS = 10;

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i += 1) {
    if (child.exitCode !== null) throw new Error(`instructions: server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { headers: HEADERS })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instructions: ${url} did not answer`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // valgrind names its control pipes after $HOST, which the servers are given: the same here.
    const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1' } });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`))));
  });
}

/** The instructions callgrind counted in its dump `file`, once written (a busy machine delays it). */
async function dumped(file: string): Promise<number> {
  for (let i = 0; i < 240; i += 1) {
    const totals = existsSync(file) ? /^totals: (\d+)/m.exec(readFileSync(file, 'utf8')) : null;
    if (totals) return Number(totals[1]);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instructions: no callgrind dump in ${file}`);
}

/** Starts `entry` under callgrind, warms it up, counts `COUNTED` requests, returns instructions per request. */
async function measure(entry: string, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const out = join(tmpdir(), `optout-callgrind-${process.pid}-${port}`);
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}.%p`, process.execPath, ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  try {
    const url = `http://127.0.0.1:${port}${PATH}`;
    await waitFor(url, child);
    await autocannon({ url, headers: HEADERS, connections: CONNECTIONS, amount: WARM_UP });
    await run('callgrind_control', ['-z', String(child.pid)]);
    const result = await autocannon({ url, headers: HEADERS, connections: CONNECTIONS, amount: COUNTED });
    await run('callgrind_control', ['-d', String(child.pid)]);
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`instructions: ${entry} answered ${result.non2xx} non-2xx, ${result.errors} errors`);
    return (await dumped(`${out}.${child.pid}.1`)) / result.requests.total;
  } finally {
    child.kill('SIGKILL');
    for (const suffix of ['', '.1']) rmSync(`${out}.${child.pid}${suffix}`, { force: true });
  }
}

/** The host's answer to the headers above, recorded for the replaying servers. */
async function record(host: string): Promise<string> {
  const { answer } = await recordAnswer(`${host}${PATH}`, HEADERS);
  const file = join(tmpdir(), `optout-instructions-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(answer));
  return file;
}

/** The host as built (`npm run build`): under valgrind, tsx's own start-up takes minutes. */
const HOST_ENTRY = 'dist/lib/server/main.js';
const hostEnv = { OPTOUT_ALLOWED_ORIGINS: 'http://localhost:8080' };
/** `npm run bench:instructions -- host,bare` measures some of them. */
const which = process.argv[2] ?? 'host,express,bare';
if (!existsSync(join(root, HOST_ENTRY))) throw new Error(`instructions: ${HOST_ENTRY} is missing: run npm run build first`);

// The references replay what the host answers (started once without valgrind).
const port = await freePort();
const plain = spawn(process.execPath, [HOST_ENTRY], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...hostEnv },
  stdio: 'ignore',
});
await waitFor(`http://127.0.0.1:${port}/healthz`, plain);
const replay = await record(`http://127.0.0.1:${port}`);
plain.kill('SIGTERM');

const servers: Record<string, [string, Record<string, string>]> = {
  host: [HOST_ENTRY, hostEnv],
  express: ['bench/express-replay.ts', { BENCH_REPLAY: replay }],
  bare: ['bench/bare-server.ts', { BENCH_REPLAY: replay }],
};
// Other builds of the host to compare, as `name=path/to/main.js,…`.
for (const extra of (process.env.INSTR_HOSTS ?? '').split(',').filter(Boolean)) {
  const [name, entry] = extra.split('=') as [string, string];
  servers[name] = [entry, hostEnv];
}
const names = which.split(',').filter((name) => name in servers);
// Counted instructions do not depend on what else runs, so the three run side by side.
const counts = await Promise.all(names.map((name) => measure(...(servers[name] as [string, Record<string, string>]))));
rmSync(replay, { force: true });
const figures = Object.fromEntries(names.map((name, i) => [name, counts[i] as number]));
for (const [name, count] of Object.entries(figures)) {
  const ratio = figures.bare ? ` (bare/${name} = ${(figures.bare / count).toFixed(3)})` : '';
  console.log(`${name}: ${Math.round(count)} instructions per request${ratio}`);
}
