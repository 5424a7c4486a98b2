// The shape of what `npm run bench` measures; written as report.json and read by the budgets.

/** Requests to the host seen by Chromium for one step (first view, repeat view, a click, the bridge). */
export interface WireFigure {
  /** Bytes received from the host: `Network.loadingFinished.encodedDataLength` (headers + compressed body). */
  readonly bytes: number;
  /** Bytes sent to the host: request headers and bodies, as Chromium sent them. */
  readonly sentBytes: number;
  /** Requests that reached the network (cache hits are not requests). */
  readonly requests: number;
  /** Resources answered from the browser's cache without a request. */
  readonly fromCache: number;
  readonly resources: readonly WireResource[];
}

export interface WireResource {
  readonly path: string;
  readonly status: number;
  /** 0 when served from the browser's cache. */
  readonly bytes: number;
  readonly headerBytes: number;
  /** Request headers and body sent. */
  readonly sentBytes: number;
  /** `Content-Encoding` of the answer, or `identity`. */
  readonly encoding: string;
  /** `Accept-Encoding` the browser sent. */
  readonly acceptEncoding: string;
}

/** One view of a page without the widget (client.js alone): what it cost, and when page scripts knew the state. */
export interface PageWithoutFrameView extends WireFigure {
  /** The host's frames in the page's DOM once it settled (the bridge is one). */
  readonly frames: number;
  /** Milliseconds from navigation start until the page script had the state (the median, over several views). */
  readonly knownAtMs: number;
  /** Whether `cached` held the state synchronously, right after client.js ran (in every view). */
  readonly knownSynchronously: boolean;
  /** How many views the figure covers: requests, bytes and frames are their sums. */
  readonly views: number;
}

export interface PageWithoutFrameFigures {
  /** A new visitor: cold cache, no mirror. */
  readonly firstView: PageWithoutFrameView;
  /** The next page views of the same visit: warm cache, the mirror fresh. */
  readonly repeatView: PageWithoutFrameView;
}

export interface TimingSummary {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
}

export interface StateKnownFigures {
  /** (a) The client's `cached`, read by a page script right after the client loads. */
  readonly mirror?: TimingSummary & {
    /** Runs in which `cached` was defined synchronously. */
    readonly syncRuns: number;
    /** Runs in which it was known before the first frame/bridge request began. */
    readonly beforeFrameRuns: number;
  };
  /** (b) No mirror: the client asks the hidden bridge. */
  readonly bridge?: TimingSummary;
  /** (c) The floor: the same page with an empty cross-site iframe of the same size, until its `load`. */
  readonly floor?: TimingSummary;
}

export interface LoadSide {
  /** Median over the rounds of requests per second. */
  readonly requestsPerSecond: number;
  /** Median over the rounds of the 99th-percentile latency. */
  readonly p99Ms: number;
  /**
   * The server's CPU time (user + system) per answered request over all rounds, in
   * microseconds: what a request costs the server, whatever else the machine is doing.
   */
  readonly cpuMicrosPerRequest: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly totalRequests: number;
  readonly rounds: readonly { readonly requestsPerSecond: number; readonly p99Ms: number; readonly cpuMicrosPerRequest: number }[];
}

export interface ThroughputFigures {
  readonly host: LoadSide;
  readonly bare: LoadSide;
  /** An empty Express 5 route sending the same answer: what Express alone costs, measured beside the others. */
  readonly emptyExpress?: LoadSide;
  /** Median over the rounds of host / bare requests per second, each host round against the bare round beside it. */
  readonly ratio: number;
  /**
   * Throughput each server can give one core: bare / host server CPU per request over all
   * rounds. The budget is judged on this: on a shared 2-core machine the load generator and
   * other processes take turns with the server, so requests/s swing from round to round.
   */
  readonly capacityRatio: number;
  /** Peak resident set size of the host process (VmHWM), in MB. */
  readonly hostPeakRssMb: number;
  /** Resident set size of the host before the load, in MB. */
  readonly hostIdleRssMb: number;
  readonly connections: number;
  readonly secondsPerRound: number;
  /** Bytes of one `GET /optout` answer (status line and headers included) both servers sent. */
  readonly responseBytes: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
}

export interface BenchFigures {
  readonly wire: {
    readonly firstView?: WireFigure;
    readonly repeatView?: WireFigure;
    readonly click?: WireFigure;
    readonly bridge?: WireFigure;
    readonly pageWithoutFrame?: PageWithoutFrameFigures;
    /** A page without the widget on another subdomain (shop. after www.), its first view: the shared cookie mirror at work. */
    readonly subdomainFirstView?: PageWithoutFrameView;
  };
  readonly stateKnown: StateKnownFigures;
  readonly click?: TimingSummary;
  readonly throughput?: ThroughputFigures;
  /** The frame script's compressed size, and Lit's share of it. */
  readonly bundle?: { readonly frameBrotli: number; readonly litBrotli: number };
  /** Why a figure could not be measured in this run, by figure name. */
  readonly notMeasured: Readonly<Record<string, string>>;
}

export interface MachineInfo {
  readonly date: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly chromium: string;
  readonly os: string;
}
