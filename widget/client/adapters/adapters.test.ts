// Unit tests of the tracker adapters: each tracker's own switch follows the state, from `cached` on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  amplitude,
  applyNamedAdapters,
  clarity,
  meta,
  mixpanel,
  optedInScripts,
  segment,
  fathom,
  gtag,
  keepInStep,
  matomo,
  plausible,
  posthog,
  umami,
  whenKnown,
  type OptOutSource,
  type PostHogLike,
} from './index.js';

/** A client stand-in: a cached value plus a way to announce states to subscribers. */
function fakeSource(cached: boolean | undefined) {
  const listeners = new Set<(state: { optedOut: boolean }) => void>();
  const source: OptOutSource = {
    cached,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    announce: (optedOut: boolean) => listeners.forEach((listener) => listener({ optedOut })),
    subscribers: () => listeners.size,
  };
}

/** An in-memory Storage, as the page's localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const globals = globalThis as unknown as Record<string, unknown>;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const key of Object.keys(globals)) if (key.startsWith('ga-disable-')) delete globals[key];
  delete globals._paq;
  delete globals.dataLayer;
  delete globals.gtag;
  delete globals.posthog;
  for (const name of ['mixpanel', 'amplitude', 'analytics', 'clarity', 'fbq']) delete globals[name];
});

describe('keepInStep', () => {
  it('applies the cached state before it returns, then follows announcements once each', () => {
    const { source, announce } = fakeSource(true);
    const calls: string[] = [];
    keepInStep(source, {
      tracker: 'test',
      optOut: (initial) => calls.push(`out${initial ? ' (initial)' : ''}`),
      optIn: (initial) => calls.push(`in${initial ? ' (initial)' : ''}`),
    });
    expect(calls).toEqual(['out (initial)']);
    announce(true);
    announce(false);
    announce(false);
    announce(true);
    expect(calls).toEqual(['out (initial)', 'in', 'out']);
  });

  it('applies nothing until the state is known when there is no cached value', () => {
    const { source, announce } = fakeSource(undefined);
    const calls: string[] = [];
    keepInStep(source, { tracker: 'test', optOut: () => calls.push('out'), optIn: (i) => calls.push(`in ${i}`) });
    expect(calls).toEqual([]);
    announce(false);
    expect(calls).toEqual(['in true']);
  });

  it('stops following after stop(), and stop() may be called twice', () => {
    const { source, announce, subscribers } = fakeSource(false);
    const calls: string[] = [];
    const stop = keepInStep(source, { tracker: 'test', optOut: () => calls.push('out'), optIn: () => calls.push('in') });
    expect(subscribers()).toBe(1);
    stop();
    stop();
    expect(subscribers()).toBe(0);
    announce(true);
    expect(calls).toEqual(['in']);
  });

  it('survives a tracker whose switch throws, with a warning naming the tracker', () => {
    const { source, announce } = fakeSource(undefined);
    keepInStep(source, {
      tracker: 'Broken',
      optOut: () => {
        throw new Error('boom');
      },
      optIn: () => undefined,
    });
    expect(() => announce(true)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Broken'), expect.any(Error));
  });
});

describe.each([
  { name: 'plausible', adapter: plausible, key: 'plausible_ignore', value: 'true' },
  { name: 'umami', adapter: umami, key: 'umami.disabled', value: '1' },
  { name: 'fathom', adapter: fathom, key: 'blockFathomTracking', value: 'true' },
])('$name adapter', ({ adapter, key, value }) => {
  it(`sets localStorage['${key}'] from the cached opt-out at once, and removes it on opt-in`, () => {
    const { source, announce } = fakeSource(true);
    adapter(source);
    expect(localStorage.getItem(key)).toBe(value);
    announce(false);
    expect(localStorage.getItem(key)).toBeNull();
    announce(true);
    expect(localStorage.getItem(key)).toBe(value);
  });

  it('removes a stale flag when the visitor is known to be opted in', () => {
    localStorage.setItem(key, value);
    adapter(fakeSource(false).source);
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('leaves storage that refuses writes alone, with no warning, and applies the next change once it works', () => {
    const storage = memoryStorage();
    let refusing = true;
    const refuse = (write: () => void) => {
      if (refusing) throw new DOMException('denied', 'SecurityError');
      write();
    };
    vi.stubGlobal('localStorage', {
      ...storage,
      getItem: storage.getItem,
      setItem: (k: string, v: string) => refuse(() => storage.setItem(k, v)),
      removeItem: (k: string) => refuse(() => storage.removeItem(k)),
    });
    const { source, announce } = fakeSource(true);
    adapter(source);
    announce(false);
    expect(storage.getItem(key)).toBeNull();
    refusing = false;
    announce(true);
    expect(storage.getItem(key)).toBe(value);
    expect(warn).not.toHaveBeenCalled();
  });

  it('says nothing where reading localStorage itself throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const { source, announce } = fakeSource(true);
      adapter(source);
      announce(false);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
    }
  });
});

describe('matomo adapter', () => {
  it('queues optUserOut on a new _paq before any tracker command, then forgetUserOptOut on opt-in', () => {
    const { source, announce } = fakeSource(true);
    matomo(source);
    expect(globals._paq).toEqual([['optUserOut']]);
    announce(false);
    expect(globals._paq).toEqual([['optUserOut'], ['forgetUserOptOut']]);
  });

  it('pushes onto the _paq object of a matomo.js that has already loaded', () => {
    const pushed: unknown[] = [];
    globals._paq = { push: (command: unknown) => pushed.push(command) };
    const { source, announce } = fakeSource(undefined);
    matomo(source);
    announce(true);
    expect(pushed).toEqual([['optUserOut']]);
  });
});

describe('posthog adapter', () => {
  function fakePostHog(): PostHogLike & { calls: unknown[][] } {
    const calls: unknown[][] = [];
    return {
      calls,
      opt_out_capturing: () => void calls.push(['opt_out_capturing']),
      opt_in_capturing: (options?: unknown) =>
        void calls.push(options === undefined ? ['opt_in_capturing'] : ['opt_in_capturing', options]),
    };
  }

  it('opts out at once from the cached state; a later opt-in records the $opt_in event', () => {
    const instance = fakePostHog();
    const { source, announce } = fakeSource(true);
    posthog(source, { instance });
    expect(instance.calls).toEqual([['opt_out_capturing']]);
    announce(false);
    expect(instance.calls).toEqual([['opt_out_capturing'], ['opt_in_capturing']]);
  });

  it('opts in at start-up without an event, on window.posthog by default', () => {
    const instance = fakePostHog();
    globals.posthog = instance;
    posthog(fakeSource(false).source);
    expect(instance.calls).toEqual([['opt_in_capturing', { captureEventName: false }]]);
  });

  it('warns, and does not throw, when PostHog is not on the page', () => {
    expect(() => posthog(fakeSource(true).source)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PostHog'), expect.any(Error));
  });
});

describe('gtag adapter', () => {
  const denied = { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' };

  /** gtag() defined by the page: the calls it receives. */
  function recordGtag(): unknown[][] {
    const calls: unknown[][] = [];
    globals.gtag = (...args: unknown[]) => calls.push(args);
    return calls;
  }

  it("sets window['ga-disable-<id>'] for each id; consent v2: default all denied when opted out, then only analytics_storage granted on opt-in", () => {
    const calls = recordGtag();
    const { source, announce } = fakeSource(true);
    gtag(source, { measurementId: ['G-AAAA1111', ' G-BBBB2222 '] });
    expect(globals['ga-disable-G-AAAA1111']).toBe(true);
    expect(globals['ga-disable-G-BBBB2222']).toBe(true);
    expect(calls).toEqual([['consent', 'default', denied]]);
    announce(false);
    expect(globals['ga-disable-G-AAAA1111']).toBe(false);
    expect(calls.at(-1)).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    announce(true);
    expect(calls.at(-1)).toEqual(['consent', 'update', denied]);
    expect(calls).toHaveLength(3);
  });

  it('an unknown visitor starts all denied, and an opt-out confirmed later sends no update', () => {
    const calls = recordGtag();
    const { source, announce } = fakeSource(undefined);
    gtag(source);
    expect(calls).toEqual([['consent', 'default', denied]]);
    announce(true);
    expect(calls).toHaveLength(1);
    announce(false);
    expect(calls.at(-1)).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
  });

  it('a remembered opt-in: the default grants analytics_storage only; with adSignals all four', () => {
    const calls = recordGtag();
    gtag(fakeSource(false).source);
    expect(calls).toEqual([['consent', 'default', { ...denied, analytics_storage: 'granted' }]]);
    const withAds = recordGtag();
    const { source, announce } = fakeSource(false);
    gtag(source, { adSignals: true });
    const granted = { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' };
    expect(withAds).toEqual([['consent', 'default', granted]]);
    announce(true);
    announce(false);
    expect(withAds.slice(1)).toEqual([
      ['consent', 'update', denied],
      ['consent', 'update', granted],
    ]);
  });

  it('queues the consent default on dataLayer as an arguments object when gtag() is not defined yet', () => {
    gtag(fakeSource(true).source, { measurementId: 'G-AAAA1111' });
    const dataLayer = globals.dataLayer as unknown[];
    expect(dataLayer).toHaveLength(1);
    expect(Object.prototype.toString.call(dataLayer[0])).toBe('[object Arguments]');
    expect(Array.from(dataLayer[0] as ArrayLike<unknown>)).toEqual(['consent', 'default', denied]);
  });

  it('leaves consent mode alone with consentMode: false', () => {
    gtag(fakeSource(true).source, { measurementId: 'G-AAAA1111', consentMode: false });
    expect(globals['ga-disable-G-AAAA1111']).toBe(true);
    expect(globals.dataLayer).toBeUndefined();
  });
});

describe('whenKnown', () => {
  it('answers from the mirror without asking the frame', async () => {
    const isOptedOut = vi.fn(async () => false);
    await expect(whenKnown({ cached: true, isOptedOut })).resolves.toBe(true);
    expect(isOptedOut).not.toHaveBeenCalled();
  });

  it("waits for the frame's answer on a first visit", async () => {
    await expect(whenKnown({ cached: undefined, isOptedOut: async () => false })).resolves.toBe(false);
  });

  it('treats an unanswerable query as opted out', async () => {
    const isOptedOut = () => Promise.reject(new Error('TIMEOUT'));
    await expect(whenKnown({ cached: undefined, isOptedOut })).resolves.toBe(true);
  });
});

describe('applyNamedAdapters', () => {
  it('applies the named adapters with options from data attributes, ignoring unknown names with a warning', () => {
    const { source, announce } = fakeSource(true);
    const stop = applyNamedAdapters(source, 'matomo, Plausible,ga4 gtag,matomo', { gaId: 'G-AAAA1111' });
    expect(globals._paq).toEqual([['optUserOut']]);
    expect(localStorage.getItem('plausible_ignore')).toBe('true');
    expect(globals['ga-disable-G-AAAA1111']).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"ga4"'));
    stop();
    announce(false);
    expect(localStorage.getItem('plausible_ignore')).toBe('true');
  });

  it('data-ga-ad-signals="on" grants the ad signals with analytics_storage', () => {
    applyNamedAdapters(fakeSource(false).source, 'gtag', { gaAdSignals: 'on' });
    applyNamedAdapters(fakeSource(false).source, 'gtag', { gaAdSignals: 'yes please' });
    const defaults = (globals.dataLayer as ArrayLike<unknown>[]).map((call) => Array.from(call)[2]);
    expect(defaults).toEqual([
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
      { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);
  });

  it('applies nothing for an empty list', () => {
    const { subscribers, source } = fakeSource(true);
    applyNamedAdapters(source, ' , ');
    expect(subscribers()).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('keepInStep retries', () => {
  it('applies a state again on the next notification when the tracker was not ready the first time', () => {
    const { source, announce } = fakeSource(true);
    let ready = false;
    const calls: string[] = [];
    keepInStep(source, {
      tracker: 'Late',
      optOut: () => {
        if (!ready) throw new Error('not loaded yet');
        calls.push('out');
      },
      optIn: () => calls.push('in'),
    });
    expect(calls).toEqual([]);
    ready = true;
    announce(true);
    expect(calls).toEqual(['out']);
  });
});

/** A document still being parsed, as in a <head> script; `finishParsing()` fires DOMContentLoaded. */
function loadingDocument() {
  const events = new EventTarget();
  const doc = {
    readyState: 'loading' as DocumentReadyState,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  vi.stubGlobal('document', doc);
  return {
    finishParsing() {
      doc.readyState = 'interactive';
      events.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}

describe('keepInStep with a tracker set up after the client', () => {
  it('applies the state again once the document is parsed, warning only if it still fails', () => {
    const parsed = loadingDocument();
    const { source, announce } = fakeSource(true);
    let loaded = false;
    const calls: string[] = [];
    keepInStep(source, {
      tracker: 'Later',
      optOut: () => {
        if (!loaded) throw new Error('not on the page yet');
        calls.push('out');
      },
      optIn: () => calls.push('in'),
    });
    announce(true);
    expect(warn).not.toHaveBeenCalled();
    loaded = true;
    parsed.finishParsing();
    expect(calls).toEqual(['out']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once the retry after parsing fails too, and stop() cancels a pending retry', () => {
    const parsed = loadingDocument();
    const attempts: string[] = [];
    const failing = {
      tracker: 'Absent',
      optOut: () => {
        attempts.push('out');
        throw new Error('never loads');
      },
      optIn: () => undefined,
    };
    keepInStep(fakeSource(true).source, failing);
    parsed.finishParsing();
    expect(attempts).toEqual(['out', 'out']);
    expect(warn).toHaveBeenCalledTimes(1);

    const reparsed = loadingDocument();
    const stop = keepInStep(fakeSource(true).source, failing);
    stop();
    reparsed.finishParsing();
    expect(attempts).toEqual(['out', 'out', 'out']);
  });
});

describe('mixpanel adapter', () => {
  it("queues opt_out_tracking on the array Mixpanel's snippet takes over, before the snippet has run", () => {
    const { source, announce } = fakeSource(true);
    mixpanel(source);
    expect(globals.mixpanel).toEqual([['opt_out_tracking']]);
    announce(false);
    expect(globals.mixpanel).toEqual([['opt_out_tracking'], ['opt_in_tracking']]);
  });

  it('opts in at start-up without the $opt_in event, on the instance given', () => {
    const calls: unknown[][] = [];
    const instance = {
      opt_out_tracking: () => void calls.push(['out']),
      opt_in_tracking: (options?: { track?: () => void }) => void calls.push(['in', typeof options?.track]),
    };
    const { source, announce } = fakeSource(false);
    mixpanel(source, { instance });
    announce(true);
    announce(false);
    expect(calls).toEqual([['in', 'function'], ['out'], ['in', 'undefined']]);
    expect(globals.mixpanel).toBeUndefined();
  });
});

describe('amplitude adapter', () => {
  /**
   * Amplitude's two queues before its init has finished (analytics-core's `q` and `dispatchQ`):
   * `setOptOut` calls are applied first, then each tracked event is judged by the opt-out then.
   */
  function queuedAmplitude() {
    const switches: boolean[] = [];
    const sent: string[] = [];
    const setOptOuts: boolean[] = [];
    const tracked: { eventType: string; judged: () => void }[] = [];
    let optOut = true;
    let ready = false;
    const judge = (eventType: string) => {
      if (!optOut) sent.push(eventType);
    };
    const instance = {
      setOptOut(value: boolean) {
        switches.push(value);
        if (ready) optOut = value;
        else setOptOuts.push(value);
      },
      track(eventType: string) {
        let judged = () => {};
        const promise = new Promise<void>((resolve) => (judged = resolve));
        if (ready) {
          judge(eventType);
          judged();
        } else tracked.push({ eventType, judged });
        return { promise };
      },
    };
    const finishInit = async () => {
      for (const value of setOptOuts.splice(0)) optOut = value;
      ready = true;
      for (const event of tracked.splice(0)) {
        judge(event.eventType);
        event.judged();
      }
      await new Promise((resolve) => setTimeout(resolve));
    };
    return { instance, switches, sent, finishInit };
  }

  it('calls setOptOut from the cached state at once, then on each change', async () => {
    const amplitudeQueues = queuedAmplitude();
    globals.amplitude = amplitudeQueues.instance;
    const { source, announce } = fakeSource(true);
    amplitude(source);
    await amplitudeQueues.finishInit();
    announce(false);
    await vi.waitFor(() => expect(amplitudeQueues.switches).toEqual([true, false]));
    announce(true);
    expect(amplitudeQueues.switches).toEqual([true, false, true]);
    expect(amplitudeQueues.sent).toEqual([]);
  });

  it('sends none of the events tracked while opted out when the visitor opts in before Amplitude is ready', async () => {
    const amplitudeQueues = queuedAmplitude();
    const { source, announce } = fakeSource(true);
    amplitude(source, { instance: amplitudeQueues.instance });
    amplitudeQueues.instance.track('pageview');
    announce(false);
    await amplitudeQueues.finishInit();
    amplitudeQueues.instance.track('after opting in');
    expect(amplitudeQueues.sent).toEqual(['after opting in']);
    expect(amplitudeQueues.switches).toEqual([true, false]);
  });

  it('does not opt in when the visitor opts out again before the opt-in could apply', async () => {
    const amplitudeQueues = queuedAmplitude();
    const { source, announce } = fakeSource(true);
    amplitude(source, { instance: amplitudeQueues.instance });
    announce(false);
    announce(true);
    await amplitudeQueues.finishInit();
    amplitudeQueues.instance.track('while opted out');
    expect(amplitudeQueues.sent).toEqual([]);
    expect(amplitudeQueues.switches).toEqual([true, true]);
  });

  it('opts in at once when the cached state is opted in', () => {
    const amplitudeQueues = queuedAmplitude();
    amplitude(fakeSource(false).source, { instance: amplitudeQueues.instance });
    expect(amplitudeQueues.switches).toEqual([false]);
  });

  it('warns, and does not throw, when Amplitude is not on the page', () => {
    expect(() => amplitude(fakeSource(true).source)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Amplitude'), expect.any(Error));
  });
});

describe('segment adapter', () => {
  /** Runs the middleware on one event: whether Segment would send it. */
  const passes = (middleware: (params: { payload: unknown; next: (payload: unknown) => void }) => void) => {
    let sent = false;
    middleware({ payload: { type: 'page' }, next: () => (sent = true) });
    return sent;
  };

  it('adds one middleware, which drops events while opted out and reads each change', () => {
    const added: ((params: { payload: unknown; next: (payload: unknown) => void }) => void)[] = [];
    const { source, announce } = fakeSource(true);
    segment(source, { instance: { addSourceMiddleware: (middleware) => added.push(middleware) } });
    expect(added).toHaveLength(1);
    expect(passes(added[0]!)).toBe(false);
    announce(false);
    expect(passes(added[0]!)).toBe(true);
    announce(true);
    expect(passes(added[0]!)).toBe(false);
    expect(added).toHaveLength(1);
  });

  it("queues the middleware on the array Segment's snippet takes over; an unknown visitor's events are dropped", () => {
    const { source, announce } = fakeSource(undefined);
    segment(source);
    const queued = globals.analytics as [string, Parameters<typeof passes>[0]][];
    expect(queued.map((call) => call[0])).toEqual(['addSourceMiddleware']);
    expect(passes(queued[0]![1])).toBe(false);
    announce(false);
    expect(passes(queued[0]![1])).toBe(true);
    expect(queued).toHaveLength(1);
  });
});

describe('clarity adapter', () => {
  const denied = { ad_Storage: 'denied', analytics_Storage: 'denied' };
  const queued = () => ((globals.clarity as { q: IArguments[] }).q ?? []).map((call) => Array.from(call));

  it("defines Clarity's queue and calls consentv2 at once, then on each change", () => {
    const { source, announce } = fakeSource(true);
    clarity(source);
    announce(true);
    announce(false);
    announce(true);
    expect(queued()).toEqual([
      ['consentv2', denied],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
      ['consentv2', denied],
    ]);
  });

  it('an unknown visitor starts denied, with no second call when the opt-out is confirmed; adStorage grants ads too', () => {
    const { source, announce } = fakeSource(undefined);
    clarity(source, { adStorage: true });
    announce(true);
    announce(false);
    expect(queued()).toEqual([
      ['consentv2', denied],
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
    ]);
  });

  it('calls the clarity() already on the page', () => {
    const calls: unknown[][] = [];
    globals.clarity = (...args: unknown[]) => calls.push(args);
    clarity(fakeSource(false).source);
    expect(calls).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]]);
  });
});

describe('meta adapter', () => {
  it("calls fbq('consent', 'revoke' | 'grant') from the cached state at once, then on each change", () => {
    const calls: unknown[][] = [];
    globals.fbq = (...args: unknown[]) => calls.push(args);
    const { source, announce } = fakeSource(true);
    meta(source);
    announce(false);
    announce(true);
    expect(calls).toEqual([
      ['consent', 'revoke'],
      ['consent', 'grant'],
      ['consent', 'revoke'],
    ]);
  });

  it("never defines fbq (Meta's snippet would then not load the pixel), and warns", () => {
    meta(fakeSource(true).source);
    expect(globals.fbq).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Meta Pixel'), expect.any(Error));
  });
});

describe('applyNamedAdapters with the builder names', () => {
  it('google-analytics, microsoft-clarity and meta-pixel name the gtag, clarity and meta adapters', () => {
    const calls: unknown[][] = [];
    globals.fbq = (...args: unknown[]) => calls.push(args);
    applyNamedAdapters(fakeSource(true).source, 'google-analytics,microsoft-clarity,meta-pixel,gtag', { gaId: 'G-AAAA1111' });
    expect(globals['ga-disable-G-AAAA1111']).toBe(true);
    expect(typeof globals.clarity).toBe('function');
    expect(calls).toEqual([['consent', 'revoke']]);
    expect(warn).not.toHaveBeenCalled();
  });
});

/** A stand-in document holding `<script type="text/plain" data-optout-src>` tags, which records what becomes a real script. */
function heldScriptsDocument(readyState: DocumentReadyState, tags: Record<string, string>[]) {
  const events = new EventTarget();
  const loaded: Record<string, string>[] = [];
  const tag = (attributes: Record<string, string>) => {
    const element = {
      attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
      getAttribute: (name: string) => attributes[name] ?? null,
      replaceWith(script: { attributes: Record<string, string> }) {
        loaded.push(script.attributes);
        held = held.filter((other) => other !== element);
      },
    };
    return element;
  };
  let held = tags.map(tag);
  const doc = {
    readyState,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    querySelectorAll: () => [...held],
    createElement: () => {
      const attributes: Record<string, string> = {};
      return {
        attributes,
        setAttribute: (name: string, value: string) => void (attributes[name] = value),
        set src(value: string) {
          attributes.src = value;
        },
      };
    },
  };
  return {
    doc: doc as unknown as Document,
    loaded,
    add: (attributes: Record<string, string>) => void held.push(tag(attributes)),
    finishParsing: () => {
      doc.readyState = 'interactive';
      events.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}

describe('optedInScripts', () => {
  const beacon = { type: 'text/plain', 'data-optout-src': 'https://beacon.example/b.js', 'data-site': 'S1', defer: '' };

  it('loads nothing while opted out; on opt-in, each held script once, with its attributes but type', () => {
    const page = heldScriptsDocument('complete', [beacon]);
    const { source, announce } = fakeSource(true);
    optedInScripts(source, page.doc);
    expect(page.loaded).toEqual([]);
    announce(false);
    announce(true);
    announce(false);
    expect(page.loaded).toEqual([{ 'data-site': 'S1', defer: '', src: 'https://beacon.example/b.js' }]);
  });

  it('a remembered opt-in loads the tags above at once and those below once the document is parsed', () => {
    const page = heldScriptsDocument('loading', [beacon]);
    optedInScripts(fakeSource(false).source, page.doc);
    expect(page.loaded).toHaveLength(1);
    page.add({ ...beacon, 'data-optout-src': 'https://later.example/l.js' });
    page.finishParsing();
    expect(page.loaded.map((script) => script.src)).toEqual(['https://beacon.example/b.js', 'https://later.example/l.js']);
  });

  it('opting out before the document is parsed keeps the tags below held', () => {
    const page = heldScriptsDocument('loading', []);
    const { source, announce } = fakeSource(false);
    optedInScripts(source, page.doc);
    announce(true);
    page.add(beacon);
    page.finishParsing();
    expect(page.loaded).toEqual([]);
  });
});
