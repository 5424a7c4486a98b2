// connectOptOut() in a stand-in page (a visible frame, the site's storage): whenKnown() answers at once when the state is known, after the frame otherwise, opted out when it cannot answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../shared/protocol.js';
import { connectOptOut, OptOutError } from './client.js';
import { mirrorKey } from './site-mirror.js';
import { encodeMirror } from '../shared/mirror-record.js';

const HOST = 'https://optout.example.org';
const SITE = 'https://news.example.org';

/** A window-like target that records what is posted to it. */
class FakeWindow extends EventTarget {
  readonly posted: Array<{ message: { type: string; id: string } }> = [];
  postMessage(message: { type: string; id: string }): void {
    this.posted.push({ message });
  }
}

/** A page of SITE showing the host's frame, with `stored` as its localStorage. */
function pageWorld(stored = new Map<string, string>()) {
  const self = new FakeWindow();
  const frameWindow = new FakeWindow();
  const iframe = Object.assign(new EventTarget(), {
    src: `${HOST}/optout`,
    loading: 'eager',
    isConnected: true,
    contentWindow: frameWindow,
  });
  vi.stubGlobal('window', self);
  vi.stubGlobal('location', { href: `${SITE}/privacy`, origin: SITE, protocol: 'https:', hostname: 'news.example.org' });
  vi.stubGlobal('document', {
    readyState: 'complete',
    cookie: '',
    getElementsByTagName: () => [iframe],
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  });
  /** The frame answers the client's last request. */
  const answer = (optedOut: boolean) => {
    const request = frameWindow.posted.at(-1)!.message;
    const data = { protocol: PROTOCOL, type: 'status', id: request.id, optedOut, reason: 'choice' };
    const event = new Event('message');
    Object.defineProperties(event, { data: { value: data }, origin: { value: HOST }, source: { value: frameWindow } });
    self.dispatchEvent(event);
  };
  return { frameWindow, answer };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('optout.whenKnown()', () => {
  it('resolves at once from a fresh mirror, asking the frame nothing more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stored = new Map([[mirrorKey(HOST), encodeMirror({ state: { optedOut: true, reason: 'choice' }, confirmedAt: now })]]);
    const { frameWindow } = pageWorld(stored);
    const optout = connectOptOut({ host: HOST });
    const asked = frameWindow.posted.length;
    await expect(optout.whenKnown()).resolves.toBe(true);
    expect(frameWindow.posted.length).toBe(asked);
    optout.destroy();
  });

  it("waits for the frame's answer when nothing is known", async () => {
    const { answer } = pageWorld();
    const optout = connectOptOut({ host: HOST });
    let settled: boolean | undefined;
    const known = optout.whenKnown().then((optedOut) => (settled = optedOut));
    await Promise.resolve();
    expect(settled).toBeUndefined();
    answer(false);
    await expect(known).resolves.toBe(false);
    optout.destroy();
  });

  it('resolves opted out when the host never answers, and after destroy()', async () => {
    vi.useFakeTimers();
    pageWorld();
    const optout = connectOptOut({ host: HOST, timeout: 500 });
    const known = optout.whenKnown();
    await vi.advanceTimersByTimeAsync(500);
    await expect(known).resolves.toBe(true);
    optout.destroy();
    await expect(optout.whenKnown()).resolves.toBe(true);
  });
});

describe('the cookie mirror options', () => {
  it('a cookieDomain that is not auto, none or a domain name is a typed error naming it', () => {
    pageWorld();
    const connect = () => connectOptOut({ host: HOST, cookieDomain: 'example.org; Secure' });
    expect(connect).toThrow(OptOutError);
    expect(connect).toThrow(
      expect.objectContaining({ code: 'INVALID_COOKIE_DOMAIN', message: expect.stringContaining('"example.org; Secure"') }),
    );
  });

  it("the frame's answer goes to the cookie too; mirrorCookie: false leaves document.cookie alone", () => {
    const { answer } = pageWorld();
    const withCookie = connectOptOut({ host: HOST });
    answer(true);
    // (This stand-in document.cookie keeps the last line written, attributes and all: after the
    // domain cookie, the host-only copy.)
    expect(document.cookie).toMatch(/^optout_state=1:choice:\d+; Path=\/; .*; SameSite=Lax; Secure$/);
    withCookie.destroy();
    const { answer: answerAgain } = pageWorld();
    const without = connectOptOut({ host: HOST, mirrorCookie: false });
    answerAgain(true);
    expect(document.cookie).toBe('');
    without.destroy();
  });
});
