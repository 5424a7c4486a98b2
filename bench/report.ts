// Renders the bench figures as Markdown (report.md, the table in docs/performance.md) and JSON (report.json).
import { judge, type BudgetRow } from './budgets.js';
import type { BenchFigures, MachineInfo, PageWithoutFrameView, TimingSummary, WireFigure } from './figures.js';
import { round } from './stats.js';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly figures: BenchFigures;
  readonly budgets: readonly BudgetRow[];
  /** How long the whole bench took, in seconds. */
  readonly seconds: number;
}

export function buildReport(machine: MachineInfo, figures: BenchFigures, seconds: number): BenchReport {
  return { machine, figures, budgets: judge(figures), seconds };
}

const verdictMark = { pass: '✅ pass', miss: '❌ miss', 'not measured': '⚪ not measured' } as const;

function machineLine(machine: MachineInfo): string {
  return `${machine.date}, ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.chromium}, ${machine.os}`;
}

/** The budget table alone: what docs/performance.md shows. */
function budgetTable(rows: readonly BudgetRow[]): string {
  const lines = ['| measure | figure | budget | result |', '| --- | --- | --- | --- |'];
  for (const r of rows) {
    const note = r.note ? ` (${r.note})` : '';
    lines.push(`| ${r.measure} | ${r.figure} | ${r.budget} | ${verdictMark[r.verdict]}${note} |`);
  }
  return lines.join('\n');
}

/** The body between docs/performance.md's bench markers: the table, the date and the machine. */
export function performanceSection(report: BenchReport): string {
  return [`Measured by \`npm run bench\` on ${machineLine(report.machine)}.`, '', budgetTable(report.budgets)].join('\n');
}

function wireTable(name: string, figure: WireFigure | undefined): string[] {
  if (!figure) return [];
  const lines = [
    `**${name}**: ${figure.bytes} bytes received (${figure.sentBytes} sent) in ${figure.requests} request(s)` +
      (figure.fromCache > 0 ? `, ${figure.fromCache} resource(s) from the browser's cache` : ''),
    '',
  ];
  if (figure.resources.length === 0) return [...lines, '(no request to the host)', ''];
  lines.push('| resource | status | bytes (headers) | encoding | browser sent Accept-Encoding |', '| --- | --- | --- | --- | --- |');
  for (const r of figure.resources) {
    const bytes = r.bytes === 0 ? 'from cache' : `${r.bytes} (${r.headerBytes})`;
    lines.push(`| \`${r.path}\` | ${r.status} | ${bytes} | ${r.encoding} | \`${r.acceptEncoding}\` |`);
  }
  return [...lines, ''];
}

function pageWithoutFrameTable(name: string, view: PageWithoutFrameView | undefined): string[] {
  if (!view) return [];
  const known =
    `${view.knownSynchronously ? 'synchronously (`cached`, right after client.js ran)' : 'once a frame answered'}, ` +
    `${round(view.knownAtMs, 1)} ms after navigation start${view.views > 1 ? ` (median of ${view.views} views; figures summed)` : ''}`;
  return wireTable(name, view).flatMap((line, i) =>
    i === 0 ? [`${line}; ${view.frames} frame(s) of the host in the page; state known ${known}`] : [line],
  );
}

const timing = (t: TimingSummary | undefined): string =>
  t ? `median ${round(t.medianMs, 1)} ms, p90 ${round(t.p90Ms, 1)} ms over ${t.runs} runs` : 'not measured';

/** The `GET /optout` throughput section: the servers side by side, the ratios, memory and the headers sent. */
function throughputSection(f: BenchReport['figures']): string[] {
  const t = f.throughput;
  if (!t) return [`not measured: ${f.notMeasured.throughput ?? 'skipped'}`, ''];
  return [
    `autocannon, ${t.connections} connections, ${t.host.rounds.length} alternating rounds of ${t.secondsPerRound} s per server, on loopback;`,
    `both servers in their own child process and sending the same ${t.responseBytes}-byte answer (the bare \`node:http\``,
    'server replays, byte for byte, a response the host gave to the same request headers).',
    '',
    '| server | requests/s (median of rounds) | p99 latency | server CPU per request | errors | non-2xx | requests |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| host | ${Math.round(t.host.requestsPerSecond)} | ${t.host.p99Ms} ms | ${round(t.host.cpuMicrosPerRequest, 1)} µs | ${t.host.errors} | ${t.host.non2xx} | ${t.host.totalRequests} |`,
    `| bare node:http | ${Math.round(t.bare.requestsPerSecond)} | ${t.bare.p99Ms} ms | ${round(t.bare.cpuMicrosPerRequest, 1)} µs | ${t.bare.errors} | ${t.bare.non2xx} | ${t.bare.totalRequests} |`,
    ...(t.emptyExpress
      ? [
          `| empty Express 5 route | ${Math.round(t.emptyExpress.requestsPerSecond)} | ${t.emptyExpress.p99Ms} ms | ${round(t.emptyExpress.cpuMicrosPerRequest, 1)} µs | ${t.emptyExpress.errors} | ${t.emptyExpress.non2xx} | ${t.emptyExpress.totalRequests} |`,
          '',
          `The empty Express 5 route (\`bench/express-replay.ts\`, the same bytes) is ${round(t.bare.cpuMicrosPerRequest / t.emptyExpress.cpuMicrosPerRequest, 2)}× bare by server CPU per request:`,
          `the most any Express path can reach in this run; the host is ${round(t.emptyExpress.cpuMicrosPerRequest / t.host.cpuMicrosPerRequest, 2)}× of it.`,
        ]
      : []),
    '',
    `Ratio host / bare: ${round(t.capacityRatio, 2)}× by server CPU per request (bare / host, over all rounds: what each`,
    `server can answer on one core), which the budget is judged on; ${round(t.ratio, 2)}× in measured requests per second`,
    '(median of the paired rounds), which on this shared 2-core machine swings with whatever else runs: the load',
    'generator and other processes take turns with the server. Rounds (requests/s): host ' +
      t.host.rounds.map((r) => Math.round(r.requestsPerSecond)).join(', ') +
      '; bare ' +
      t.bare.rounds.map((r) => Math.round(r.requestsPerSecond)).join(', ') +
      '.',
    '',
    `Host memory: ${round(t.hostIdleRssMb, 1)} MB RSS idle, peak ${round(t.hostPeakRssMb, 1)} MB under load (VmHWM).`,
    '',
    `Request headers sent (as Chromium sent them for the frame): \`${Object.entries(t.requestHeaders)
      .map(([k, v]) => `${k}: ${v}`)
      .join('`, `')}\``,
    '',
  ];
}

export function renderMarkdown(report: BenchReport): string {
  const { figures: f, machine } = report;
  const out: string[] = [
    '# optout-frame performance report',
    '',
    `Machine: ${machineLine(machine)}. The bench took ${round(report.seconds, 0)} s.`,
    '',
    '## Budgets',
    '',
    budgetTable(report.budgets),
    '',
    '## Bytes over the wire',
    '',
    'Measured in Chromium from the network: each figure is the sum of `Network.loadingFinished.encodedDataLength`',
    '(response headers + body as sent, compressed as the browser negotiated) over requests to the host only',
    '(the page server is not counted). A resource served from the browser cache is not a request.',
    '',
    ...wireTable('Frame, first view (cold cache)', f.wire.firstView),
    ...(f.bundle
      ? [
          `The frame script is ${f.bundle.frameBrotli} bytes brotli-compressed: Lit's runtime (the same exports, built alone) is`,
          `about ${f.bundle.litBrotli}, optout-frame's own frame code about ${f.bundle.frameBrotli - f.bundle.litBrotli}.`,
          '',
        ]
      : []),
    ...wireTable('Frame, repeat view (warm cache, page reloaded)', f.wire.repeatView),
    ...wireTable('A click in the frame', f.wire.click),
    ...wireTable('Bridge (page without the widget, no mirror)', f.wire.bridge),
    ...pageWithoutFrameTable('Page without the frame, client.js alone: first view (new visitor)', f.wire.pageWithoutFrame?.firstView),
    ...pageWithoutFrameTable(
      'Page without the frame, client.js alone: repeat views (same visit, fresh mirror)',
      f.wire.pageWithoutFrame?.repeatView,
    ),
    ...pageWithoutFrameTable(
      'A page on another subdomain of the site, first view (shop. after www.: empty localStorage, the shared optout_state cookie)',
      f.wire.subdomainFirstView,
    ),
    '## Time until a page script knows the state',
    '',
    'From navigation start (`performance.now()` in the page) until the page script has the state; runs',
    'interleaved, each in a fresh browser context (cold cache, no mirror) unless said otherwise.',
    '',
    `- (a) with the first-party mirror (second visit): ${timing(f.stateKnown.mirror)}` +
      (f.stateKnown.mirror
        ? `; \`cached\` defined synchronously in ${f.stateKnown.mirror.syncRuns}/${f.stateKnown.mirror.runs} runs, before any frame request in ${f.stateKnown.mirror.beforeFrameRuns}/${f.stateKnown.mirror.runs}`
        : ''),
    `- (b) without the mirror, through the hidden bridge: ${timing(f.stateKnown.bridge)}`,
    `- (c) the floor, the same page with an empty cross-site iframe of the same size, until its \`load\`: ${timing(f.stateKnown.floor)}`,
    '',
    '## Click in the frame → page subscriber',
    '',
    `${timing(f.click)}.`,
    '',
    "Method: an init script in the frame records the click event's time (`performance.timeOrigin + event.timeStamp`,",
    "the time the browser dispatched the input) and the page's subscriber records `performance.timeOrigin +",
    "performance.now()`. Both clocks are the browser's shared monotonic clock expressed on the Unix epoch, so the",
    'difference crosses the process boundary between the page and the cross-site frame without a round trip.',
    '',
    '## `GET /optout` throughput',
    '',
  ];
  out.push(...throughputSection(f));
  const skipped = Object.entries(f.notMeasured);
  if (skipped.length > 0) {
    out.push('## Not measured in this run', '');
    for (const [name, why] of skipped) out.push(`- ${name}: ${why}`);
    out.push('');
  }
  return out.join('\n');
}
