// OPTOUT_TLS_CERT / OPTOUT_TLS_KEY: certificates made with openssl at test time; every bad file stops start-up with one line naming the variable and the file.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';
import { makeTestCertificates, type TestCertificates } from '../testing/tls-certificates.js';

let certs: TestCertificates;
/** A P-256 key that is not the certificate's, and the same kind of key encrypted with a passphrase. */
let otherKeyFile: string;
let encryptedKeyFile: string;

beforeAll(() => {
  certs = makeTestCertificates(['optout.example.test']);
  const pem = (options: object) =>
    generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', ...options },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
  otherKeyFile = join(certs.dir, 'other.key');
  writeFileSync(otherKeyFile, pem({}));
  encryptedKeyFile = join(certs.dir, 'encrypted.key');
  writeFileSync(encryptedKeyFile, pem({ cipher: 'aes-256-cbc', passphrase: 'secret' }));
});
afterAll(() => certs.remove());

/** The ConfigError that `env` causes (fails the test if there is none). */
function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('OPTOUT_TLS_CERT and OPTOUT_TLS_KEY', () => {
  it('means plain HTTP when neither variable is set (or both are empty)', () => {
    expect(loadConfig({}).tls).toBeUndefined();
    expect(loadConfig({ OPTOUT_TLS_CERT: '', OPTOUT_TLS_KEY: '' }).tls).toBeUndefined();
  });

  it('reads the certificate chain and the key that belongs to it', () => {
    const { tls } = loadConfig({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.keyFile });
    expect(Buffer.from(tls!.cert).equals(readFileSync(certs.certFile))).toBe(true);
    expect(Buffer.from(tls!.key).equals(readFileSync(certs.keyFile))).toBe(true);
  });

  it('refuses one without the other, naming the missing variable and the file given', () => {
    const noKey = errorFor({ OPTOUT_TLS_CERT: certs.certFile });
    expect(noKey.variable).toBe('OPTOUT_TLS_KEY');
    expect(noKey.message).toBe(
      `OPTOUT_TLS_KEY: not set, but OPTOUT_TLS_CERT is (${JSON.stringify(certs.certFile)}): set both PEM file paths to serve HTTPS, or neither`,
    );
    const noCert = errorFor({ OPTOUT_TLS_KEY: certs.keyFile });
    expect(noCert.variable).toBe('OPTOUT_TLS_CERT');
    expect(noCert.message).toContain(JSON.stringify(certs.keyFile));
  });

  it.each([
    [
      'a missing certificate',
      () => ({ OPTOUT_TLS_CERT: join(certs.dir, 'nope.pem'), OPTOUT_TLS_KEY: certs.keyFile }),
      'OPTOUT_TLS_CERT',
      'nope.pem',
      'cannot read',
      'no such file',
    ],
    [
      'a missing key',
      () => ({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: join(certs.dir, 'nope.key') }),
      'OPTOUT_TLS_KEY',
      'nope.key',
      'cannot read',
      'no such file',
    ],
    [
      'a folder for the certificate',
      () => ({ OPTOUT_TLS_CERT: certs.dir, OPTOUT_TLS_KEY: certs.keyFile }),
      'OPTOUT_TLS_CERT',
      'optout-tls-',
      'cannot read',
      'it is a folder',
    ],
    [
      'the key given as the certificate',
      () => ({ OPTOUT_TLS_CERT: certs.keyFile, OPTOUT_TLS_KEY: certs.keyFile }),
      'OPTOUT_TLS_CERT',
      'server.key',
      'is not a PEM certificate',
      'BEGIN CERTIFICATE',
    ],
    [
      'the certificate given as the key',
      () => ({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.certFile }),
      'OPTOUT_TLS_KEY',
      'fullchain.pem',
      'is not an unencrypted PEM private key',
      'BEGIN PRIVATE KEY',
    ],
    [
      'an encrypted key',
      () => ({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: encryptedKeyFile }),
      'OPTOUT_TLS_KEY',
      'encrypted.key',
      'is not an unencrypted PEM private key',
      '',
    ],
    [
      'a key of another certificate',
      () => ({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: otherKeyFile }),
      'OPTOUT_TLS_KEY',
      'other.key',
      'is not the private key of the certificate in OPTOUT_TLS_CERT',
      'fullchain.pem',
    ],
  ])('refuses %s: one line naming %s… and the file', (_case, env, variable, file, what, detail) => {
    const error = errorFor(env());
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: `));
    expect(error.message).toContain(file);
    expect(error.message).toContain(what);
    expect(error.message).toContain(detail);
    expect(error.message).not.toContain('\n');
  });

  it('a bad TLS file is named along with the other bad values', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'x', OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: otherKeyFile });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((problem) => problem.variable)).toEqual(['PORT', 'OPTOUT_TLS_KEY']);
    expect(
      Buffer.from(loadConfig({ OPTOUT_TLS_CERT: certs.certFile, OPTOUT_TLS_KEY: certs.keyFile }).tls!.cert).equals(
        readFileSync(certs.certFile),
      ),
    ).toBe(true);
  });
});
