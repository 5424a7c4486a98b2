// Matomo's mtm_consent_removed in the site's mirror: an opt-out at its time, a later opt-in wins and clears it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MirrorRecord } from '../shared/mirror-record.js';
import { openSiteMirror } from './site-mirror.js';

/** A page whose cookies are `jar` (name → value), written as `document.cookie` lines. */
function page(jar: Map<string, string>) {
  const store = new Map<string, string>();
  vi.stubGlobal('location', { hostname: 'www.gazette.test', protocol: 'https:' });
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal('document', {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(line: string) {
      const [pair = ''] = line.split('; ');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/.test(line)) jar.delete(name);
      else jar.set(name, value);
    },
  });
}

const seconds = () => Math.floor(Date.now() / 1000);
const choice = (optedOut: boolean, confirmedAt?: number): MirrorRecord => ({ state: { optedOut, reason: 'choice' }, confirmedAt });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('mtm_consent_removed', () => {
  it('reads as an opt-out made at its time (ms)', () => {
    const at = seconds() - 3600;
    page(new Map([['mtm_consent_removed', String(at * 1000 + 123)]]));
    expect(openSiteMirror('k', undefined).read()).toEqual(choice(true, at));
  });

  it('ignores a value that is no time', () => {
    page(new Map([['mtm_consent_removed', 'yes']]));
    expect(openSiteMirror('k', undefined).read()).toBeUndefined();
  });

  it('loses to a later opt-in, which also clears it', () => {
    const jar = new Map([['mtm_consent_removed', String((seconds() - 3600) * 1000)]]);
    page(jar);
    const mirror = openSiteMirror('k', undefined);
    mirror.write(choice(false, seconds()));
    expect(jar.has('mtm_consent_removed')).toBe(false);
    expect(mirror.read()).toEqual(choice(false, seconds()));
  });

  it('wins over an older opt-in, and an opt-out keeps it', () => {
    const jar = new Map([['mtm_consent_removed', String(seconds() * 1000)]]);
    page(jar);
    const mirror = openSiteMirror('k', undefined);
    localStorage.setItem('k', `0:choice:${seconds() - 3600}`);
    expect(mirror.read()?.state.optedOut).toBe(true);
    mirror.write(choice(true, seconds()));
    expect(jar.has('mtm_consent_removed')).toBe(true);
  });
});
