// deploy/nginx.conf: the real nginx (Debian 12 ships 1.22) accepts it as shipped, with only names, ports and certificate paths changed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { adaptConfig, nginxChanges } from '../e2e/deploy/proxy-configs.js';
import { hasNginx, testNginxConfig } from '../e2e/deploy/nginx.js';
import { proxiesInstalled } from '../e2e/deploy/proxy-process.js';
import { makeTestCertificates } from '../server/testing/tls-certificates.js';

const shipped = readFileSync(new URL('nginx.conf', import.meta.url), 'utf8');

describe.skipIf(!proxiesInstalled(hasNginx ? [] : ['nginx']))('deploy/nginx.conf under nginx -t', () => {
  const certs = makeTestCertificates(['optout.example.test']);
  afterAll(() => certs.remove());

  it('is accepted, and its HTTP/2 listen form is the one nginx 1.22 knows', () => {
    const site = {
      name: 'optout.example.test',
      httpsPort: 8443,
      httpPort: 8080,
      hostPort: 3999,
      certFile: certs.certFile,
      keyFile: certs.keyFile,
    };
    const { status, output } = testNginxConfig(adaptConfig('deploy/nginx.conf', shipped, nginxChanges(site)));
    expect(output).toContain('syntax is ok');
    expect(status).toBe(0);
  });

  it('listens on IPv6 only once uncommented: where IPv6 is off, an active `listen [::]` stops nginx', () => {
    const active = shipped.split('\n').filter((line) => /^\s*listen\s+\[/.test(line));
    expect(active).toEqual([]);
    expect(shipped).toContain('#listen [::]:443 ssl http2;');
  });

  it('fails on a broken copy (so the check above can fail)', () => {
    const { status, output } = testNginxConfig(shipped.replace('proxy_pass', 'proxy_pas'));
    expect(status).not.toBe(0);
    expect(output).toContain('unknown directive "proxy_pas"');
  });
});
