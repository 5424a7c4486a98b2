// The Google Analytics snippet without the client (builder's "Tracker code only"), run as a page runs it: GA's switch and consent default from the optout_state cookie.
import { describe, expect, it } from 'vitest';
import { TRACKER_INFO } from './tracker-snippets.js';

const GA_ID = 'G-ABC1234';
const denied = { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' };

/** Runs the snippet's script on a stand-in page with this `document.cookie`; what it left on `window`. */
function runSnippet(cookie: string): { disabled: unknown; dataLayer: unknown[][] } {
  const html = TRACKER_INFO['google-analytics'].snippet(false, GA_ID);
  const script = /<script>\n([\s\S]*)\n<\/script>/.exec(html)![1]!;
  const loaded: string[] = [];
  const page: Record<string, unknown> = {
    document: {
      cookie,
      createElement: () => ({}),
      head: { appendChild: (element: { src: string }) => loaded.push(element.src) },
    },
  };
  page.window = page;
  // The page's globals are `page`'s properties, as a browser's are `window`'s (`with` is why: sloppy mode, a test-only stand-in).
  new Function('page', `with (page) {\n${script}\n}`)(page);
  expect(loaded).toEqual([`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`]);
  const dataLayer = (page.dataLayer as ArrayLike<unknown>[]).map((args) => Array.from(args));
  return { disabled: page[`ga-disable-${GA_ID}`], dataLayer };
}

describe('the Google Analytics snippet on a page without the client', () => {
  it.each([
    ['opted out by choice', 'a=b; optout_state=1:choice:1767225600', true],
    ['opted out by GPC, the cookie first', 'optout_state=1:gpc:1767225600; a=b', true],
    ['two cookies, one opted out', 'optout_state=0:choice:1767225600; optout_state=1:choice:1767225600', true],
    ['opted in', 'optout_state=0:choice:1767225600', false],
    ['no cookie yet', 'a=b', false],
    ['another cookie whose name ends the same', 'xoptout_state=1:choice:5', false],
  ])('%s (%s): GA disabled %s, and the consent default to match, before config', (_name, cookie, optedOut) => {
    const { disabled, dataLayer } = runSnippet(cookie);
    expect(disabled).toBe(optedOut);
    const consent = optedOut ? denied : { ...denied, analytics_storage: 'granted' };
    expect(dataLayer[0]).toEqual(['consent', 'default', consent]);
    expect(dataLayer.at(-1)).toEqual(['config', GA_ID]);
  });

  it('with the client on the page, leaves the default to the gtag adapter', () => {
    const html = TRACKER_INFO['google-analytics'].snippet(true, GA_ID);
    expect(html).not.toMatch(/gtag\('consent'|ga-disable|document\.cookie/);
    expect(html).toContain('optout.whenKnown()');
  });
});
