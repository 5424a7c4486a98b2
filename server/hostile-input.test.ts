// Property-based: hostile query parameters, form fields, headers and cookies never crash the host, never reflect raw, never change state.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { headerSendsGpc } from '../widget/shared/gpc.js';
import { hasMarkup, hostileHeaderValue, hostileText, INJECTIONS } from './testing/hostile-strings.js';
import { startInProcessHost, type InProcessHost, type RawResponse } from './testing/in-process-host.js';

/** Bounded so the suite stays fast; every run is a real HTTP request on loopback. */
const RUNS = { numRuns: 80 };
/** The form body limit of `POST /optout` (express.urlencoded `limit: '2kb'`): more is a 413. */
const FORM_LIMIT_BYTES = 2048;

// Each property makes dozens of real requests: on a shared 2-core machine under a full parallel
// run that can take far longer than Vitest's 5 s default, a time-out that says nothing about the host.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const FRAME_PARAMS = ['lang', 'language', 'showIntro', 'fontColor', 'backgroundColor', 'fontSize', 'fontFamily', 'theme', 'site'] as const;
const FORM = 'application/x-www-form-urlencoded';

let host: InProcessHost;
/** Tag counts of clean pages: an injection would add tags. */
let framePageTags: Record<string, number>;
/** Under GPC the frame has no toggle (no form field, no button), so it has its own clean count. */
let gpcFramePageTags: Record<string, number>;
/** An opted-out page has no first-paint script and one status and button, not two. */
let optedOutFramePageTags: Record<string, number>;
let errorPageTags: Record<string, number>;
/** Clean pages: a value that is already part of them (say `<title>`) proves nothing by appearing. */
let cleanBodies: string[];

/** Counts the elements and attributes that would let an injection run or restyle the page. */
function tagCounts(body: string): Record<string, number> {
  const count = (pattern: RegExp) => body.match(pattern)?.length ?? 0;
  return {
    open: count(/<(script|style|img|svg|iframe|a|object|embed|link|meta|base|form|input|button)\b/gi),
    close: count(/<\/(script|style|title|textarea)\b/gi),
    comments: count(/<!--/g),
    handlers: count(/\son[a-z]+\s*=/gi),
    javascriptUrls: count(/(href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi),
  };
}

/** The state the page shows: the element's `opted-out` attribute, as the first HTML renders it. */
function shownState(body: string): 'in' | 'out' {
  const element = /<optout-toggle( opted-out)? reason="(choice|default|gpc)"/.exec(body);
  expect(element, 'the element carrying the state').not.toBeNull();
  return element![1] ? 'out' : 'in';
}

function expectNoReflection(response: RawResponse, ...values: string[]): void {
  expectNoReflectionAgainst(framePageTags, response, ...values);
}

function expectNoReflectionAgainst(frameTags: Record<string, number>, response: RawResponse, ...values: string[]): void {
  for (const value of values) {
    if (hasMarkup(value) && !cleanBodies.some((body) => body.includes(value))) expect(response.body).not.toContain(value);
  }
  const html = /html/.test(String(response.headers['content-type']));
  // The frame page, or one of the host's own error pages: exactly the elements of a clean one.
  if (response.status === 200) expect(tagCounts(response.body)).toEqual(frameTags);
  else if (response.status >= 400 && html) expect(tagCounts(response.body)).toEqual(errorPageTags);
}

function query(pairs: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();
}

beforeAll(async () => {
  host = await startInProcessHost({ OPTOUT_ALLOWED_ORIGINS: 'https://news.example.org' });
  const clean = await host.request({ path: '/optout' });
  const bad = await host.request({ path: '/optout?theme=x' });
  expect([clean.status, bad.status]).toEqual([200, 400]);
  cleanBodies = [clean.body, bad.body];
  framePageTags = tagCounts(clean.body);
  gpcFramePageTags = tagCounts((await host.request({ path: '/optout', headers: { 'sec-gpc': '1' } })).body);
  optedOutFramePageTags = tagCounts((await host.request({ path: '/optout', headers: { cookie: 'optout=1' } })).body);
  errorPageTags = tagCounts(bad.body);
  expect(framePageTags.close).toBeGreaterThan(0);
});

afterAll(async () => {
  await host.close();
  // No payload reached a prototype.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('GET /optout query parameters', () => {
  it('each frame parameter: 200 or a 400 naming it; never reflected raw; state unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FRAME_PARAMS), hostileText, async (name, value) => {
        const response = await host.request({ path: `/optout?${query([[name, value]])}` });
        expect([200, 400]).toContain(response.status);
        expectNoReflection(response, value);
        expect(response.headers['set-cookie']).toBeUndefined();
        if (response.status === 400) expect(response.body).toContain(`&quot;${name}&quot;`);
        else expect(shownState(response.body)).toBe('in');
      }),
      RUNS,
    );
  });

  it('unknown, repeated and bracketed parameters: ignored or a 400, never a crash', async () => {
    const key = fc.oneof(
      fc.constantFrom(...FRAME_PARAMS),
      fc.constantFrom('__proto__', 'constructor', 'lang[]', 'fontColor[x]', 'a.b', ''),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, hostileText), { maxLength: 6 }), async (pairs) => {
        const response = await host.request({ path: `/optout?${query(pairs)}` });
        expect([200, 400]).toContain(response.status);
        expectNoReflection(response, ...pairs.flat());
        expect(response.headers['set-cookie']).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('a raw, unencoded query string (as a non-browser client sends it) is escaped in the form action', async () => {
    // Node's client sends any byte from ! to ÿ in the path; "#" would end the path for the server.
    const rawChar = fc
      .integer({ min: 0x21, max: 0xff })
      .filter((code) => code !== 0x23 && code !== 0x7f)
      .map((code) => String.fromCharCode(code));
    const rawValue = fc.oneof(
      fc.string({ unit: rawChar, maxLength: 40 }),
      fc.constantFrom(...INJECTIONS.map((s) => s.replace(/[ #]/g, '/'))),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('x', 'utm', 'showIntro'), rawValue, async (name, value) => {
        const response = await host.request({ path: `/optout?${name}=${value}` });
        expect([200, 400]).toContain(response.status);
        expectNoReflection(response, value);
        // Bytes outside ASCII are refused by Node's parser before Express: an empty 400.
        if (response.headers['content-type'] === undefined) {
          expect(response.status).toBe(400);
          expect(response.body).toBe('');
          expect(response.headers['cache-control']).toBe('no-store');
          expect(response.headers['x-content-type-options']).toBe('nosniff');
        }
      }),
      RUNS,
    );
  });
});

describe('headers the host reads', () => {
  const cookiePair = fc.tuple(
    fc.constantFrom('optout', 'Optout', ' optout', 'optout ', 'other', '__proto__', ''),
    hostileHeaderValue.map((v) => v.replace(/;/g, '')),
  );

  it('Cookie, Accept-Language, Sec-GPC, Sec-Fetch-Site, Origin, Host: always 200, state as stored, nothing reflected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cookiePair, { maxLength: 4 }),
        fc.record(
          {
            'accept-language': hostileHeaderValue,
            'sec-gpc': fc.oneof(hostileHeaderValue, fc.constantFrom('1', '0', ' 1', '1, 1', '0,1')),
            'sec-fetch-site': fc.oneof(hostileHeaderValue, fc.constantFrom('same-origin', 'cross-site', 'none')),
            origin: fc.oneof(hostileHeaderValue, fc.constantFrom('null', 'https://evil.example')),
            host: fc.oneof(
              hostileHeaderValue.filter((v) => v.trim() !== ''),
              fc.constantFrom('evil.example', '127.0.0.1:1'),
            ),
          },
          { requiredKeys: [] },
        ),
        async (cookies, headers) => {
          const cookie = cookies.map(([name, value]) => `${name}=${value}`).join('; ');
          const response = await host.request({ path: '/optout', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
          expect(response.status).toBe(200);
          // The model: of the cookies whose trimmed name is exactly "optout", trimmed and unquoted, a 1 wins over a 0 (issue 34).
          const stored = cookies.filter(([name]) => name.trim() === 'optout').map(([, value]) => value.trim().replace(/^"(.*)"$/, '$1'));
          const choice = stored.includes('1') ? '1' : stored.includes('0') ? '0' : undefined;
          const gpc = headerSendsGpc(headers['sec-gpc']);
          const cleanTags = gpc ? gpcFramePageTags : choice === '1' ? optedOutFramePageTags : framePageTags;
          expectNoReflectionAgainst(cleanTags, response, ...Object.values(headers), ...cookies.flat());

          expect(shownState(response.body)).toBe(gpc || choice === '1' ? 'out' : 'in');
          // A stored choice is renewed exactly as it was; garbage is never turned into a choice.
          const setCookie = response.headers['set-cookie'];
          if (choice === undefined) expect(setCookie).toBeUndefined();
          else expect(setCookie).toEqual([expect.stringMatching(new RegExp(`^optout=${choice}; `))]);
        },
      ),
      RUNS,
    );
  });
});

describe('POST /optout form fields', () => {
  const field = fc.tuple(
    fc.constantFrom('optedOut', 'optedout', 'optedOut[]', '__proto__', 'constructor', 'x'),
    fc.oneof(fc.constantFrom('0', '1'), hostileText),
  );
  const siteHeaders = fc.record(
    {
      'sec-fetch-site': fc.oneof(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), hostileHeaderValue),
      origin: fc.oneof(fc.constantFrom('null', 'https://evil.example', 'http://127.0.0.1'), hostileHeaderValue),
    },
    { requiredKeys: [] },
  );

  /** The host's rule: Sec-Fetch-Site must say same-origin; without it, Origin must be the host. */
  function fromTheFrame(headers: { 'sec-fetch-site'?: string; origin?: string }): boolean {
    if (headers['sec-fetch-site'] !== undefined) return headers['sec-fetch-site'].trim() === 'same-origin';
    return headers.origin?.trim() === host.origin;
  }

  it('any fields from any site: 303 only for one valid choice from the frame, else 403/400 and no cookie', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(field, { maxLength: 5 }), siteHeaders, fc.boolean(), async (fields, headers, withOurOrigin) => {
        const sent = withOurOrigin && headers['sec-fetch-site'] === undefined ? { ...headers, origin: host.origin } : headers;
        const body = query(fields);
        const response = await host.request({ method: 'POST', path: '/optout', headers: { ...sent, 'content-type': FORM }, body });
        expectNoReflection(response, ...fields.flat(), ...Object.values(sent));
        const choices = fields.filter(([name]) => name === 'optedOut');
        const valid = choices.length === 1 && (choices[0]![1] === '0' || choices[0]![1] === '1');
        if (!fromTheFrame(sent)) {
          expect(response.status).toBe(403);
        } else if (Buffer.byteLength(body) > FORM_LIMIT_BYTES) {
          // Too big to be our form (a 5000-character oddity does it): refused before it is parsed.
          expect(response.status).toBe(413);
        } else if (valid) {
          expect(response.status).toBe(303);
          expect(response.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^optout=${choices[0]![1]}; `))]);
          return;
        } else {
          expect(response.status).toBe(400);
          expect(response.body).toContain('optedOut');
        }
        expect(response.headers['set-cookie']).toBeUndefined();
      }),
      {
        ...RUNS,
        // Always tried: a valid choice padded past the size limit.
        examples: [
          [
            [
              ['optedOut', '1'],
              ['x', 'x'.repeat(5000)],
            ],
            { 'sec-fetch-site': 'same-origin' },
            false,
          ],
        ],
      },
    );
  });

  it('any body and content type from the frame: 303, 400, 413 or 415, never a crash, a cookie only with 303', async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        FORM,
        `${FORM}; charset=utf-8`,
        `${FORM}; charset=latin9`,
        'text/plain',
        'application/json',
        'multipart/form-data; boundary=x',
      ),
      hostileHeaderValue,
    );
    const body = fc.oneof(
      hostileText,
      fc.constantFrom(
        'optedOut=1&optedOut=0',
        'optedOut=%',
        'optedOut=%E0%A4%A',
        `${'a=1&'.repeat(20)}optedOut=1`,
        `optedOut=1&pad=${'x'.repeat(3000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(contentType, body, async (type, text) => {
        const response = await host.request({
          method: 'POST',
          path: '/optout',
          headers: { 'sec-fetch-site': 'same-origin', 'content-type': type },
          body: text,
        });
        expect([303, 400, 413, 415]).toContain(response.status);
        expectNoReflection(response, text, type);
        if (response.status === 303) expect(response.headers['set-cookie']).toEqual([expect.stringMatching(/^optout=[01]; /)]);
        else expect(response.headers['set-cookie']).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('garbage on the socket', () => {
  it('random bytes instead of HTTP never take the host down', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), async (bytes) => {
        await new Promise<void>((resolve) => {
          const socket = connect(host.port, '127.0.0.1', () => socket.end(bytes));
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
          socket.resume();
        });
        const health = await host.request({ path: '/healthz' });
        expect(health.status).toBe(200);
      }),
      { numRuns: 30 },
    );
  });
});
