// HTML answers: gzip with the response's nonce spliced in, and replays byte for byte what the Express route sent.
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipWithNonce, plainWithNonce, splitPage } from './gzip-splice.js';
import { cspNonce } from './security-headers.js';
import { enablePageReplay, NONCE_SLOT, replayPage, sendHtml } from './html-response.js';
import { close, listen } from './listen.js';

const page = (greeting: string) =>
  `<!doctype html><style nonce="${NONCE_SLOT}">p{color:red}</style><p>${greeting} ${'Opt out. '.repeat(50)}</p><script nonce="${NONCE_SLOT}" type="module">1</script>`;

interface Answer {
  status: number;
  rawHeaders: string[];
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

let renders = 0;
const app = express();
app.use(cspNonce, (_req, res, next) => {
  res.setHeader('Content-Security-Policy', `style-src 'nonce-${String(res.locals.cspNonce)}'`);
  next();
});
app.get('/page', (req, res) => {
  renders += 1;
  res.set('Cache-Control', 'private, no-cache').vary('Accept-Language');
  if (req.get('accept-language') === 'fr') res.append('Set-Cookie', ['a=1', 'b=2']);
  sendHtml(req, res, page(req.get('accept-language') === 'fr' ? 'Bonjour' : 'Hello'));
});
app.get('/everything', (req, res) => {
  renders += 1;
  res.vary('*');
  sendHtml(req, res, page('any'));
});
enablePageReplay(app);

let origin = '';
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  server = await listen((req, res) => replayPage(app, req, res) || app(req, res), 0, '127.0.0.1');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => close(server, 0));

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString('utf8') : body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, headers: res.headers, body, text });
      });
    })
      .on('error', reject)
      .end();
  });
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1];
/** Raw headers without the per-response ones, the nonce replaced: what must be identical. */
const shape = (answer: Answer) =>
  answer.rawHeaders.join('\n').replaceAll(nonceOf(answer) ?? '?', 'NONCE').replace(/\nDate\n[^\n]+/, '').replace(/\nContent-Length\n\d+/, '');

describe('sendHtml', () => {
  it('gzips with the response nonce in every slot, and the CSP names that nonce', async () => {
    const answer = await get('/page', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const nonce = nonceOf(answer);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('Accept-Language, Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.text).toBe(page('Hello').replaceAll(NONCE_SLOT, nonce!));
    expect(answer.body.length).toBeLessThan(answer.text.length / 2);
  });

  it.each([undefined, 'br', 'identity', 'gzip;q=0, br', 'GZIP;q=0.000'])('sends plain HTML for Accept-Encoding %o', async (accept) => {
    const answer = await get('/page', accept === undefined ? {} : { 'accept-encoding': accept });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.text).toBe(page('Hello').replaceAll(NONCE_SLOT, nonceOf(answer)!));
  });
});

describe('gzipWithNonce', () => {
  it.each(['', NONCE_SLOT, `${NONCE_SLOT}${NONCE_SLOT}`, `a${NONCE_SLOT}`, '<p>no slot</p>'])('decodes %j exactly', (html) => {
    const nonce = Buffer.from('abc+/123==');
    expect(gunzipSync(gzipWithNonce(splitPage(html), nonce)).toString()).toBe(html.replaceAll(NONCE_SLOT, 'abc+/123=='));
    expect(plainWithNonce(splitPage(html), nonce).toString()).toBe(html.replaceAll(NONCE_SLOT, 'abc+/123=='));
  });
});

describe('replayPage', () => {
  it('answers a repeat request without the route, byte for byte the same but for a fresh nonce', async () => {
    const first = await get('/page?x=1', { 'accept-encoding': 'gzip', 'accept-language': 'fr' });
    const before = renders;
    const second = await get('/page?x=1', { 'accept-encoding': 'gzip', 'accept-language': 'fr' });
    expect(renders).toBe(before);
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(shape(second)).toBe(shape(first));
    expect(second.text).toBe(first.text.replaceAll(nonceOf(first)!, nonceOf(second)!));
    expect(second.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('negotiates the encoding itself, so Accept-Encoding needs no separate entry', async () => {
    await get('/page?y=1', { 'accept-encoding': 'gzip' });
    const before = renders;
    const plain = await get('/page?y=1');
    expect(renders).toBe(before);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(page('Hello').replaceAll(NONCE_SLOT, nonceOf(plain)!));
  });

  it('goes through the route for another value of a header the answer varies on, or another URL', async () => {
    await get('/page?z=1', { 'accept-language': 'fr' });
    const before = renders;
    const english = await get('/page?z=1', { 'accept-language': 'en' });
    expect(english.text).toContain('Hello');
    expect(english.headers['set-cookie']).toBeUndefined();
    await get('/page?z=2', { 'accept-language': 'fr' });
    expect(renders).toBe(before + 2);
  });

  it('never replays an answer that varies on everything, nor other methods', async () => {
    await get('/everything');
    const before = renders;
    await get('/everything');
    expect(renders).toBe(before + 1);
    expect(replayPage(app, { method: 'HEAD', url: '/page?x=1', headers: {} } as never, {} as never)).toBe(false);
  });

  it('handles multi-byte text across the splice', async () => {
    const arabic = `<p>أنت مشترك حاليًا</p><style nonce="${NONCE_SLOT}"></style>🙂`;
    const local = express();
    local.use(cspNonce);
    local.get('/', (req, res) => sendHtml(req, res, arabic));
    const s = await listen(local, 0, '127.0.0.1');
    try {
      const res = await new Promise<Buffer>((resolve) =>
        request(`http://127.0.0.1:${(s.address() as AddressInfo).port}/`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
        }).end(),
      );
      expect(gunzipSync(res).toString('utf8')).toMatch(/^<p>أنت مشترك حاليًا<\/p><style nonce="[A-Za-z0-9+/=]+"><\/style>🙂$/);
    } finally {
      await close(s, 0);
    }
  });
});
