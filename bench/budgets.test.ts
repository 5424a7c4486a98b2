// The budget judgement of the bench report: pass, miss with by how much, and not measured with why.
import { describe, expect, it } from 'vitest';
import { budgets, judge, KB } from './budgets.js';
import type { BenchFigures, LoadSide, PageWithoutFrameView, WireFigure } from './figures.js';

const wire = (bytes: number, requests: number): WireFigure => ({ bytes, sentBytes: 0, requests, fromCache: 0, resources: [] });
const load = (requestsPerSecond: number, errors = 0): LoadSide => ({
  requestsPerSecond,
  p99Ms: 5,
  cpuMicrosPerRequest: 40,
  errors,
  non2xx: 0,
  totalRequests: 1000,
  rounds: [],
});
const timing = (medianMs: number) => ({ runs: 31, medianMs, p90Ms: medianMs + 1 });
const view = (bytes: number, requests: number, frames: number, knownSynchronously: boolean): PageWithoutFrameView => ({
  ...wire(bytes, requests),
  frames,
  knownAtMs: knownSynchronously ? 20 : 250,
  knownSynchronously,
  views: 1,
});

const atBudget: BenchFigures = {
  wire: {
    firstView: wire(budgets.firstViewBytes, 2),
    repeatView: wire(budgets.repeatViewBytes, 1),
    click: wire(budgets.clickBytes, 1),
    bridge: wire(budgets.bridgeBytes, 1),
    pageWithoutFrame: { firstView: view(6000, 2, 1, false), repeatView: view(0, 0, 0, true) },
  },
  stateKnown: {
    mirror: { ...timing(3), syncRuns: 31, beforeFrameRuns: 31 },
    bridge: timing(130),
    floor: timing(100),
  },
  click: timing(16),
  throughput: {
    host: load(7000),
    bare: load(10000),
    ratio: 0.3,
    capacityRatio: 0.3,
    hostPeakRssMb: 80,
    hostIdleRssMb: 60,
    connections: 20,
    secondsPerRound: 4,
    responseBytes: 2000,
    requestHeaders: {},
  },
  notMeasured: {},
};

const verdicts = (figures: BenchFigures) => judge(figures).map((row) => row.verdict);

describe('judge', () => {
  it('passes every figure exactly at its budget (budgets are inclusive)', () => {
    expect(verdicts(atBudget)).toEqual(Array(9).fill('pass'));
  });

  it('misses one byte over, and says by how much', () => {
    const rows = judge({ ...atBudget, wire: { ...atBudget.wire, firstView: wire(budgets.firstViewBytes + 1, 2) } });
    expect(rows[0]).toMatchObject({ verdict: 'miss', note: '1 bytes (0% over)' });
    expect(rows.slice(1).every((row) => row.verdict === 'pass')).toBe(true);
  });

  it('misses a first view in three requests even when it is small', () => {
    expect(judge({ ...atBudget, wire: { ...atBudget.wire, firstView: wire(1 * KB, 3) } })[0]).toMatchObject({
      verdict: 'miss',
      note: '1 request(s) too many',
    });
  });

  it('misses a click of two requests, or one over its bytes, and a repeat view of two requests', () => {
    const rows = judge({ ...atBudget, wire: { ...atBudget.wire, click: wire(300, 2), repeatView: wire(500, 2) } });
    expect(judge({ ...atBudget, wire: { ...atBudget.wire, click: wire(budgets.clickBytes + 1, 1) } })[2]?.verdict).toBe('miss');
    expect(rows[1]?.verdict).toBe('miss');
    expect(rows[2]?.verdict).toBe('miss');
  });

  it('misses the mirror when a single run was not synchronous', () => {
    const figures = { ...atBudget, stateKnown: { ...atBudget.stateKnown, mirror: { ...timing(3), syncRuns: 30, beforeFrameRuns: 31 } } };
    expect(judge(figures)[4]?.verdict).toBe('miss');
  });

  it('judges the bridge against the floor as a ratio', () => {
    const figures = { ...atBudget, stateKnown: { ...atBudget.stateKnown, bridge: timing(131) } };
    expect(judge(figures)[5]).toMatchObject({ verdict: 'miss' });
    expect(judge(figures)[5]?.note).toContain('1 ms');
  });

  it('judges throughput on server CPU per request, and misses below 0.3× or with any error', () => {
    const lucky = { ...atBudget, throughput: { ...atBudget.throughput!, ratio: 1.2, capacityRatio: 0.29 } };
    expect(judge(lucky)[7]?.verdict).toBe('miss');
    const slow = { ...atBudget, throughput: { ...atBudget.throughput!, capacityRatio: 0.29 } };
    expect(judge(slow)[7]).toMatchObject({ verdict: 'miss', note: '0.01× short' });
    const failing = { ...atBudget, throughput: { ...atBudget.throughput!, host: load(7000, 3) } };
    expect(judge(failing)[7]).toMatchObject({ verdict: 'miss', note: '3 errors, 0 non-2xx answers' });
  });

  it('misses a repeat view of a page without the frame that makes a request, creates a frame, or knows the state late', () => {
    const judged = (repeatView: PageWithoutFrameView) =>
      judge({ ...atBudget, wire: { ...atBudget.wire, pageWithoutFrame: { firstView: view(6000, 2, 1, false), repeatView } } })[8];
    expect(judged(view(0, 0, 0, true))).toMatchObject({ verdict: 'pass' });
    expect(judged(view(0, 0, 1, true))).toMatchObject({ verdict: 'miss', note: '1 frame' });
    expect(judged(view(2500, 1, 1, true))).toMatchObject({ verdict: 'miss', note: '1 request, 2.5 KB, 1 frame' });
    expect(judged(view(0, 0, 0, false))).toMatchObject({ verdict: 'miss', note: 'not synchronous' });
    // The first view is shown beside it, not judged.
    expect(judged(view(0, 0, 0, true))?.figure).toContain('(first view: 2 requests, 6 KB, 1 frame, state known asynchronously at 250 ms)');
  });

  it('says why a figure was not measured instead of passing it', () => {
    const rows = judge({ wire: {}, stateKnown: {}, notMeasured: { click: 'no client yet' } });
    expect(rows.every((row) => row.verdict === 'not measured')).toBe(true);
    expect(rows[6]?.note).toBe('no client yet');
  });
});
