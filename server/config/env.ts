// The environment variables the host reads, as one valibot schema: each checked into a typed value, every bad one named at once.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import * as v from 'valibot';
import { isCookieDomain } from '../../widget/shared/mirror-record.js';
import { ConfigFileError, loadConfigFile } from './file.js';
import type { HostConfig } from './index.js';

/** What an origin is, with an example, for every refusal. */
const ORIGIN_EXPECTED = 'expected scheme, host and optional port, like https://example.org';

/**
 * One origin (shared by OPTOUT_ALLOWED_ORIGINS and the OPTOUT_CONFIG file), normalised as the
 * URL standard does and as browsers send it: lower case, no default port, a Unicode name in
 * its ASCII (IDNA) form, so `https://Bücher.example:443` is `https://xn--bcher-kva.example`.
 * Nothing else may be given: no path (a lone `/` aside), query, fragment or user.
 */
export function parseOrigin(raw: string): string | undefined {
  const url = parsedUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  // `href` keeps whatever the origin drops (a path, `?`, `#`, a user): only the bare origin's is the origin and a slash.
  return url.href === `${url.origin}/` ? url.origin : undefined;
}

function parsedUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Why `raw` (shown as `shown`) is not an origin: what was expected, and the origin it names where there is one. */
export function originProblem(raw: string, shown = JSON.stringify(raw)): string {
  const url = parsedUrl(raw);
  const web = url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:');
  return `${shown} is not an origin; ${ORIGIN_EXPECTED}${web ? ` (did you mean ${url.origin}?)` : ''}`;
}

/** How a refusal ends: what was expected, then the value as given. */
const got = (expected: string) => (issue: v.BaseIssue<unknown>) => `${expected}, got ${JSON.stringify(issue.input)}`;

const port = v.pipe(
  v.string(),
  v.check((raw) => /^\d{1,5}$/.test(raw) && Number(raw) <= 65535, got('expected a port number from 0 to 65535')),
  v.transform(Number),
);

/** A comma-separated list, each entry trimmed and then checked by `entry`. */
function list<T>(entry: v.GenericSchema<string, T>) {
  return v.pipe(
    v.string(),
    v.transform((raw) => raw.split(',').map((part) => part.trim())),
    v.array(entry),
  );
}

const origin = v.pipe(
  v.string(),
  v.check(
    (raw) => parseOrigin(raw) !== undefined,
    (issue) => `${originProblem(issue.input as string)}; a comma-separated list of them`,
  ),
  v.transform((raw) => parseOrigin(raw) ?? raw),
);

/** Express's names for address ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A range name, an IP address, or a subnet in CIDR notation with a prefix that fits the address. */
function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const proxy = v.pipe(
  v.string(),
  v.check(
    isProxyEntry,
    (issue) =>
      `${JSON.stringify(issue.input)} is not a proxy address; expected a comma-separated list of IP addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal`,
  ),
);

const siteDomain = (raw: string) => raw.trim().replace(/^\./, '').toLowerCase();
const siteCookieDomain = v.pipe(
  v.string(),
  v.check((raw) => {
    const domain = siteDomain(raw);
    return domain !== 'auto' && domain !== 'none' && domain.includes('.') && isCookieDomain(domain);
  }, got("expected the site's domain, such as example.org")),
  v.transform(siteDomain),
);

/** A file that is not what its variable needs; the message says why, in one line. */
class Refusal extends Error {}

/** A file's content as `read` makes it, or the one-line reason it cannot (`read` throws `Refusal`). */
function fromFile<T>(read: (path: string) => T) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return read(dataset.value);
      } catch (error) {
        if (!(error instanceof ConfigFileError || error instanceof Refusal)) throw error;
        addIssue({ message: error.message });
        return NEVER;
      }
    }),
  );
}

const UNREADABLE: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };

/** A PEM file's bytes, and what `parse` makes of them (throws when they are not that). */
function pemFile<T>(parse: (pem: Buffer) => T, notIt: string) {
  return fromFile((file) => {
    let pem: Buffer;
    try {
      pem = readFileSync(file);
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code);
      throw new Refusal(`cannot read ${JSON.stringify(file)} (${UNREADABLE[code] ?? code})`);
    }
    try {
      return { file, pem, parsed: parse(pem) };
    } catch {
      throw new Refusal(`${JSON.stringify(file)} ${notIt}`);
    }
  });
}

const CERT = 'OPTOUT_TLS_CERT';
const KEY = 'OPTOUT_TLS_KEY';
const BOTH = 'set both PEM file paths to serve HTTPS, or neither';

const variables = v.object({
  PORT: v.optional(port, '3000'),
  HOST: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, got('expected a host name or IP address'))), '127.0.0.1'),
  DEMO_PORT: v.optional(port, '8080'),
  OPTOUT_ALLOWED_ORIGINS: v.optional(list(origin)),
  // RFC 6265 token characters, minus the ones that confuse cookie parsers in practice.
  OPTOUT_COOKIE_NAME: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, got('expected 1-64 letters, digits, "_" or "-"'))),
    'optout',
  ),
  OPTOUT_DEFAULT: v.optional(v.picklist(['in', 'out'], got('expected "in" or "out"')), 'in'),
  [CERT]: v.optional(pemFile((pem) => new X509Certificate(pem), 'is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")')),
  // An encrypted key is refused too: a service cannot type a passphrase at start-up.
  [KEY]: v.optional(pemFile(createPrivateKey, 'is not an unencrypted PEM private key (expected "-----BEGIN PRIVATE KEY-----")')),
  OPTOUT_TRUST_PROXY: v.optional(list(proxy)),
  OPTOUT_BUILDER_SITES: v.optional(v.picklist(['listed', 'hidden'], got('expected "listed" or "hidden"')), 'listed'),
  OPTOUT_SITE_COOKIE_DOMAIN: v.optional(siteCookieDomain),
  OPTOUT_CONFIG: v.optional(fromFile(loadConfigFile)),
});

type Variables = v.InferOutput<typeof variables>;

/** `missing` is refused when only `given` of the TLS pair is set. */
function bothOrNeither(given: typeof CERT | typeof KEY, missing: typeof CERT | typeof KEY) {
  return v.forward<Variables, v.BaseIssue<unknown>, [typeof missing]>(
    v.partialCheck(
      [[given], [missing]],
      (env) => env[given] === undefined || env[missing] !== undefined,
      (issue) => `not set, but ${given} is (${JSON.stringify((issue.input as Variables)[given]?.file)}): ${BOTH}`,
    ),
    [missing],
  );
}

/** The whole environment; the TLS pair is checked once both of its files are good. */
export const envSchema = v.pipe(
  variables,
  bothOrNeither(CERT, KEY),
  bothOrNeither(KEY, CERT),
  v.forward(
    v.partialCheck(
      [[CERT], [KEY]],
      (env) => env[CERT] === undefined || env[KEY] === undefined || env[CERT].parsed.checkPrivateKey(env[KEY].parsed),
      (issue) =>
        `${JSON.stringify(issue.input[KEY]?.file)} is not the private key of the certificate in ${CERT} (${JSON.stringify(issue.input[CERT]?.file)})`,
    ),
    [KEY],
  ),
  v.transform((env): HostConfig => ({
    port: env.PORT,
    host: env.HOST,
    demoPort: env.DEMO_PORT,
    allowedOrigins: env.OPTOUT_ALLOWED_ORIGINS ?? [],
    cookieName: env.OPTOUT_COOKIE_NAME,
    defaultState: env.OPTOUT_DEFAULT,
    tls: env[CERT] && env[KEY] ? { cert: env[CERT].pem, key: env[KEY].pem } : undefined,
    trustProxy: env.OPTOUT_TRUST_PROXY ?? [],
    builderSites: env.OPTOUT_BUILDER_SITES,
    siteCookieDomain: env.OPTOUT_SITE_COOKIE_DOMAIN,
    configFile: env.OPTOUT_CONFIG,
  })),
);

/** The variables the schema reads, in the order their problems are named. */
export const VARIABLES = Object.keys(variables.entries);
