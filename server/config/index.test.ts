// loadConfig: defaults, and one clear error naming the variable for each bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      demoPort: 8080,
      allowedOrigins: [],
      cookieName: 'optout',
      defaultState: 'in',
      trustProxy: [],
      builderSites: 'listed',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '4000',
      HOST: '0.0.0.0',
      DEMO_PORT: '9000',
      OPTOUT_ALLOWED_ORIGINS: 'https://example.org, http://localhost:8080/',
      OPTOUT_COOKIE_NAME: 'my_optout',
      OPTOUT_DEFAULT: 'out',
      OPTOUT_TRUST_PROXY: 'loopback, 10.0.0.0/8,::1',
      OPTOUT_BUILDER_SITES: 'hidden',
    });
    expect(config).toEqual({
      port: 4000,
      host: '0.0.0.0',
      demoPort: 9000,
      allowedOrigins: ['https://example.org', 'http://localhost:8080'],
      cookieName: 'my_optout',
      defaultState: 'out',
      trustProxy: ['loopback', '10.0.0.0/8', '::1'],
      builderSites: 'hidden',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DEMO_PORT', '-1'],
    ['HOST', 'bad host'],
    ['OPTOUT_ALLOWED_ORIGINS', 'example.org'],
    ['OPTOUT_ALLOWED_ORIGINS', 'https://example.org/path'],
    ['OPTOUT_ALLOWED_ORIGINS', 'https://example.org,javascript:alert(1)'],
    ['OPTOUT_ALLOWED_ORIGINS', 'https://user@example.org'],
    ['OPTOUT_COOKIE_NAME', 'a;b'],
    ['OPTOUT_DEFAULT', 'maybe'],
    ['OPTOUT_TRUST_PROXY', 'true'],
    ['OPTOUT_TRUST_PROXY', '10.0.0.0/33'],
    ['OPTOUT_TRUST_PROXY', 'loopback,proxy.example.org'],
    ['OPTOUT_BUILDER_SITES', 'off'],
    ['OPTOUT_SITE_COOKIE_DOMAIN', 'example.org; HttpOnly'],
    ['OPTOUT_SITE_COOKIE_DOMAIN', 'https://example.org'],
    ['OPTOUT_SITE_COOKIE_DOMAIN', 'auto'],
    ['OPTOUT_SITE_COOKIE_DOMAIN', 'org'],
  ])('%s=%s stops start-up with an error naming the variable', (variable, value) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
  });

  it('normalises origins as the URL standard and browsers do: case, the default port, a Unicode name in ASCII (IDNA)', () => {
    const config = loadConfig({
      OPTOUT_ALLOWED_ORIGINS: 'https://Example.org, https://b.org:443, https://bücher.example, HTTP://LOCALHOST:80/, http://c.org:8443',
    });
    expect(config.allowedOrigins).toEqual([
      'https://example.org',
      'https://b.org',
      'https://xn--bcher-kva.example',
      'http://localhost',
      'http://c.org:8443',
    ]);
  });

  it.each([
    ['https://example.org/privacy', ' (did you mean https://example.org?)'],
    ['https://Bücher.example:443/?x=1', ' (did you mean https://xn--bcher-kva.example?)'],
    ['https://user@example.org', ' (did you mean https://example.org?)'],
    ['https://example.org#top', ' (did you mean https://example.org?)'],
    ['example.org', ''],
    ['*', ''],
    ['ftp://example.org', ''],
  ])('refuses %s, saying what an origin is, with the origin it names where there is one', (value, meant) => {
    expect(() => loadConfig({ OPTOUT_ALLOWED_ORIGINS: value })).toThrow(
      `OPTOUT_ALLOWED_ORIGINS: ${JSON.stringify(value)} is not an origin; expected scheme, host and optional port, like https://example.org${meant}; a comma-separated list of them`,
    );
  });

  it('OPTOUT_SITE_COOKIE_DOMAIN: a domain, a leading dot and case dropped', () => {
    expect(loadConfig({ OPTOUT_SITE_COOKIE_DOMAIN: '.Example.org' }).siteCookieDomain).toBe('example.org');
  });

  it('names every bad value at once, on one line', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'x', OPTOUT_DEFAULT: 'maybe', OPTOUT_ALLOWED_ORIGINS: 'https://ok.example,nope' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((problem) => problem.variable)).toEqual(['PORT', 'OPTOUT_ALLOWED_ORIGINS', 'OPTOUT_DEFAULT']);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^PORT: .*; OPTOUT_ALLOWED_ORIGINS: .*"nope".*; OPTOUT_DEFAULT: .*"maybe"/);
  });
});
