// The environment variables the host reads, each parsed and checked into a typed value, and the one-line ConfigError naming a bad one.
import { isIP } from 'node:net';
import type { DefaultState } from '../../widget/shared/choice.js';
import { isCookieDomain } from '../../widget/shared/mirror-record.js';

/** The process environment, or any stand-in for it (tests, the build). */
export type Env = Readonly<Record<string, string | undefined>>;

/** One bad environment value and what it should be. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Bad environment values; `variable` names the first, `problems` lists every one, and the
 * message names them all on one line so start-up can say exactly what to fix in one go.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];
  constructor(
    readonly variable: string,
    message: string,
    more: readonly ConfigProblem[] = [],
  ) {
    const problems = [{ variable, message }, ...more];
    super(problems.map((problem) => `${problem.variable}: ${problem.message}`).join('; '));
    this.problems = problems;
  }
}

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

/** The variable's value, or undefined when unset or empty (both mean "the default"). */
function given(env: Env, variable: string): string | undefined {
  const raw = env[variable];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

export function readPort(env: Env, variable: string, fallback: number): number {
  const raw = given(env, variable);
  if (raw === undefined) return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(variable, `expected a port number from 0 to 65535, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export function readHost(env: Env, variable: string): string {
  const raw = given(env, variable) ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(raw)) {
    throw new ConfigError(variable, `expected a host name or IP address, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** A comma-separated list, each entry trimmed and checked by `accept` (undefined = refused, said by `problem`). */
function readList(env: Env, variable: string, accept: (entry: string) => string | undefined, problem: (entry: string) => string): string[] {
  const raw = given(env, variable);
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const entry = accept(part.trim());
    if (entry === undefined) throw new ConfigError(variable, problem(part.trim()));
    return entry;
  });
}

export function readOrigins(env: Env, variable: string): string[] {
  return readList(env, variable, parseOrigin, (entry) => `${originProblem(entry)}; a comma-separated list of them`);
}

export function readCookieName(env: Env, variable: string): string {
  const raw = given(env, variable) ?? 'optout';
  // RFC 6265 token characters, minus the ones that confuse cookie parsers in practice.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
    throw new ConfigError(variable, `expected 1-64 letters, digits, "_" or "-", got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** `OPTOUT_BUILDER_SITES`: whether the builder's public page lists the `OPTOUT_CONFIG` site ids (`listed`) or shows only the one its URL names (`hidden`). */
export type BuilderSites = 'listed' | 'hidden';

export function readBuilderSites(env: Env, variable: string): BuilderSites {
  const raw = given(env, variable) ?? 'listed';
  if (raw !== 'listed' && raw !== 'hidden') throw new ConfigError(variable, `expected "listed" or "hidden", got ${JSON.stringify(raw)}`);
  return raw;
}

export function readDefault(env: Env, variable: string): DefaultState {
  const raw = given(env, variable) ?? 'in';
  if (raw !== 'in' && raw !== 'out') throw new ConfigError(variable, `expected "in" or "out", got ${JSON.stringify(raw)}`);
  return raw;
}

/**
 * `OPTOUT_SITE_COOKIE_DOMAIN`: the site's own domain (`example.org`) when the host runs on a name
 * under it (`optout.example.org`); unset, the host sets no cookie for the site.
 */
export function readSiteCookieDomain(env: Env, variable: string): string | undefined {
  const raw = given(env, variable)?.trim();
  if (raw === undefined) return undefined;
  const domain = raw.replace(/^\./, '').toLowerCase();
  if (domain === 'auto' || domain === 'none' || !isCookieDomain(domain) || !domain.includes('.')) {
    throw new ConfigError(variable, `expected the site's domain, such as example.org, got ${JSON.stringify(raw)}`);
  }
  return domain;
}

/** Express's names for address ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A range name, an IP address, or a subnet in CIDR notation with a prefix that fits the address. */
function proxyEntry(entry: string): string | undefined {
  if (RANGE_NAMES.has(entry)) return entry;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  if (prefix === undefined) return entry;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128) ? entry : undefined;
}

/**
 * `OPTOUT_TRUST_PROXY`: empty or unset (the default) trusts no proxy, so `X-Forwarded-*` headers
 * are ignored as any client could send them; otherwise the addresses, subnets or range names of
 * the proxies in front of the host, for Express's `trust proxy`. "Trust everyone" is refused: a
 * host reachable directly would then believe any client.
 */
export function readTrustProxy(env: Env, variable: string): string[] {
  return readList(
    env,
    variable,
    proxyEntry,
    (entry) =>
      `${JSON.stringify(entry)} is not a proxy address; expected a comma-separated list of IP addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal`,
  );
}
