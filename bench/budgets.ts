// The performance budgets of issue 8 and how each figure is judged against them (pass, miss, not measured).
import type { BenchFigures, PageWithoutFrameView, WireFigure } from './figures.js';
import { round } from './stats.js';

/** 1 KB = 1000 bytes: the stricter reading of "8 KB". */
export const KB = 1000;

export const budgets = {
  firstViewBytes: 8 * KB,
  firstViewRequests: 2,
  repeatViewBytes: 2 * KB,
  repeatViewRequests: 1,
  /** One small POST whose answer sets the host's cookie (a click stored by a server, issue 29): its headers only. */
  clickRequests: 1,
  clickBytes: 1 * KB,
  bridgeBytes: 2 * KB,
  bridgeVsFloor: 1.3,
  clickToSubscriberMs: 16,
  throughputVsBare: 0.3,
  /** A repeat view of a page without the widget: nothing to the host, no frame (issue 12). */
  pageWithoutFrameRepeatRequests: 0,
  pageWithoutFrameRepeatBytes: 0,
  pageWithoutFrameRepeatFrames: 0,
} as const;

export type Verdict = 'pass' | 'miss' | 'not measured';

export interface BudgetRow {
  readonly measure: string;
  readonly figure: string;
  readonly budget: string;
  readonly verdict: Verdict;
  /** For a miss: by how much. For "not measured": why. */
  readonly note?: string;
}

const kb = (bytes: number): string => `${round(bytes / KB, 2)} KB`;
const pct = (value: number, limit: number): string => `${round(((value - limit) / limit) * 100, 0)}% over`;

function row(measure: string, budget: string, judged: { figure: string; ok: boolean; over?: string } | undefined, why?: string): BudgetRow {
  if (!judged) return { measure, figure: '—', budget, verdict: 'not measured', note: why ?? 'not measured in this run' };
  return judged.ok
    ? { measure, figure: judged.figure, budget, verdict: 'pass' }
    : { measure, figure: judged.figure, budget, verdict: 'miss', ...(judged.over ? { note: judged.over } : {}) };
}

/** Whether the page knows the state with the mirror (synchronously), and via the bridge against the floor. */
function stateRows(stateKnown: BenchFigures['stateKnown'], notMeasured: BenchFigures['notMeasured']): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const mirror = stateKnown.mirror;
  rows.push(
    row(
      'State known with the mirror',
      'synchronously, before any frame request',
      mirror && {
        figure: `${round(mirror.medianMs, 1)} ms after navigation start; synchronous in ${mirror.syncRuns}/${mirror.runs}, before any frame request in ${mirror.beforeFrameRuns}/${mirror.runs} runs`,
        ok: mirror.runs > 0 && mirror.syncRuns === mirror.runs && mirror.beforeFrameRuns === mirror.runs,
        over: `not synchronous or not before the frame request in ${mirror.runs - Math.min(mirror.syncRuns, mirror.beforeFrameRuns)} run(s)`,
      },
      notMeasured.mirror,
    ),
  );
  const { bridge: viaBridge, floor } = stateKnown;
  const bridgeRatio = viaBridge && floor ? viaBridge.medianMs / floor.medianMs : undefined;
  rows.push(
    row(
      'State known via the bridge (no mirror)',
      `≤ ${budgets.bridgeVsFloor}× the floor`,
      viaBridge && floor && bridgeRatio !== undefined
        ? {
            figure: `${round(viaBridge.medianMs, 1)} ms vs floor ${round(floor.medianMs, 1)} ms = ${round(bridgeRatio, 2)}×`,
            ok: bridgeRatio <= budgets.bridgeVsFloor,
            over: `${round(bridgeRatio - budgets.bridgeVsFloor, 2)}× over (${round(viaBridge.medianMs - budgets.bridgeVsFloor * floor.medianMs, 1)} ms)`,
          }
        : undefined,
      notMeasured.bridgeTime ?? notMeasured.floor,
    ),
  );
  return rows;
}

/** Requests per CPU second against a bare node:http server. */
function throughputRow(throughput: BenchFigures['throughput'], why: string | undefined): BudgetRow {
  return row(
    'GET /optout throughput vs bare node:http',
    `≥ ${budgets.throughputVsBare}×`,
    throughput && {
      figure:
        `${round(throughput.capacityRatio, 2)}× by server CPU per request (${round(throughput.host.cpuMicrosPerRequest, 1)} vs ` +
        `${round(throughput.bare.cpuMicrosPerRequest, 1)} µs); measured ${Math.round(throughput.host.requestsPerSecond)} vs ` +
        `${Math.round(throughput.bare.requestsPerSecond)} req/s = ${round(throughput.ratio, 2)}×`,
      ok: throughput.capacityRatio >= budgets.throughputVsBare && throughput.host.errors === 0 && throughput.host.non2xx === 0,
      over:
        throughput.host.errors > 0 || throughput.host.non2xx > 0
          ? `${throughput.host.errors} errors, ${throughput.host.non2xx} non-2xx answers`
          : `${round(budgets.throughputVsBare - throughput.capacityRatio, 2)}× short`,
    },
    why,
  );
}

/** Judges every figure against its budget, in the order the report lists them. */
export function judge(figures: BenchFigures): BudgetRow[] {
  const { wire, stateKnown, click, throughput, notMeasured } = figures;
  const rows: BudgetRow[] = [];

  rows.push(
    wireRow('Frame, first view', wire.firstView, budgets.firstViewBytes, budgets.firstViewRequests, notMeasured.firstView),
    wireRow(
      'Frame, repeat view (warm cache)',
      wire.repeatView,
      budgets.repeatViewBytes,
      budgets.repeatViewRequests,
      notMeasured.repeatView,
    ),
  );
  const clickRow = wireRow('A click in the frame', wire.click, budgets.clickBytes, budgets.clickRequests, notMeasured.clickWire);
  // The budget is on what the host sends back; what the click's request sends is shown beside it.
  rows.push(wire.click ? { ...clickRow, figure: `${clickRow.figure} (${kb(wire.click.sentBytes)} sent)` } : clickRow);
  const bridge = wire.bridge;
  rows.push(
    row(
      'Bridge, in total',
      `≤ ${kb(budgets.bridgeBytes)}`,
      bridge && {
        figure: `${kb(bridge.bytes)} in ${requestsWord(bridge.requests)}`,
        ok: bridge.bytes <= budgets.bridgeBytes,
        over: pct(bridge.bytes, budgets.bridgeBytes),
      },
      notMeasured.bridgeWire,
    ),
  );

  rows.push(...stateRows(stateKnown, notMeasured));
  rows.push(
    row(
      'Click → page subscriber (median)',
      `≤ ${budgets.clickToSubscriberMs} ms`,
      click && {
        figure: `${round(click.medianMs, 1)} ms (p90 ${round(click.p90Ms, 1)} ms, ${click.runs} clicks)`,
        ok: click.medianMs <= budgets.clickToSubscriberMs,
        over: `${round(click.medianMs - budgets.clickToSubscriberMs, 1)} ms over`,
      },
      notMeasured.click,
    ),
  );
  rows.push(throughputRow(throughput, notMeasured.throughput));
  rows.push(pageWithoutFrameRow(wire.pageWithoutFrame, notMeasured.pageWithoutFrame));
  return rows;
}

const framesWord = (n: number) => `${n} frame${n === 1 ? '' : 's'}`;
const viewFigure = (v: PageWithoutFrameView) =>
  `${requestsWord(v.requests)}, ${kb(v.bytes)}, ${framesWord(v.frames)}` +
  (v.views > 1 ? ` in ${v.views} views` : '') +
  `, state known ${v.knownSynchronously ? 'synchronously' : 'asynchronously'} at ${round(v.knownAtMs, 1)} ms` +
  (v.views > 1 ? ' (median)' : '');

/** The repeat view is judged (0 / 0 / 0, synchronously); the first view is shown beside it. */
function pageWithoutFrameRow(figure: BenchFigures['wire']['pageWithoutFrame'], why?: string): BudgetRow {
  const repeat = figure?.repeatView;
  const over = (v: PageWithoutFrameView) =>
    [
      v.requests > budgets.pageWithoutFrameRepeatRequests ? requestsWord(v.requests) : '',
      v.bytes > budgets.pageWithoutFrameRepeatBytes ? kb(v.bytes) : '',
      v.frames > budgets.pageWithoutFrameRepeatFrames ? framesWord(v.frames) : '',
      v.knownSynchronously ? '' : 'not synchronous',
    ]
      .filter(Boolean)
      .join(', ');
  return row(
    'Page without the frame (client.js alone), repeat views',
    `${budgets.pageWithoutFrameRepeatRequests} requests, ${budgets.pageWithoutFrameRepeatBytes} bytes, ${budgets.pageWithoutFrameRepeatFrames} frames; state known synchronously`,
    figure && repeat
      ? {
          figure: `${viewFigure(repeat)} (first view: ${viewFigure(figure.firstView)})`,
          ok: over(repeat) === '',
          over: over(repeat),
        }
      : undefined,
    why,
  );
}

const requestsWord = (n: number) => `${n} request${n === 1 ? '' : 's'}`;

/** A page view judged on bytes and on requests, both inclusive limits. */
function wireRow(measure: string, figure: WireFigure | undefined, maxBytes: number, maxRequests: number, why?: string): BudgetRow {
  return row(
    measure,
    `≤ ${kb(maxBytes)} in ${maxRequests === 1 ? '1 request' : `≤ ${maxRequests} requests`}`,
    figure && {
      figure: `${kb(figure.bytes)} in ${requestsWord(figure.requests)}`,
      ok: figure.bytes <= maxBytes && figure.requests <= maxRequests,
      over: overWire(figure.bytes, maxBytes, figure.requests, maxRequests),
    },
    why,
  );
}

function overWire(bytes: number, maxBytes: number, requests: number, maxRequests: number): string {
  const parts: string[] = [];
  if (bytes > maxBytes) parts.push(`${bytes - maxBytes} bytes (${pct(bytes, maxBytes)})`);
  if (requests > maxRequests) parts.push(`${requests - maxRequests} request(s) too many`);
  return parts.join(', ');
}
