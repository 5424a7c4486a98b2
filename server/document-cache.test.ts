// The document cache: one render per input, bounded memory whatever visitors ask, least recently used out first.
import { describe, expect, it } from 'vitest';
import { documentCache } from './document-cache.js';

function counted() {
  const renders: string[] = [];
  const render = (key: string) => () => {
    renders.push(key);
    return { html: `<!doctype html><p>${key} ${'x'.repeat(500)}</p>`, csp: "default-src 'none'" };
  };
  return { renders, render };
}

describe('documentCache', () => {
  it('renders and compresses a document once per key', () => {
    const cache = documentCache();
    const { renders, render } = counted();
    const first = cache('a', render('a'));
    expect(cache('a', render('a'))).toBe(first);
    expect(renders).toEqual(['a']);
    expect(first.bodies.br.length).toBeLessThan(first.bodies.identity.length);
  });

  it('holds no more than its bound when every request is a new variant, and keeps what is in use', () => {
    const cache = documentCache(20_000);
    const { renders, render } = counted();
    cache('popular', render('popular'));
    for (let i = 0; i < 1000; i++) {
      cache(`junk-${i}`, render(`junk-${i}`));
      // Real traffic keeps asking for the popular page between the junk.
      if (i % 5 === 0) cache('popular', render('popular'));
    }
    expect(renders.filter((key) => key === 'popular')).toHaveLength(1);
    // The oldest junk was pushed out: asking for it renders again.
    cache('junk-0', render('junk-0'));
    expect(renders.filter((key) => key === 'junk-0')).toHaveLength(2);
    // The newest is still there.
    cache('junk-999', render('junk-999'));
    expect(renders.filter((key) => key === 'junk-999')).toHaveLength(1);
  });
});
