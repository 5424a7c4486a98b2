// optedOut(request) for a Fetch Request, a Node IncomingMessage (a real HTTP round trip) and a plain headers object, and against hostile Cookie headers.
import fc from 'fast-check';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optedOut } from './opted-out.js';

/** Each case: the request headers, and what optedOut says of them. */
const cases: Array<[string, Record<string, string>, boolean | undefined]> = [
  ['no cookie, no GPC', {}, undefined],
  ['Sec-GPC: 1', { 'Sec-GPC': '1' }, true],
  ['Sec-GPC: 1 wins over a cookie that says opted in', { 'Sec-GPC': '1', Cookie: 'optout_state=0:choice:1767225600' }, true],
  ['Sec-GPC: 0 is no signal', { 'Sec-GPC': '0' }, undefined],
  ['the cookie says opted out', { Cookie: 'a=b; optout_state=1:choice:1767225600; c=d' }, true],
  ['the cookie says opted in', { Cookie: 'optout_state=0:default:1767225600' }, false],
  ["a state never confirmed (0.1's form)", { Cookie: 'optout_state=1:choice' }, true],
  ['a bare 1 (the contract: a value starting 1) says opted out', { Cookie: 'optout_state=1' }, true],
  ['a bare 0 says opted in', { Cookie: 'optout_state=0' }, false],
  ['a bare 1 beside a confirmed later opt-in: the opt-out wins', { Cookie: 'optout_state=1; optout_state=0:choice:5' }, true],
  ['two copies that agree on opted in', { Cookie: 'optout_state=0:choice:5; optout_state=0:default:9' }, false],
  ['nor a reason the client never writes', { Cookie: 'optout_state=1:admin:1767225600' }, undefined],
];

/** Cookie headers a browser, another script or an attacker may send: none may throw, none may read as a state that is not there. */
const hostile: Array<[string, string, boolean | undefined]> = [
  // A sibling subdomain can write a domain cookie: of copies that disagree, the opt-out wins, whichever is later (issue 34).
  ['a host-only opt-out and a later domain opt-in: the opt-out wins', 'optout_state=1:choice:100; optout_state=0:choice:200', true],
  ['the same, the other way round', 'optout_state=0:choice:200; optout_state=1:choice:300', true],
  ['a tie goes to the opt-out', 'optout_state=0:choice:200; optout_state=1:choice:200', true],
  ['an unconfirmed opt-out beside a confirmed opt-in', 'optout_state=1:choice; optout_state=0:choice:5', true],
  ['a forged opt-in confirmed now, sent first', `optout_state=0:choice:${Math.floor(Date.now() / 1000)}; optout_state=1:choice:100`, true],
  ['three copies, one of them an opt-out', 'optout_state=0:choice:1; optout_state=1:choice; optout_state=0:choice:3', true],
  // As the client reads it: a confirmation from the future (a forged value, a clock set back) counts as none.
  ['a future-dated opt-in loses to a real later opt-out', 'optout_state=0:choice:9999999999; optout_state=1:choice:1767225600', true],
  ['a future-dated opt-in, the other order', 'optout_state=1:choice:1767225600; optout_state=0:choice:9999999999', true],
  ['the name is case-sensitive', 'OPTOUT_STATE=1', undefined],
  ['a longer name is another cookie', 'xoptout_state=1; optout_state_old=1', undefined],
  ['a value that only starts with a digit', 'optout_state=10', undefined],
  ['junk after the state', 'optout_state=1:choice:5;script', true],
  ['spaces and quotes are tolerated', '  optout_state = "0:choice:7" ', false],
  ['an empty value', 'optout_state=', undefined],
  ['a name with no value', 'optout_state', undefined],
  ['another value entirely', 'optout_state=<script>alert(1)</script>', undefined],
  ['a prototype key', '__proto__=1; constructor=1', undefined],
  ['a too-long timestamp', `optout_state=0:choice:${'9'.repeat(400)}`, undefined],
  ['only separators', ';;;===;;', undefined],
];

describe('optedOut', () => {
  it.each(cases)('a plain headers object: %s', (_name, headers, expected) => {
    expect(optedOut(headers)).toBe(expected);
    // Lower-case names, as Node hands them over.
    expect(optedOut(Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value])))).toBe(expected);
  });

  it.each(cases)('a Fetch Request: %s', (_name, headers, expected) => {
    expect(optedOut(new Request('https://news.example.org/', { headers }))).toBe(expected);
    expect(optedOut(new Headers(headers))).toBe(expected);
  });

  it.each(hostile)('a hostile Cookie header: %s', (_name, cookie, expected) => {
    expect(optedOut({ cookie })).toBe(expected);
  });

  it('repeated headers in an object: cookies joined with "; ", any 1 among repeated Sec-GPC values is GPC', () => {
    expect(optedOut({ cookie: ['a=1', 'optout_state=1:choice:5'] })).toBe(true);
    expect(optedOut({ Cookie: 'optout_state=0:choice:9', cookie: 'optout_state=1:choice:5' })).toBe(true);
    expect(optedOut({ 'sec-gpc': ['1', '1'] })).toBe(true);
    expect(optedOut({ 'sec-gpc': '1, 1' })).toBe(true);
    expect(
      optedOut(
        new Headers([
          ['Sec-GPC', '1'],
          ['Sec-GPC', '1'],
        ]),
      ),
    ).toBe(true);
    expect(optedOut({ 'sec-gpc': ['0', '0'] })).toBeUndefined();
  });

  it('a header named "headers" or "get" in a plain object is just a header', () => {
    expect(optedOut({ headers: 'x', get: 'y', cookie: 'optout_state=1:gpc' })).toBe(true);
  });

  it('any Cookie header at all: never throws, and says true only when an optout_state=1… cookie is there', () => {
    const cookiePart = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'optout_state=1',
        'optout_state=0',
        'optout_state=1:choice:12',
        'optout_state=0:gpc:99',
        ' optout_state = 1 ',
        '=',
        ';',
      ),
    );
    fc.assert(
      fc.property(fc.array(cookiePart, { maxLength: 8 }), fc.constantFrom(';', '; ', ',', ''), (parts, separator) => {
        const cookie = parts.join(separator);
        const answer = optedOut({ cookie });
        expect([true, false, undefined]).toContain(answer);
        if (answer === true) expect(cookie).toMatch(/optout_state\s*=\s*"?1/);
        if (answer === false) expect(cookie).toMatch(/optout_state\s*=\s*"?0/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('optedOut with a Node IncomingMessage', () => {
  let origin: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // A real server: optedOut reads the IncomingMessage Node hands the request handler (as Express's `req`).
    const server = createServer((req: IncomingMessage, res) => res.end(JSON.stringify({ optedOut: optedOut(req) ?? 'undefined' })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it.each(cases)('%s', async (_name, headers, expected) => {
    const answer = (await (await fetch(origin, { headers })).json()) as { optedOut: boolean | 'undefined' };
    expect(answer.optedOut).toBe(expected ?? 'undefined');
  });
});
