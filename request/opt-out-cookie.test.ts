// optOutCookie(request) on a Node IncomingMessage (a real HTTP round trip), a Fetch Request and a headers object: opt-out, opt-in, none, malformed, future-dated, domain.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optOutCookie, optedOut } from './opted-out.js';

const ATTRIBUTES = 'Path=/; Max-Age=34560000; SameSite=Lax; Secure';

/** Each case: the request's Cookie header (none when undefined), and the Set-Cookie value it gives. */
const cases: Array<[string, string | undefined, string | undefined]> = [
  ['an opt-out', 'a=b; optout_state=1:choice:1767225600', `optout_state=1:choice:1767225600; ${ATTRIBUTES}`],
  ['an opt-in', 'optout_state=0:choice:1767225600; c=d', `optout_state=0:choice:1767225600; ${ATTRIBUTES}`],
  ['a bare 1, in the client form it stands for', 'optout_state=1', `optout_state=1:choice; ${ATTRIBUTES}`],
  [
    'of two that disagree, the opt-out, unconfirmed (as optedOut reads them: a sibling subdomain may have forged the opt-in)',
    'optout_state=1:choice:100; optout_state=0:choice:200',
    `optout_state=1:choice; ${ATTRIBUTES}`,
  ],
  ['of two that agree, the fresher', 'optout_state=0:choice:100; optout_state=0:choice:200', `optout_state=0:choice:200; ${ATTRIBUTES}`],
  ['no cookie at all', undefined, undefined],
  ['other cookies only', 'a=1; optout_state_old=1', undefined],
  ['a malformed value', 'optout_state=yes', undefined],
  ['markup in the value', 'optout_state=<script>', undefined],
  // optedOut counts the state and not the forged time: re-issued as an unconfirmed opt-out.
  ['a confirmation from the future', 'optout_state=1:choice:9999999999', `optout_state=1:choice; ${ATTRIBUTES}`],
];

describe('optOutCookie', () => {
  it.each(cases)('a headers object: %s', (_name, cookie, expected) => {
    expect(optOutCookie(cookie === undefined ? {} : { cookie })).toBe(expected);
  });

  it.each(cases)('a Fetch Request: %s', (_name, cookie, expected) => {
    const headers: Record<string, string> = cookie === undefined ? {} : { Cookie: cookie };
    expect(optOutCookie(new Request('https://news.example.org/', { headers }))).toBe(expected);
  });

  it('re-issues what optedOut reads: the same state', () => {
    for (const [, cookie] of cases) {
      const issued = optOutCookie({ cookie: cookie ?? '' });
      const again = issued === undefined ? undefined : optedOut({ cookie: issued.split(';')[0]! });
      expect(again).toBe(cookie === undefined ? undefined : optedOut({ cookie }));
    }
  });

  it('Domain from options.domain; Secure unless secure: false', () => {
    const request = { cookie: 'optout_state=1:choice:5' };
    expect(optOutCookie(request, { domain: 'example.org' })).toBe(`optout_state=1:choice:5; ${ATTRIBUTES}; Domain=example.org`);
    expect(optOutCookie(request, { secure: false })).toBe('optout_state=1:choice:5; Path=/; Max-Age=34560000; SameSite=Lax');
  });

  it('a domain that is not a host name is a RangeError, never an extra attribute', () => {
    for (const domain of ['example.org; HttpOnly', 'auto', 'none', '', 'a b.org'])
      expect(() => optOutCookie({ cookie: 'optout_state=1' }, { domain }), domain).toThrow(RangeError);
  });

  it('Sec-GPC alone is no cookie to keep: the browser sends it on every request', () => {
    expect(optOutCookie({ 'sec-gpc': '1' })).toBeUndefined();
  });
});

describe('optOutCookie with a Node IncomingMessage', () => {
  let origin: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // A real server, as Express's `req`: it answers with the Set-Cookie optOutCookie gives, if any.
    const server = createServer((req: IncomingMessage, res) => {
      const cookie = optOutCookie(req, { domain: 'example.org' });
      if (cookie) res.setHeader('Set-Cookie', cookie);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it.each(cases)('%s', async (_name, cookie, expected) => {
    const response = await fetch(origin, { headers: cookie === undefined ? {} : { cookie } });
    expect(response.headers.get('set-cookie') ?? undefined).toBe(expected && `${expected}; Domain=example.org`);
  });
});
