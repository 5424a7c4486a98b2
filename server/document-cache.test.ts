// The document cache: one render per input, bounded by the bytes it holds whatever visitors ask, least recently used out first.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ON_REQUEST_QUALITY } from './compressed.js';
import { documentBytes, documentCache, type DocumentCache } from './document-cache.js';

function counted() {
  const renders: string[] = [];
  const render = (key: string) => () => {
    renders.push(key);
    // Each page differs in more than its name, so compressed sizes differ as real pages do.
    return { html: `<!doctype html><p>${key} ${'x'.repeat(500 + ((key.length * 37) % 300))}</p>`, csp: "default-src 'none'" };
  };
  return { renders, render };
}

/**
 * The bytes the cache holds now, counted from what its entries keep, not with `documentBytes` (the
 * cache's own size rule, which this checks): every string (two bytes a character) and every buffer's
 * length, wherever it sits in an entry.
 */
function held(cache: DocumentCache): number {
  let bytes = 0;
  const count = (value: unknown): void => {
    if (typeof value === 'string') bytes += 2 * value.length;
    else if (Buffer.isBuffer(value)) bytes += value.length;
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(count);
  };
  for (const entry of cache.entries()) count(entry);
  return bytes;
}

describe('documentCache', () => {
  it("compresses at the quality a route asks for (the bridge's few variants), else at the on-request quality", () => {
    const cache = documentCache();
    // A page with a script in it, as the bridge inlines one: the qualities differ on it.
    const html = `<!doctype html><script>${readFileSync(new URL('./document-cache.ts', import.meta.url), 'utf8')}</script>`;
    const at = (quality: number) => brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
    const best = cache('best', () => ({ html, csp: '', quality: constants.BROTLI_MAX_QUALITY }));
    const usual = cache('usual', () => ({ html, csp: '' }));
    expect(best.body.br).toEqual(at(constants.BROTLI_MAX_QUALITY));
    expect(usual.body.br).toEqual(at(ON_REQUEST_QUALITY));
    expect(best.body.br!.length).toBeLessThan(usual.body.br!.length);
  });

  it('renders and compresses a document once per key', () => {
    const cache = documentCache();
    const { renders, render } = counted();
    const first = cache('a', render('a'));
    expect(cache('a', render('a'))).toBe(first);
    expect(renders).toEqual(['a']);
    expect(first.body.br!.length).toBeLessThan(first.body.identity.length);
    expect(first.body.gzip!.length).toBeLessThan(first.body.identity.length);
  });

  it('counts every byte an entry keeps: key, policy and hash as UTF-16, and each encoding of the body', () => {
    const cache = documentCache();
    const { render } = counted();
    const document = cache('abc', render('abc'));
    const { identity, br, gzip, hash } = document.body;
    expect(documentBytes('abc', document)).toBe(
      2 * (3 + "default-src 'none'".length + hash.length) + identity.length + br!.length + gzip!.length,
    );
  });

  it('holds no more bytes than its bound when every request is a new variant, and keeps what is in use', () => {
    const bound = 20_000;
    const cache = documentCache(bound);
    const { renders, render } = counted();
    cache('popular', render('popular'));
    let most = 0;
    for (let i = 0; i < 1000; i++) {
      cache(`junk-${i}`, render(`junk-${i}`));
      // Real traffic keeps asking for the popular page between the junk.
      if (i % 5 === 0) cache('popular', render('popular'));
      most = Math.max(most, held(cache));
    }
    expect(most).toBeLessThanOrEqual(bound);
    // Full, not merely small: the bound is what limits it (a document here is about 1 KB in all).
    expect(most).toBeGreaterThan(bound - 2_000);
    expect(renders.filter((key) => key === 'popular')).toHaveLength(1);
    // The oldest junk was pushed out: asking for it renders again. The newest is still there.
    cache('junk-0', render('junk-0'));
    expect(renders.filter((key) => key === 'junk-0')).toHaveLength(2);
    cache('junk-999', render('junk-999'));
    expect(renders.filter((key) => key === 'junk-999')).toHaveLength(1);
  });
});
