// `npm run bench`: measures the frame, the bridge, the client and the host on loopback, writes bench/results/report.{md,json}.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/browser.js';
import { build, needsBuild } from '../scripts/build.js';
import { measureClickLatency } from './click-latency.js';
import { bundleBreakdown, type BundleBreakdown } from './bundle-breakdown.js';
import { bundleClient } from './client-bundle.js';
import type {
  BenchFigures,
  PageWithoutFrameFigures,
  PageWithoutFrameView,
  StateKnownFigures,
  ThroughputFigures,
  TimingSummary,
  WireFigure,
} from './figures.js';
import { machineInfo } from './machine.js';
import { pageRoutes, startPageServer } from './pages.js';
import { root, startHost } from './processes.js';
import { buildReport, performanceSection, renderMarkdown } from './report.js';
import { measureVariants, summarize } from './state-timing.js';
import { measureThroughput } from './throughput.js';
import { measureBridgeWire, measureFrameWire, measurePageWithoutFrame, measureSubdomainFirstView, subdomainOrigins } from './wire.js';

const args = new Set(process.argv.slice(2));
/** Timed runs per variant; `--quick` for a smoke run while developing. */
const RUNS = Number(process.env.BENCH_RUNS ?? (args.has('--quick') ? 5 : 31));
/** `--only=wire,timing,click,throughput` measures a part while developing; the report marks the rest not measured. */
const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (part: 'wire' | 'timing' | 'click' | 'throughput') => !only || only.includes(part);
const LOAD = args.has('--quick') ? { connections: 20, secondsPerRound: 2, rounds: 1 } : { connections: 20, secondsPerRound: 3, rounds: 6 };

const started = performance.now();
const log = (line: string) => console.error(`bench: ${line}`);

if (needsBuild()) {
  log('building…');
  await build();
}

const client = await bundleClient();
const pages = await startPageServer();
// The bench site's subdomains are allowed too (a page on another subdomain, first view).
const host = await startHost([pages.origin, ...Object.values(subdomainOrigins(pages.origin))].join(','));
pages.setRoutes(pageRoutes(host.origin, client));
log(`host ${host.origin}, pages ${pages.origin}`);

const notMeasured: Record<string, string> = {};
const wire: {
  firstView?: WireFigure;
  repeatView?: WireFigure;
  click?: WireFigure;
  bridge?: WireFigure;
  pageWithoutFrame?: PageWithoutFrameFigures;
  subdomainFirstView?: PageWithoutFrameView;
} = {};
const stateKnown: { -readonly [K in keyof StateKnownFigures]: StateKnownFigures[K] } = {};
let throughput: ThroughputFigures | undefined;
let figuresClick: TimingSummary | undefined;
let bundle: BundleBreakdown | undefined;
let frameRequestHeaders: Record<string, string> = {};
let chromiumVersion = 'unknown';

try {
  const browser = await chromium.launch(chromiumLaunchOptions());
  chromiumVersion = browser.version();
  try {
    // Always measured: the load test sends the headers Chromium sent for the frame.
    log('bytes over the wire: frame first view, click, repeat view');
    const frame = await measureFrameWire(browser, pages.origin, host.origin);
    frameRequestHeaders = frame.frameRequestHeaders;
    // Measured anyway: a click's bytes are reported with --only=click too.
    if (wanted('click')) wire.click = frame.click;
    if (wanted('wire')) {
      bundle = await bundleBreakdown();
      log('bytes over the wire: the bridge');
      const bridge = await measureBridgeWire(browser, pages.origin, host.origin);
      log(`a page without the frame (client.js alone): a first view and ${Math.min(RUNS, 11)} repeat views`);
      const pageWithoutFrame = await measurePageWithoutFrame(browser, pages.origin, host.origin, Math.min(RUNS, 11));
      log('a page on another subdomain of the site (shop. after www.): first view');
      const subdomainFirstView = await measureSubdomainFirstView(browser, pages.origin, host.origin);
      Object.assign(wire, {
        firstView: frame.firstView,
        repeatView: frame.repeatView,
        click: frame.click,
        bridge,
        pageWithoutFrame,
        subdomainFirstView,
      });
    }

    if (wanted('timing')) {
      log(`time until the state is known: ${RUNS} interleaved runs per variant`);
      const timings = await measureVariants(
        browser,
        pages.origin,
        host.origin,
        [
          { name: 'floor', path: '/floor' },
          { name: 'bridge', path: '/shop' },
          {
            name: 'mirror',
            path: '/shop',
            // A first visit in the same browser fills the site's mirror.
            async prepare(context) {
              const first = await context.newPage();
              await first.goto(`${pages.origin}/shop`);
              await first.waitForFunction(() => window.__bench?.knownAt !== undefined);
              await first.close();
            },
          },
        ],
        RUNS,
      );
      const knownAt = (name: string) => (timings.get(name) ?? []).map((r) => r.marks.knownAt ?? Number.NaN);
      stateKnown.floor = summarize(knownAt('floor'));
      stateKnown.bridge = summarize(knownAt('bridge'));
      const mirrorRuns = timings.get('mirror') ?? [];
      stateKnown.mirror = {
        ...summarize(knownAt('mirror')),
        syncRuns: mirrorRuns.filter((r) => r.marks.cachedSync === true).length,
        beforeFrameRuns: mirrorRuns.filter(
          (r) =>
            r.marks.knownAtEpoch !== undefined &&
            (r.firstFrameRequestEpoch === undefined || r.marks.knownAtEpoch < r.firstFrameRequestEpoch),
        ).length,
      };
    }

    if (wanted('click')) {
      log(`click → subscriber: ${RUNS} clicks`);
      figuresClick = summarize(await measureClickLatency(browser, pages.origin, host.origin, RUNS));
    }
  } finally {
    await browser.close();
  }

  if (wanted('throughput')) {
    log(`throughput: ${LOAD.rounds} alternating rounds of ${LOAD.secondsPerRound} s per server`);
    throughput = await measureThroughput(host, frameRequestHeaders, LOAD);
  }
} finally {
  await host.stop();
  await pages.close();
}

for (const [name, part] of [
  ['firstView', 'wire'],
  ['repeatView', 'wire'],
  ['bridgeWire', 'wire'],
  ['pageWithoutFrame', 'wire'],
  ['mirror', 'timing'],
  ['bridgeTime', 'timing'],
  ['click', 'click'],
  ['throughput', 'throughput'],
] as const) {
  if (!wanted(part)) notMeasured[name] = `skipped (--only=${only?.join(',')})`;
}
// A click's bytes come with either part (see above).
if (!wanted('wire') && !wanted('click')) notMeasured.clickWire = `skipped (--only=${only?.join(',')})`;
const figures: BenchFigures = {
  wire,
  stateKnown,
  ...(figuresClick ? { click: figuresClick } : {}),
  ...(throughput ? { throughput } : {}),
  ...(bundle ? { bundle } : {}),
  notMeasured,
};
const report = buildReport(machineInfo(chromiumVersion), figures, (performance.now() - started) / 1000);
const markdown = renderMarkdown(report);
const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'report.md'), markdown);
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

if (args.has('--update-docs')) {
  const pagePath = join(root, 'docs', 'performance.md');
  const page = readFileSync(pagePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md has no ${start} … ${end} markers`);
  writeFileSync(pagePath, `${page.slice(0, from + start.length)}\n${performanceSection(report)}\n${page.slice(to)}`);
  log('updated the table in docs/performance.md');
}
console.log(markdown);
log(`wrote bench/results/report.md and report.json in ${Math.round(report.seconds)} s`);
