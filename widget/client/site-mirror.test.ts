// The site's mirror: the optout_state cookie in a stand-in cookie jar that refuses public suffixes as browsers do (Domain auto, none or named; attributes), the fresher copy wins, the localStorage key, the merge rule against the frame.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeMirror, type MirrorRecord } from '../shared/mirror-record.js';
import { mirrorKey, mirrorRestoresOptOut, openCookieMirror, openSiteMirror } from './site-mirror.js';

/** Public suffixes of this stand-in browser (a real one reads the Public Suffix List). */
const PUBLIC_SUFFIXES = new Set(['test', 'uk', 'co.uk', 'org']);

interface StoredCookie {
  readonly value: string;
  readonly domain: string | undefined;
  readonly attributes: string;
}

/** A page at `url` whose `document.cookie` stores what a browser would, and records every write. */
function cookieJar(url: string) {
  const { hostname, protocol } = new URL(url);
  const stored = new Map<string, StoredCookie>();
  const writes: string[] = [];
  vi.stubGlobal('location', { hostname, protocol });
  vi.stubGlobal('document', {
    get cookie() {
      return [...stored.values()].map((cookie) => `optout_state=${cookie.value}`).join('; ');
    },
    set cookie(line: string) {
      writes.push(line);
      const [pair = '', ...attributes] = line.split('; ');
      const value = pair.slice(pair.indexOf('=') + 1);
      const domain = /^Domain=(.*)$/i.exec(attributes.find((a) => /^Domain=/i.test(a)) ?? '')?.[1]?.replace(/^\./, '');
      if (domain !== undefined && (PUBLIC_SUFFIXES.has(domain) || !(hostname === domain || hostname.endsWith(`.${domain}`)))) return;
      stored.set(domain ?? `host:${hostname}`, { value, domain, attributes: attributes.filter((a) => !/^Domain=/i.test(a)).join('; ') });
    },
  });
  return { stored, writes };
}

const now = () => Math.floor(Date.now() / 1000);
const record = (optedOut: boolean, confirmedAt?: number): MirrorRecord => ({ state: { optedOut, reason: 'choice' }, confirmedAt });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the optout_state cookie', () => {
  it.each([
    ['https://www.gazette.test/', 'gazette.test', ['test', 'gazette.test']],
    ['https://gazette.test/', 'gazette.test', ['test', 'gazette.test']],
    ['https://shop.news.example.co.uk/', 'example.co.uk', ['uk', 'co.uk', 'example.co.uk']],
  ])('Domain auto on %s: the shortest suffix the browser stores, %s', (url, domain, tried) => {
    const { stored, writes } = cookieJar(url);
    const mirror = openCookieMirror('auto');
    mirror.write(record(true, now()));
    // Beside the domain cookie, a host-only copy that no sibling subdomain can overwrite.
    expect([...stored.values()].map((cookie) => cookie.domain)).toEqual([domain, undefined]);
    expect(writes.map((line) => /Domain=([^;]+)/.exec(line)?.[1])).toEqual([...tried, undefined]);
    // The domain found is kept: the next write goes straight there (and to the host-only copy).
    mirror.write(record(false, now() + 1));
    expect(writes).toHaveLength(tried.length + 3);
    expect(mirror.read()?.state.optedOut).toBe(false);
  });

  it('a value already there (the same state within the same second) is not written again, so no refused domain is taken for the one that stored it', () => {
    const { stored, writes } = cookieJar('https://www.gazette.test/');
    const at = now();
    openCookieMirror('auto').write(record(false, at));
    // Another page view within the same second: the same value is already visible.
    const mirror = openCookieMirror('auto');
    mirror.write(record(false, at));
    expect(writes).toHaveLength(3);
    mirror.write(record(true, at));
    expect(writes.slice(3).map((line) => /Domain=([^;]+)/.exec(line)?.[1])).toEqual(['test', 'gazette.test', undefined]);
    expect([...stored.values()].map((cookie) => [cookie.domain, cookie.value])).toEqual([
      ['gazette.test', `1:choice:${at}`],
      [undefined, `1:choice:${at}`],
    ]);
  });

  it("a state every copy already holds, confirmed, is not written again: a server's cookie stays the server's (Safari keeps it past 7 days)", () => {
    const { stored, writes } = cookieJar('https://www.gazette.test/');
    const at = now();
    const earlier = at - 3600;
    // As the site's server (optOutCookie()) or the host on the site's domain would have set them.
    stored.set('gazette.test', { value: `1:choice:${earlier}`, domain: 'gazette.test', attributes: 'Path=/' });
    stored.set('host:www.gazette.test', { value: `1:choice:${earlier}`, domain: undefined, attributes: 'Path=/' });
    const mirror = openCookieMirror('auto');
    mirror.write(record(true, at));
    expect(writes).toEqual([]);
    // A change is written, as is a state one copy does not hold confirmed (a sibling's forged opt-in beside it).
    mirror.write(record(false, at));
    expect(writes).toHaveLength(3);
    stored.set('gazette.test', { value: `1:choice:${earlier}`, domain: 'gazette.test', attributes: 'Path=/' });
    mirror.write(record(true, at));
    expect([...stored.values()].map((cookie) => cookie.value)).toEqual([`1:choice:${at}`, `1:choice:${at}`]);
  });

  it.each(['http://localhost:8080/', 'http://127.0.0.1:8080/', 'http://[::1]:8080/'])('%s takes a host-only cookie', (url) => {
    const { stored, writes } = cookieJar(url);
    openCookieMirror('auto').write(record(true, now()));
    expect(writes).toHaveLength(1);
    expect([...stored.values()].map((cookie) => cookie.domain)).toEqual([undefined]);
  });

  it('none: host-only; a named domain: that one, or host-only when the browser refuses it', () => {
    const { stored } = cookieJar('https://www.gazette.test/');
    openCookieMirror('none').write(record(true, now()));
    expect([...stored.values()].map((cookie) => cookie.domain)).toEqual([undefined]);
    const named = cookieJar('https://shop.gazette.test/');
    openCookieMirror('gazette.test').write(record(true, now()));
    expect([...named.stored.values()].map((cookie) => cookie.domain)).toEqual(['gazette.test', undefined]);
    const refused = cookieJar('https://shop.gazette.test/');
    openCookieMirror('other.test').write(record(true, now()));
    expect([...refused.stored.values()].map((cookie) => cookie.domain)).toEqual([undefined]);
  });

  it('Path=/, SameSite=Lax, a 400-day Max-Age, and Secure on https only', () => {
    const secure = cookieJar('https://www.gazette.test/');
    openCookieMirror('auto').write(record(true, 1_767_225_600));
    const attributes = 'Path=/; Max-Age=34560000; SameSite=Lax; Secure';
    expect([...secure.stored.values()]).toEqual([
      { value: '1:choice:1767225600', domain: 'gazette.test', attributes },
      { value: '1:choice:1767225600', domain: undefined, attributes },
    ]);
    const plain = cookieJar('http://localhost/');
    openCookieMirror('auto').write(record(false));
    expect([...plain.stored.values()][0]?.attributes).toBe('Path=/; Max-Age=34560000; SameSite=Lax');
  });

  it('reads several cookies of the name: the fresher of those that agree, an unconfirmed opt-out of those that do not; survives a document.cookie that throws', () => {
    vi.stubGlobal('document', {
      cookie: `a=b; optout_state=${encodeMirror(record(false, 100))}; optout_state=${encodeMirror(record(false, 200))}; optout_state=junk`,
    });
    expect(openCookieMirror('auto').read()).toEqual(record(false, 200));
    vi.stubGlobal('document', {
      cookie: `optout_state=${encodeMirror(record(true, 100))}; optout_state=${encodeMirror(record(false, 200))}`,
    });
    expect(openCookieMirror('auto').read()).toEqual({ state: { optedOut: true, reason: 'choice' } });
    vi.stubGlobal('document', {
      get cookie(): string {
        throw new DOMException('sandboxed', 'SecurityError');
      },
    });
    const mirror = openCookieMirror('auto');
    vi.stubGlobal('location', { hostname: 'www.gazette.test', protocol: 'https:' });
    expect(mirror.read()).toBeUndefined();
    expect(() => mirror.write(record(true, now()))).not.toThrow();
  });
});

describe('the site mirror: localStorage and the cookie, the fresher where they agree, the opt-out where they do not', () => {
  function site(local: MirrorRecord | undefined, cookie: MirrorRecord | undefined) {
    const items = new Map<string, string>(local ? [['k', encodeMirror(local)]] : []);
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    });
    vi.stubGlobal('document', { cookie: cookie ? `optout_state=${encodeMirror(cookie)}` : '' });
    return items;
  }

  it("another subdomain's newer opt-out wins over this one's opt-in; a newer opt-in (or a sibling's forged one) only leaves this one's opt-out unconfirmed, so a frame is asked", () => {
    const t = now();
    site(record(false, t - 60), record(true, t - 10));
    expect(openSiteMirror('k', openCookieMirror('auto')).read()).toEqual(record(true, t - 10));
    site(record(true, t - 60), record(false, t - 10));
    expect(openSiteMirror('k', openCookieMirror('auto')).read()).toEqual({ state: { optedOut: true, reason: 'choice' } });
    site(record(false, t - 60), record(false, t - 10));
    expect(openSiteMirror('k', openCookieMirror('auto')).read()).toEqual(record(false, t - 10));
  });

  it('on a tie the opt-out wins; a confirmation from the future counts as none; without the cookie only localStorage answers', () => {
    const t = now();
    site(record(false, t), record(true, t));
    expect(openSiteMirror('k', openCookieMirror('auto')).read()?.state.optedOut).toBe(true);
    site(record(false, t - 5), record(false, t + 3600));
    expect(openSiteMirror('k', openCookieMirror('auto')).read()).toEqual(record(false, t - 5));
    site(record(false, t - 5), record(true, t));
    expect(openSiteMirror('k', undefined).read()).toEqual(record(false, t - 5));
  });

  it('writes both', () => {
    const items = site(undefined, undefined);
    const { stored } = cookieJar('https://www.gazette.test/');
    openSiteMirror('k', openCookieMirror('auto')).write(record(true, 42));
    expect(items.get('k')).toBe('1:choice:42');
    expect([...stored.values()].map((cookie) => cookie.value)).toEqual(['1:choice:42', '1:choice:42']);
  });
});

describe('the localStorage key', () => {
  it('keys by host origin', () => {
    expect(mirrorKey('https://optout.example.org')).toBe('optout-frame:https://optout.example.org');
  });
});

describe('mirrorRestoresOptOut: the merge rule between the mirror and what the frame says', () => {
  const out = { optedOut: true, reason: 'choice' } as const;
  const in_ = { optedOut: false, reason: 'choice' } as const;
  const defaultIn = { optedOut: false, reason: 'default' } as const;
  const defaultOut = { optedOut: true, reason: 'default' } as const;
  const gpc = { optedOut: true, reason: 'gpc' } as const;

  // mirror | frame says | restore through the frame?
  it.each([
    [out, defaultIn, true], // the frame lost its cookie: the opt-out comes back
    [out, defaultOut, true], // OPTOUT_DEFAULT=out: restored as the visitor's choice
    [out, gpc, true], // kept as a choice for when the signal stops
    [out, out, false], // nothing lost
    [out, in_, false], // the visitor opted back in, in the frame, after the mirror learnt the opt-out
    [in_, defaultIn, false], // an opt-in is never forced back
    [in_, defaultOut, false],
    [defaultOut, defaultIn, false], // a default is no choice
    [gpc, defaultIn, false], // GPC is a signal, not a choice: it ends when the browser stops sending it
    [undefined, defaultIn, false],
  ] as const)('mirror %o, frame %o → %s', (mirror, frame, restore) => {
    expect(mirrorRestoresOptOut(mirror, frame)).toBe(restore);
  });
});
