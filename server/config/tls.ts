// OPTOUT_TLS_CERT and OPTOUT_TLS_KEY: the PEM files that make the host serve HTTPS itself, read and checked once at start-up.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Env } from './env.js';

/**
 * What `https.createServer` needs: the certificate chain and its private key, as PEM bytes.
 * `Uint8Array` (a Buffer is one), so the public declarations need no Node types.
 */
export interface TlsCredentials {
  /** The server certificate, then any intermediates (a `fullchain.pem`). */
  readonly cert: Uint8Array;
  readonly key: Uint8Array;
}

const CERT = 'OPTOUT_TLS_CERT';
const KEY = 'OPTOUT_TLS_KEY';

function readPem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(code);
    throw new ConfigError(variable, `cannot read ${JSON.stringify(file)} (${why})`);
  }
}

function parseCertificate(file: string, pem: Buffer): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new ConfigError(CERT, `${JSON.stringify(file)} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")`);
  }
}

function parseKey(file: string, pem: Buffer): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    // An encrypted key fails here too: a service cannot type a passphrase at start-up.
    throw new ConfigError(KEY, `${JSON.stringify(file)} is not an unencrypted PEM private key (expected "-----BEGIN PRIVATE KEY-----")`);
  }
}

/**
 * Reads both files when both variables are set; none set means plain HTTP (`undefined`). One
 * set without the other, a missing or unreadable file, a file that is not PEM, or a key that
 * does not belong to the certificate throws a `ConfigError` naming the variable and the file.
 */
export function readTlsCredentials(env: Env): TlsCredentials | undefined {
  const certFile = env[CERT] ?? '';
  const keyFile = env[KEY] ?? '';
  if (certFile === '' && keyFile === '') return undefined;
  if (keyFile === '')
    throw new ConfigError(KEY, `not set, but ${CERT} is (${JSON.stringify(certFile)}): set both PEM file paths to serve HTTPS, or neither`);
  if (certFile === '')
    throw new ConfigError(CERT, `not set, but ${KEY} is (${JSON.stringify(keyFile)}): set both PEM file paths to serve HTTPS, or neither`);
  const cert = readPem(CERT, certFile);
  const key = readPem(KEY, keyFile);
  const certificate = parseCertificate(certFile, cert);
  if (!certificate.checkPrivateKey(parseKey(keyFile, key))) {
    throw new ConfigError(
      KEY,
      `${JSON.stringify(keyFile)} is not the private key of the certificate in ${CERT} (${JSON.stringify(certFile)})`,
    );
  }
  return { cert, key };
}
