// `npm run bench`: measures the frame, the bridge, the client and the host on loopback, writes bench/results/report.{md,json}.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/browser.js';
import { build, needsBuild } from '../scripts/build.js';
import type { BenchFigures, StateKnownFigures, ThroughputFigures, WireFigure } from './figures.js';
import { machineInfo } from './machine.js';
import { pageRoutes, startPageServer } from './pages.js';
import { root, startHost } from './processes.js';
import { buildReport, readmeSection, renderMarkdown } from './report.js';
import { measureVariants, summarize } from './state-timing.js';
import { measureThroughput } from './throughput.js';
import { measureFrameWire } from './wire.js';

const args = new Set(process.argv.slice(2));
/** Timed runs per variant; `--quick` for a smoke run while developing. */
const RUNS = Number(process.env.BENCH_RUNS ?? (args.has('--quick') ? 5 : 31));
/** `--only=wire,timing,throughput` measures a part while developing; the report marks the rest not measured. */
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (part: 'wire' | 'timing' | 'throughput') => !only || only.includes(part);
const LOAD = args.has('--quick') ? { connections: 20, secondsPerRound: 2, rounds: 1 } : { connections: 20, secondsPerRound: 4, rounds: 3 };

const started = performance.now();
const log = (line: string) => console.error(`bench: ${line}`);

if (needsBuild()) {
  log('building…');
  await build();
}

const pages = await startPageServer();
const host = await startHost(pages.origin);
pages.setRoutes(pageRoutes(host.origin));
log(`host ${host.origin}, pages ${pages.origin}`);

const notMeasured: Record<string, string> = {};
const wire: { firstView?: WireFigure; repeatView?: WireFigure; click?: WireFigure; bridge?: WireFigure } = {};
const stateKnown: { -readonly [K in keyof StateKnownFigures]: StateKnownFigures[K] } = {};
let throughput: ThroughputFigures | undefined;
let frameRequestHeaders: Record<string, string> = {};
let chromiumVersion = 'unknown';

try {
  const browser = await chromium.launch(chromiumLaunchOptions());
  chromiumVersion = browser.version();
  try {
    // Always measured: the load test sends the headers Chromium sent for the frame.
    log('bytes over the wire: frame first view, click, repeat view');
    const frame = await measureFrameWire(browser, pages.origin, host.origin);
    if (wanted('wire')) Object.assign(wire, { firstView: frame.firstView, repeatView: frame.repeatView, click: frame.click });
    frameRequestHeaders = frame.frameRequestHeaders;

    if (wanted('timing')) {
      log(`time until the state is known: ${RUNS} interleaved runs per variant`);
      const timings = await measureVariants(browser, pages.origin, host.origin, [{ name: 'floor', path: '/floor' }], RUNS);
      stateKnown.floor = summarize((timings.get('floor') ?? []).map((r) => r.marks.knownAt ?? Number.NaN));
    }
  } finally {
    await browser.close();
  }
  notMeasured.bridgeWire = 'the bridge (GET /optout/bridge) is not on this branch yet';
  notMeasured.mirror = 'the client library (connectOptOut) is not on this branch yet';
  notMeasured.bridgeTime = 'the client library (connectOptOut) is not on this branch yet';
  notMeasured.click = 'the client library (connectOptOut) is not on this branch yet';

  if (wanted('throughput')) {
    log(`throughput: ${LOAD.rounds} alternating rounds of ${LOAD.secondsPerRound} s per server`);
    throughput = await measureThroughput(host, frameRequestHeaders, LOAD);
  }
} finally {
  await host.stop();
  await pages.close();
}

const figures: BenchFigures = { wire, stateKnown, ...(throughput ? { throughput } : {}), notMeasured };
const report = buildReport(machineInfo(chromiumVersion), figures, (performance.now() - started) / 1000);
const markdown = renderMarkdown(report);
const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'report.md'), markdown);
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

if (args.has('--update-readme')) {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${readmeSection(report)}\n${readme.slice(to)}`);
  log('updated the Performance section of README.md');
}
console.log(markdown);
log(`wrote bench/results/report.md and report.json in ${Math.round(report.seconds)} s`);
