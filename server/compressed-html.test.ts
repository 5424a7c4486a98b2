// The spliced gzip body decodes to the page with the response's nonce in every slot.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHtmlSender, NONCE_SLOT } from './compressed-html.js';

interface FakeResponse {
  headers: Record<string, string | number>;
  body?: Buffer;
  locals: { cspNonce: string };
}

function send(html: string, acceptEncoding: string | undefined, nonce: string): FakeResponse {
  const res: FakeResponse = { headers: {}, locals: { cspNonce: nonce } };
  const fake = {
    locals: res.locals,
    vary: (field: string) => {
      res.headers.Vary = field;
      return fake;
    },
    setHeader: (name: string, value: string | number) => {
      res.headers[name] = value;
    },
    end: (body: Buffer) => {
      res.body = body;
    },
  };
  const req = { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } };
  createHtmlSender()(req as never, fake as never, html);
  return res;
}

const page = `<!doctype html><style nonce="${NONCE_SLOT}">p{color:red}</style><p>${'Opt out. '.repeat(50)}</p><script nonce="${NONCE_SLOT}" type="module">1</script>`;

describe('sendHtml', () => {
  it('gzips with the nonce in every slot, and decodes to exactly the page', () => {
    const res = send(page, 'gzip, deflate, br, zstd', 'abc+/123==');
    expect(res.headers['Content-Encoding']).toBe('gzip');
    expect(res.headers.Vary).toBe('Accept-Encoding');
    expect(res.headers['Content-Length']).toBe(res.body?.length);
    expect(gunzipSync(res.body!).toString('utf8')).toBe(page.replaceAll(NONCE_SLOT, 'abc+/123=='));
    expect(res.body!.length).toBeLessThan(page.length / 2);
  });

  it('gives each response its own nonce from the cached parts', () => {
    const first = send(page, 'gzip', 'first');
    const second = send(page, 'gzip', 'second');
    expect(gunzipSync(second.body!).toString()).toContain('nonce="second"');
    expect(gunzipSync(first.body!).toString()).not.toContain('second');
  });

  it.each([undefined, '', 'br', 'identity', 'gzip;q=0, br', 'GZIP;q=0.000'])('sends plain HTML for Accept-Encoding %o', (accept) => {
    const res = send(page, accept, 'n1');
    expect(res.headers['Content-Encoding']).toBeUndefined();
    expect(res.body!.toString('utf8')).toBe(page.replaceAll(NONCE_SLOT, 'n1'));
  });

  it('handles a page without any slot and one that is only a slot', () => {
    expect(gunzipSync(send('<p>no nonce</p>', 'gzip', 'x').body!).toString()).toBe('<p>no nonce</p>');
    expect(gunzipSync(send(NONCE_SLOT, 'gzip', 'only').body!).toString()).toBe('only');
  });

  it('handles multi-byte text across the splice', () => {
    const arabic = `<p>أنت مشترك حاليًا</p><style nonce="${NONCE_SLOT}"></style>🙂`;
    expect(gunzipSync(send(arabic, 'gzip', 'n').body!).toString('utf8')).toBe(arabic.replace(NONCE_SLOT, 'n'));
  });
});
