// Segment: no switch of its own, so one source middleware drops every event while the visitor is opted out.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** What Segment passes a source middleware (analytics-next's `MiddlewareParams`, the part used). */
export interface SegmentMiddlewareParams {
  readonly payload: unknown;
  next(payload: unknown): void;
}

export type SegmentSourceMiddleware = (params: SegmentMiddlewareParams) => void;

/** The part of Segment's `analytics` (analytics-next, or its snippet's stub) the adapter uses. */
export interface SegmentLike {
  addSourceMiddleware(middleware: SegmentSourceMiddleware): unknown;
}

export interface SegmentAdapterOptions {
  /** The instance (`AnalyticsBrowser.load(…)` from @segment/analytics-next); defaults to `window.analytics`. */
  readonly instance?: SegmentLike;
}

type SegmentCall = readonly [string, ...unknown[]];

/** `window.analytics`: analytics-next, its snippet's stub, or a plain array of calls the snippet takes over. */
type SegmentGlobal = Partial<SegmentLike> & { push?(call: SegmentCall): unknown };

interface SegmentWindow {
  analytics?: SegmentGlobal;
}

/** Adds the middleware to the instance, or queues it on the array Segment's snippet takes over (`window.analytics || []`). */
function register(options: SegmentAdapterOptions, middleware: SegmentSourceMiddleware): void {
  if (options.instance) {
    options.instance.addSourceMiddleware(middleware);
    return;
  }
  const win = globalThis as unknown as SegmentWindow;
  const found: SegmentGlobal = (win.analytics ??= [] as SegmentCall[]);
  if (typeof found.addSourceMiddleware === 'function') found.addSourceMiddleware(middleware);
  else if (typeof found.push === 'function') found.push(['addSourceMiddleware', middleware]);
  else throw new Error('window.analytics is neither Segment nor its snippet: pass { instance }');
}

/**
 * Keeps Segment quiet while the visitor is opted out: one source middleware, added once, reads
 * the current state for each event and drops it (does not call `next`) unless the visitor is
 * known to be opted in. An unknown visitor's events are dropped too: hold `analytics.load()`
 * until `optout.whenKnown()`. Stopping the adapter leaves the middleware on the state last seen.
 */
export function segment(source: OptOutSource, options: SegmentAdapterOptions = {}): StopAdapter {
  let optedOut = source.cached ?? true;
  let registered = false;
  const middleware: SegmentSourceMiddleware = ({ payload, next }) => {
    if (!optedOut) next(payload);
  };
  const set = (state: boolean): void => {
    optedOut = state;
    if (registered) return;
    register(options, middleware);
    registered = true;
  };
  if (source.cached === undefined) {
    try {
      // An unknown visitor: the middleware holds Segment quiet until the state is known.
      set(true);
    } catch {
      // Segment is not on the page yet: keepInStep tries again once the state is known.
    }
  }
  return keepInStep(source, {
    tracker: 'Segment',
    optOut: () => set(true),
    optIn: () => set(false),
  });
}
