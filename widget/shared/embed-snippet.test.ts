// The generated embed code: minimal query, escaped attributes, title, lazy loading and the client script.
import { describe, expect, it } from 'vitest';
import { parseFrameParams } from './frame-params.js';
import { embedQuery, embedSnippet, type EmbedOptions } from './embed-snippet.js';

const defaults: EmbedOptions = parseFrameParams({});

describe('embed code', () => {
  it('names only what differs from the defaults', () => {
    expect(embedQuery(defaults)).toBe('');
    expect(
      embedQuery({
        lang: 'de',
        showIntro: false,
        fontColor: '#1f2937',
        backgroundColor: '#fff',
        fontSize: '110%',
        fontFamily: `"Open Sans", sans-serif`,
        theme: 'dark',
      }),
    ).toBe('lang=de&showIntro=0&fontColor=1f2937&backgroundColor=fff&fontSize=110%25&fontFamily=%22Open%20Sans%22%2C%20sans-serif&theme=dark');
  });

  it('is an iframe with title and lazy loading, then client.js, with attributes escaped', () => {
    const snippet = embedSnippet('https://optout.example.org', { ...defaults, lang: 'fr', theme: 'light' }, 'Refus "x" <b>');
    expect(snippet).toBe(
      [
        '<iframe src="https://optout.example.org/optout?lang=fr&amp;theme=light"',
        '        title="Refus &quot;x&quot; &lt;b&gt;" loading="lazy"',
        '        style="border:0;width:100%;height:180px"></iframe>',
        '<script src="https://optout.example.org/client.js" async></script>',
      ].join('\n'),
    );
  });

  it("a profile's site= comes first in the frame's URL, and data-site on the client script", () => {
    expect(embedQuery({ ...defaults, site: 'news', lang: 'de' })).toBe('site=news&lang=de');
    const snippet = embedSnippet('https://optout.example.org', { ...defaults, site: 'news' }, 'Opt-out');
    expect(snippet).toContain('<iframe src="https://optout.example.org/optout?site=news"');
    expect(snippet).toContain('<script src="https://optout.example.org/client.js" data-site="news" async></script>');
  });
});
