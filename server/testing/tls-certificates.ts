// Test support: a throw-away certificate authority and one server certificate for the given names, made with openssl in a temp folder.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  readonly dir: string;
  /** The test CA's certificate (PEM), for a client that should trust it. */
  readonly caFile: string;
  /** The server certificate followed by the CA's, as Let's Encrypt's `fullchain.pem`. */
  readonly certFile: string;
  /** The server certificate's private key (PEM, unencrypted). */
  readonly keyFile: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo: Chromium's `--ignore-certificate-errors-spki-list`. */
  readonly spki: string;
  remove(): void;
}

const openssl = (dir: string, args: readonly string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

/** P-256 keys: made in milliseconds, accepted by every browser. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Makes a CA valid for two days and a server certificate it signed for `names` (DNS names). */
export function makeTestCertificates(names: readonly [string, ...string[]]): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'optout-tls-'));
  openssl(dir, [
    'req',
    '-x509',
    '-new',
    ...EC_KEY,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=optout-frame test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${names[0]}`]);
  writeFileSync(
    join(dir, 'server.ext'),
    `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    String(Date.now()),
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem',
  ]);
  const serverPem = readFileSync(join(dir, 'server.pem'), 'utf8');
  writeFileSync(join(dir, 'fullchain.pem'), serverPem + readFileSync(join(dir, 'ca.pem'), 'utf8'));
  const spkiDer = new X509Certificate(serverPem).publicKey.export({ type: 'spki', format: 'der' });
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    certFile: join(dir, 'fullchain.pem'),
    keyFile: join(dir, 'server.key'),
    spki: createHash('sha256').update(spkiDer).digest('base64'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
