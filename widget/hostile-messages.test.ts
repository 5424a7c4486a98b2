// Property-based: every message the frame and the client receive, from any origin and window, in a stand-in browser: nothing throws, nothing opts in, answers stay bounded.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptOutState } from './shared/choice.js';
import { connectOptOut } from './client/client.js';
import { startFrameMessenger } from './frame/frame-messenger.js';
import { parseFrameMessage, parsePageMessage, PROTOCOL } from './shared/protocol.js';

const HOST = 'https://optout.example.org';
const ALLOWED = 'https://news.example.org';
const OTHER = 'https://evil.example';

/** A window-like target that records what is posted to it. */
class FakeWindow extends EventTarget {
  readonly posted: Array<{ message: unknown; targetOrigin: string }> = [];
  postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message, targetOrigin });
  }
}

/** The browser's MessageEvent, as far as the handlers read it. */
function messageEvent(data: unknown, origin: string, source: unknown): Event {
  const event = new Event('message');
  Object.defineProperties(event, { data: { value: data }, origin: { value: origin }, source: { value: source } });
  return event;
}

/** Counts listeners so a test can see every one removed. */
function countingListeners(target: EventTarget): { live: () => number } {
  let live = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
    live += 1;
    add(...args);
  };
  target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
    live -= 1;
    remove(...args);
  };
  return { live: () => live };
}

const reasons = ['choice', 'default', 'gpc', 'other', ''] as const;
const types = ['get', 'opt-out', 'opt-in', 'ready', 'status', 'change', 'resize', 'error', '__proto__', 'GET'] as const;

/** Messages near ours (right protocol, a real type, fields right or wrong) and anything at all. */
const message: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      protocol: fc.oneof(fc.constant(PROTOCOL), fc.constant('optout-frame/2'), fc.string({ maxLength: 12 })),
      type: fc.constantFrom(...types),
      id: fc.oneof(fc.string({ maxLength: 12 }), fc.constant(''), fc.constant('x'.repeat(129)), fc.integer(), fc.constant(null)),
      optedOut: fc.oneof(fc.boolean(), fc.constant('true'), fc.integer()),
      reason: fc.constantFrom(...reasons),
      height: fc.oneof(fc.double(), fc.integer({ min: -10, max: 200_000 }), fc.constant('100')),
      code: fc.string({ maxLength: 70 }),
      message: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ withNullPrototype: true, withObjectString: true }),
  fc.constantFrom(JSON.stringify({ maq_opted_in: true }), '__proto__', null, undefined),
);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the frame receives any message from any window and origin', () => {
  const origins = fc.constantFrom(ALLOWED, OTHER, 'null', HOST, '');

  /** A frame embedded by ALLOWED, with a stand-in BroadcastChannel to other tabs. */
  function frameWorld() {
    const parent = new FakeWindow();
    const self = Object.assign(new FakeWindow(), { parent });
    const listeners = countingListeners(self);
    const channels: Array<EventTarget & { sent: unknown[] }> = [];
    vi.stubGlobal('window', self);
    vi.stubGlobal('location', { origin: HOST, ancestorOrigins: { 0: ALLOWED, length: 1 } });
    vi.stubGlobal('document', { referrer: `${ALLOWED}/privacy` });
    vi.stubGlobal(
      'BroadcastChannel',
      class extends EventTarget {
        readonly sent: unknown[] = [];
        constructor() {
          super();
          channels.push(this);
        }
        postMessage(data: unknown) {
          this.sent.push(data);
        }
        close() {}
      },
    );
    return { parent, self, listeners, channels };
  }

  it('never throws, never opts in, posts only to allowed origins, one answer per valid request', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(message, origins, fc.constantFrom('parent', 'other', 'none')), { maxLength: 40 }),
        (startOptedOut, events) => {
          const { parent, self, listeners } = frameWorld();
          const stranger = new FakeWindow();
          let optOutCalls = 0;
          const changes: OptOutState[] = [];
          const start: OptOutState = startOptedOut ? { optedOut: true, reason: 'choice' } : { optedOut: false, reason: 'default' };
          const messenger = startFrameMessenger({
            allowedOrigins: [ALLOWED],
            state: start,
            optOut: () => {
              optOutCalls += 1;
              return { optedOut: true, reason: 'choice' };
            },
            onChange: (state) => changes.push(state),
          });

          let validRequests = 0;
          let validOptOuts = 0;
          for (const [data, origin, from] of events) {
            const source = from === 'parent' ? parent : from === 'other' ? stranger : null;
            self.dispatchEvent(messageEvent(data, origin, source));
            const request = parsePageMessage(data);
            if (request && source === parent && (origin === ALLOWED || origin === HOST)) {
              validRequests += 1;
              if (request.type === 'opt-out') validOptOuts += 1;
            }
          }

          expect(optOutCalls).toBe(validOptOuts);
          // Nothing a page sends can opt the visitor in: every change it causes is to opted out.
          expect(changes.every((state) => state.optedOut)).toBe(true);
          if (startOptedOut) expect(parent.posted.some((post) => (post.message as { optedOut?: boolean }).optedOut === false)).toBe(false);
          // ready, then per valid request one answer and at most one change.
          expect(parent.posted.length).toBeLessThanOrEqual(1 + 2 * validRequests);
          expect(
            parent.posted.filter(
              (post) => (post.message as { type: string }).type === 'status' || (post.message as { type: string }).type === 'error',
            ),
          ).toHaveLength(validRequests);
          for (const post of parent.posted) {
            expect([ALLOWED, HOST]).toContain(post.targetOrigin);
            // What the frame sends is itself a well-formed message of the protocol.
            expect(parseFrameMessage(post.message)).toEqual(post.message);
          }
          expect(stranger.posted).toEqual([]);
          messenger.stop();
          expect(listeners.live()).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("another tab's channel: only a valid change moves the state; junk is ignored", () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 30 }), (datas) => {
        const { parent, channels } = frameWorld();
        const changes: OptOutState[] = [];
        const messenger = startFrameMessenger({
          allowedOrigins: [ALLOWED],
          state: { optedOut: false, reason: 'default' },
          optOut: (state) => state,
          onChange: (state) => changes.push(state),
        });
        const channel = channels[0]!;
        let expected: OptOutState = { optedOut: false, reason: 'default' };
        const expectedChanges: OptOutState[] = [];
        for (const data of datas) {
          const event = new Event('message');
          Object.defineProperty(event, 'data', { value: data });
          channel.dispatchEvent(event);
          const parsed = parseFrameMessage(data);
          if (parsed?.type === 'change' && (parsed.optedOut !== expected.optedOut || parsed.reason !== expected.reason)) {
            expected = { optedOut: parsed.optedOut, reason: parsed.reason };
            expectedChanges.push(expected);
          }
        }
        expect(changes).toEqual(expectedChanges);
        // Relayed to the page, never echoed back to the other tabs.
        expect(channel.sent).toEqual([]);
        for (const post of parent.posted) expect(post.targetOrigin).toBe(ALLOWED);
        messenger.stop();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the client receives any message from any window and origin', () => {
  /** A page of ALLOWED showing the host's frame, with a client connected to it. */
  function pageWorld() {
    const self = new FakeWindow();
    const listeners = countingListeners(self);
    const frameWindow = new FakeWindow();
    const iframe = Object.assign(new EventTarget(), {
      src: `${HOST}/optout?showIntro=1`,
      loading: 'eager',
      isConnected: true,
      contentWindow: frameWindow,
      style: { height: '140px' },
    });
    vi.stubGlobal('window', self);
    vi.stubGlobal('addEventListener', self.addEventListener.bind(self));
    vi.stubGlobal('location', { href: `${ALLOWED}/privacy`, origin: ALLOWED });
    vi.stubGlobal('document', {
      readyState: 'complete',
      getElementsByTagName: () => [iframe],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    });
    vi.stubGlobal('getComputedStyle', () => ({ boxSizing: 'content-box' }));
    // A browser without Global Privacy Control, so only messages decide the state.
    vi.stubGlobal('navigator', {});
    // The site's own storage, where the client mirrors the last state it was told.
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, String(value)),
      removeItem: (key: string) => void stored.delete(key),
    });
    return { self, listeners, frameWindow, iframe, stored };
  }

  it('never throws; only valid messages from the frame change what page scripts hear; resize is bounded', () => {
    const origins = fc.constantFrom(HOST, ALLOWED, OTHER, 'null');
    fc.assert(
      fc.property(fc.array(fc.tuple(message, origins, fc.constantFrom('frame', 'other', 'none')), { maxLength: 40 }), (events) => {
        const { self, listeners, frameWindow, iframe, stored } = pageWorld();
        const stranger = new FakeWindow();
        const client = connectOptOut({ host: HOST, timeout: 60_000 });
        // The client asked the frame at once.
        expect(frameWindow.posted.length).toBe(1);
        const heard: OptOutState[] = [];
        client.subscribe((state) => heard.push(state));

        let known: OptOutState | undefined;
        const expectedHeard: OptOutState[] = [];
        let expectedHeight = '140px';
        for (const [data, origin, from] of events) {
          const source = from === 'frame' ? frameWindow : from === 'other' ? stranger : null;
          self.dispatchEvent(messageEvent(data, origin, source));
          const parsed = origin === HOST ? parseFrameMessage(data) : undefined;
          if (!parsed) continue;
          if (parsed.type === 'resize' && source === frameWindow) expectedHeight = `${Math.ceil(parsed.height)}px`;
          if ((parsed.type === 'ready' || parsed.type === 'change' || parsed.type === 'status') && source === frameWindow) {
            if (!known || known.optedOut !== parsed.optedOut || known.reason !== parsed.reason) {
              known = { optedOut: parsed.optedOut, reason: parsed.reason };
              expectedHeard.push(known);
            }
          }
        }
        expect(heard).toEqual(expectedHeard);
        expect(client.cached).toBe(known?.optedOut);
        // Junk never reaches the site's mirror: it holds the last valid state or nothing.
        const mirrored = [...stored.values()];
        expect(mirrored.length).toBe(known ? 1 : 0);
        if (known) expect(mirrored[0]).toContain(known.reason);
        expect(iframe.style.height).toBe(expectedHeight);
        expect(Number.parseInt(iframe.style.height, 10)).toBeLessThanOrEqual(100_000);
        // The client only ever talks to the frame, at the host's exact origin.
        for (const post of frameWindow.posted) expect(post.targetOrigin).toBe(HOST);
        expect(stranger.posted).toEqual([]);
        client.destroy();
        expect(listeners.live()).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
