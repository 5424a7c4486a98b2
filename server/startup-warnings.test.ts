// startupWarnings: plain HTTP off loopback and no allowed origins are each said once; a production setup says nothing.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config/index.js';
import { startupWarnings } from './startup-warnings.js';

const ORIGINS = { OPTOUT_ALLOWED_ORIGINS: 'https://news.example.org' };
const tls = { cert: Buffer.from('cert'), key: Buffer.from('key') };

describe('startupWarnings', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'app.localhost', '::1', '[::1]'])(
    'HOST=%s with allowed origins: no warning (loopback is secure to browsers)',
    (host) => {
      expect(startupWarnings(loadConfig({ ...ORIGINS, HOST: host }))).toEqual([]);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.20', 'optout.example.org'])(
    'HOST=%s over plain HTTP: says the cookie is dropped and what to set',
    (host) => {
      const [warning, ...more] = startupWarnings(loadConfig({ ...ORIGINS, HOST: host }));
      expect(more).toEqual([]);
      expect(warning).toContain(`plain HTTP on ${host}`);
      expect(warning).toContain('Secure');
      expect(warning).toContain('OPTOUT_TLS_CERT and OPTOUT_TLS_KEY');
      expect(warning).toContain('OPTOUT_TRUST_PROXY');
    },
  );

  it('HOST=0.0.0.0 is fine with HTTPS, or behind a TLS proxy the host trusts', () => {
    expect(startupWarnings({ ...loadConfig({ ...ORIGINS, HOST: '0.0.0.0' }), tls })).toEqual([]);
    expect(startupWarnings(loadConfig({ ...ORIGINS, HOST: '0.0.0.0', OPTOUT_TRUST_PROXY: '10.0.0.5' }))).toEqual([]);
  });

  it('no OPTOUT_ALLOWED_ORIGINS: says any site may embed and talk to the frame, whatever the interface', () => {
    for (const config of [loadConfig({}), { ...loadConfig({ HOST: '0.0.0.0' }), tls }]) {
      const warnings = startupWarnings(config);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^OPTOUT_ALLOWED_ORIGINS is not set: any site may embed the frame and talk to it/);
    }
  });

  it('both at once: two lines, each one line', () => {
    const warnings = startupWarnings(loadConfig({ HOST: '0.0.0.0' }));
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(warning).not.toContain('\n');
  });
});
