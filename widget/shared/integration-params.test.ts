// The builder's integration parameters: accepted forms, defaults, and a ParamError naming each bad one.
import { describe, expect, it } from 'vitest';
import { ParamError } from './frame-params.js';
import { parseIntegrationParams } from './integration-params.js';

describe('parseIntegrationParams', () => {
  it('defaults: no tracker, the client decides the cookie domain, the client on every page', () => {
    expect(parseIntegrationParams({})).toEqual({ trackers: [], gaId: undefined, cookieDomain: 'auto', everyPage: true });
  });

  it('takes trackers comma-separated or repeated (the form), each once, in the builder order; none is empty', () => {
    expect(parseIntegrationParams({ trackers: 'plausible,matomo' }).trackers).toEqual(['matomo', 'plausible']);
    expect(parseIntegrationParams({ trackers: ['fathom', 'Plausible', 'fathom'] }).trackers).toEqual(['plausible', 'fathom']);
    expect(parseIntegrationParams({ trackers: 'none' }).trackers).toEqual([]);
  });

  it("takes the adapters' names for the trackers whose builder name differs, and writes the builder's", () => {
    expect(parseIntegrationParams({ trackers: 'meta,gtag,clarity,mixpanel' }).trackers).toEqual([
      'google-analytics',
      'mixpanel',
      'microsoft-clarity',
      'meta-pixel',
    ]);
  });

  it('normalises the GA id and the cookie domain', () => {
    expect(parseIntegrationParams({ gaId: ' g-abc1234 ', cookieDomain: '.Example.ORG' })).toMatchObject({
      gaId: 'G-ABC1234',
      cookieDomain: '.example.org',
    });
    expect(parseIntegrationParams({ cookieDomain: 'none', everyPage: '0' })).toMatchObject({ cookieDomain: 'none', everyPage: false });
  });

  it.each([
    ['trackers', { trackers: 'plausible,google' }],
    ['trackers', { trackers: { a: 'b' } }],
    ['gaId', { gaId: 'UA-1234-1' }],
    ['gaId', { gaId: 'G-<b>' }],
    ['cookieDomain', { cookieDomain: 'example.org; Path=/' }],
    ['cookieDomain', { cookieDomain: '-bad-.org' }],
    ['everyPage', { everyPage: 'yes' }],
    ['everyPage', { everyPage: ['0', '1'] }],
  ])('a bad %s is a ParamError naming it', (parameter, query) => {
    try {
      parseIntegrationParams(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParamError);
      expect((error as ParamError).parameter).toBe(parameter);
    }
  });
});
