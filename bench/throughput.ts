// GET /optout under load: the host against a bare node:http server sending the same bytes, alternated, plus the host's memory.
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedAnswer } from './bare-server.js';
import type { LoadSide, ThroughputFigures } from './figures.js';
import { freePort, startChild, type ChildServer } from './processes.js';
import { median } from './stats.js';

/** Headers Node writes per connection/response itself; the replay lets Node write them the same way. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** Asks the host once, with the browser's headers, and keeps the answer exactly as sent. */
export function recordAnswer(url: string, headers: Record<string, string>): Promise<{ answer: RecordedAnswer; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] as string;
          if (!PER_CONNECTION.has(name.toLowerCase())) pairs.push([name, res.rawHeaders[i + 1] as string]);
        }
        const body = Buffer.concat(chunks);
        // Status line, each "name: value\r\n", the blank line: what went over the wire before the body.
        const headerBytes =
          `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + res.rawHeaders.reduce((n, h) => n + h.length + 2, 0) + 2;
        resolve({
          answer: { status: res.statusCode ?? 0, headers: pairs, bodyBase64: body.toString('base64') },
          bytes: headerBytes + body.length,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

interface Round {
  /** CPU the server process used per answered request, in microseconds. */
  readonly cpuMicrosPerRequest: number;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly total: number;
}

async function load(
  server: ChildServer,
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<Round> {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    cpuMicrosPerRequest: ((server.cpuMs() - cpuBefore) * 1000) / Math.max(1, result.requests.total),
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

function side(rounds: readonly Round[]): LoadSide {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    cpuMicrosPerRequest:
      rounds.reduce((n, r) => n + r.cpuMicrosPerRequest * r.total, 0) /
      Math.max(
        1,
        rounds.reduce((n, r) => n + r.total, 0),
      ),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    totalRequests: rounds.reduce((n, r) => n + r.total, 0),
    rounds: rounds.map(({ requestsPerSecond, p99Ms, cpuMicrosPerRequest }) => ({ requestsPerSecond, p99Ms, cpuMicrosPerRequest })),
  };
}

export interface ThroughputOptions {
  readonly connections: number;
  readonly secondsPerRound: number;
  /** Rounds per server; each starts with the next server (host, bare, Express; bare, Express, host; …). */
  readonly rounds: number;
}

export async function measureThroughput(
  host: ChildServer,
  browserHeaders: Record<string, string>,
  options: ThroughputOptions,
): Promise<ThroughputFigures> {
  const path = '/optout?showIntro=1';
  const headers = Object.fromEntries(
    Object.entries(browserHeaders).filter(
      ([name]) => !['host', 'cookie', 'connection'].includes(name.toLowerCase()) && !name.startsWith(':'),
    ),
  );
  const { answer, bytes } = await recordAnswer(`${host.origin}${path}`, headers);
  if (answer.status !== 200) throw new Error(`bench: GET ${path} answered ${answer.status}`);
  const replayFile = join(tmpdir(), `optout-bench-replay-${process.pid}.json`);
  writeFileSync(replayFile, JSON.stringify(answer));
  const barePort = await freePort();
  const bare = await startChild('bench/bare-server.ts', { BENCH_REPLAY: replayFile, PORT: String(barePort) }, barePort, path);
  const expressPort = await freePort();
  const emptyExpress = await startChild(
    'bench/express-replay.ts',
    { BENCH_REPLAY: replayFile, PORT: String(expressPort) },
    expressPort,
    path,
  );
  try {
    const idle = host.memory();
    const servers = { host, bare, express: emptyExpress };
    const names = ['host', 'bare', 'express'] as const;
    // Warm them up (JIT, connection pools) before anything counts.
    for (const name of names) await load(servers[name], `${servers[name].origin}${path}`, headers, options.connections, 1);
    const results: Record<(typeof names)[number], Round[]> = { host: [], bare: [], express: [] };
    for (let i = 0; i < options.rounds; i += 1) {
      // Each round starts with the next server, so drift hits all alike.
      const order = names.map((_, k) => names[(i + k) % names.length] as (typeof names)[number]);
      for (const name of order) {
        results[name].push(
          await load(servers[name], `${servers[name].origin}${path}`, headers, options.connections, options.secondsPerRound),
        );
      }
    }
    const hostSide = side(results.host);
    const bareSide = side(results.bare);
    const expressSide = side(results.express);
    // Each host round is paired with the bare round next to it in time; the median of those
    // ratios shrugs off a burst from another process better than a ratio of medians.
    const pairedRatios = results.host.map((round, i) => round.requestsPerSecond / (results.bare[i] as Round).requestsPerSecond);
    return {
      host: hostSide,
      bare: bareSide,
      emptyExpress: expressSide,
      ratio: median(pairedRatios),
      capacityRatio: bareSide.cpuMicrosPerRequest / hostSide.cpuMicrosPerRequest,
      hostPeakRssMb: host.memory().peakRssMb,
      hostIdleRssMb: idle.rssMb,
      connections: options.connections,
      secondsPerRound: options.secondsPerRound,
      responseBytes: bytes,
      requestHeaders: headers,
    };
  } finally {
    await Promise.all([bare.stop(), emptyExpress.stop()]);
  }
}
