// `npm run load`: GET and POST /optout under load on loopback (autocannon, 100 connections), with the host's memory over time.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, needsBuild } from '../scripts/build.js';
import { startHost, type ChildServer } from './processes.js';

/** One kind of request to repeat. */
export interface LoadTarget {
  readonly name: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly connections: number;
  /** Total requests: the run ends after this many, so its length is bounded by count. */
  readonly amount: number;
  /** Seconds before one request counts as a timeout. */
  readonly timeoutSeconds?: number;
}

export interface LoadResult {
  readonly name: string;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Answers that were neither 2xx nor 3xx. */
  readonly badStatus: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Drives one target with autocannon; refuses anything but a loopback address. */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const url = new URL(target.url);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`load: only loopback targets are allowed, got ${url.hostname}`);
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: { ...target.headers },
    ...(target.body === undefined ? {} : { body: target.body }),
    connections: options.connections,
    amount: options.amount,
    timeout: options.timeoutSeconds ?? 10,
  });
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    name: target.name,
    requests,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    badStatus: result['1xx'] + result['4xx'] + result['5xx'],
  };
}

/** Samples a process's resident memory from /proc while load runs. */
export class MemorySampler {
  private readonly samples: number[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => this.samples.push(this.rssMb()), intervalMs);
  }
  /** Resident set size now, in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kb / 1024;
  }
  /** Highest RSS seen by the sampler (and by the kernel's own high-water mark). */
  peakMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    return Math.max(hwm, ...this.samples);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export interface LoadReport {
  readonly connections: number;
  readonly results: readonly LoadResult[];
  readonly memory: {
    readonly idleMb: number;
    readonly afterWarmUpMb: number;
    /** RSS after each measured round, in order. */
    readonly afterRoundMb: readonly number[];
    readonly peakMb: number;
    /** Last round minus the first: what the host keeps growing by under the same load. */
    readonly growthMb: number;
  };
}

/** The requests a visitor's browser makes: the frame (a returning visitor), and the no-JS form post. */
export function optOutTargets(origin: string): LoadTarget[] {
  return [
    { name: 'GET /optout', url: `${origin}/optout?showIntro=1`, method: 'GET', headers: { cookie: 'optout=1', 'accept-language': 'en' } },
    {
      name: 'POST /optout',
      url: `${origin}/optout?showIntro=1`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: 'optedOut=1',
    },
  ];
}

/** Warm-up, then `rounds` rounds of every target at `amount` requests each, sampling memory. */
export async function loadHost(host: ChildServer, { connections = 100, amount = 20_000, rounds = 3 } = {}): Promise<LoadReport> {
  const pid = host.process.pid;
  if (pid === undefined) throw new Error('load: the host has no process id');
  const sampler = new MemorySampler(pid);
  try {
    const idleMb = sampler.rssMb();
    const targets = optOutTargets(host.origin);
    for (const target of targets) await runLoad(target, { connections, amount: Math.ceil(amount / 4) });
    const afterWarmUpMb = sampler.rssMb();
    const results: LoadResult[] = [];
    const afterRoundMb: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) results.push(await runLoad(target, { connections, amount }));
      afterRoundMb.push(sampler.rssMb());
    }
    return {
      connections,
      results,
      memory: {
        idleMb,
        afterWarmUpMb,
        afterRoundMb,
        peakMb: sampler.peakMb(),
        growthMb: (afterRoundMb.at(-1) ?? afterWarmUpMb) - (afterRoundMb[0] ?? afterWarmUpMb),
      },
    };
  } finally {
    sampler.stop();
  }
}

/** Growth between the first and the last round below this counts as flat (allocator noise). */
export const FLAT_GROWTH_MB = 10;

/** The same load again does not leave the host bigger (shrinking after a GC is flat too). */
export function isFlat(report: LoadReport): boolean {
  return report.memory.growthMb <= FLAT_GROWTH_MB;
}

export function formatReport(report: LoadReport): string {
  const mb = (value: number) => value.toFixed(1);
  const lines = [
    `| round | request | requests | req/s | p50 ms | p99 ms | errors | non-2xx/3xx |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...report.results.map(
      (r, index) =>
        `| ${Math.floor(index / 2) + 1} | ${r.name} | ${r.requests} | ${Math.round(r.requestsPerSecond)} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.badStatus} |`,
    ),
    '',
    `host RSS: idle ${mb(report.memory.idleMb)} MB, after warm-up ${mb(report.memory.afterWarmUpMb)} MB, ` +
      `after each round ${report.memory.afterRoundMb.map(mb).join(' / ')} MB, peak ${mb(report.memory.peakMb)} MB`,
    `memory ${isFlat(report) ? 'flat' : 'GROWING'}: ` +
      `${report.memory.growthMb >= 0 ? '+' : ''}${mb(report.memory.growthMb)} MB from the first round to the last (flat means at most +${FLAT_GROWTH_MB} MB)`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (needsBuild()) {
    console.log('building…');
    await build();
  }
  const host = await startHost('http://localhost:8080');
  try {
    console.log(
      `load: ${host.origin} (host pid ${host.process.pid}), 100 connections, 20,000 requests per request kind and round, 3 rounds`,
    );
    const report = await loadHost(host);
    console.log(formatReport(report));
    console.log(`\n${JSON.stringify(report)}`);
    const failed = report.results.some((r) => r.errors > 0 || r.badStatus > 0) || !isFlat(report);
    if (failed) console.error('load: errors, non-2xx/3xx answers or growing memory under load');
    process.exitCode = failed ? 1 : 0;
  } finally {
    await host.stop();
  }
}
