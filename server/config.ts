// The host's configuration: read from the environment once at start-up and validated into a typed object.
import type { DefaultState } from '../widget/shared/choice.js';
import { ConfigFileError, loadConfigFile, type ConfigFile } from './config-file.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { parseOrigin } from './parse-origin.js';
import { readTlsCredentials, type TlsCredentials } from './tls-files.js';
import { readTrustProxy } from './trust-proxy.js';

export { ConfigError, type ConfigProblem } from './config-error.js';
export { parseOrigin } from './parse-origin.js';

export interface HostConfig {
  /** Port of the opt-out host (`PORT`, 3000). */
  readonly port: number;
  /** Interface the host listens on (`HOST`, 127.0.0.1). */
  readonly host: string;
  /** Port of the demo site (`DEMO_PORT`, 8080). */
  readonly demoPort: number;
  /** Origins allowed to embed and talk to the frame (`OPTOUT_ALLOWED_ORIGINS`); empty = any. */
  readonly allowedOrigins: readonly string[];
  /** Name of the choice cookie (`OPTOUT_COOKIE_NAME`, optout). */
  readonly cookieName: string;
  /** State before any choice (`OPTOUT_DEFAULT`, in). */
  readonly defaultState: DefaultState;
  /** Certificate and key to serve HTTPS with (`OPTOUT_TLS_CERT`, `OPTOUT_TLS_KEY`); none = plain HTTP. */
  readonly tls?: TlsCredentials;
  /** Proxies whose `X-Forwarded-Proto` the host believes (`OPTOUT_TRUST_PROXY`); empty = none. */
  readonly trustProxy: readonly string[];
  /** Owners' texts and per-site profiles (`OPTOUT_CONFIG`, a JSON file); none by default. */
  readonly configFile?: ConfigFile;
}

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(variable, `expected a port number from 0 to 65535, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function readOrigins(env: Env, variable: string): string[] {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const origin = parseOrigin(part.trim());
    if (!origin) {
      throw new ConfigError(
        variable,
        `${JSON.stringify(part.trim())} is not an origin; expected a comma-separated list like https://example.org,https://shop.example.org`,
      );
    }
    return origin;
  });
}

function readCookieName(env: Env, variable: string): string {
  const raw = env[variable];
  if (raw === undefined || raw === '') return 'optout';
  // RFC 6265 token characters, minus the ones that confuse cookie parsers in practice.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
    throw new ConfigError(variable, `expected 1-64 letters, digits, "_" or "-", got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function readDefault(env: Env, variable: string): DefaultState {
  const raw = env[variable];
  if (raw === undefined || raw === '') return 'in';
  if (raw !== 'in' && raw !== 'out') {
    throw new ConfigError(variable, `expected "in" or "out", got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function readHost(env: Env, variable: string): string {
  const raw = env[variable];
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(raw)) {
    throw new ConfigError(variable, `expected a host name or IP address, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function readConfigFile(env: Env, variable: string): ConfigFile | undefined {
  const path = env[variable];
  if (path === undefined || path === '') return undefined;
  try {
    return loadConfigFile(path);
  } catch (error) {
    // One line naming the variable, then the file, the key and what is wrong with it.
    if (error instanceof ConfigFileError) throw new ConfigError(variable, error.message);
    throw error;
  }
}

/** Reads and validates the whole configuration; throws one `ConfigError` naming every bad value. */
export function loadConfig(env: Env = process.env): HostConfig {
  const problems: ConfigProblem[] = [];
  /** Runs one reader; a bad value is recorded so the others are still checked. */
  const read = <T>(reader: () => T, placeholder: T): T => {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return placeholder;
    }
  };
  const config: HostConfig = {
    port: read(() => readPort(env, 'PORT', 3000), 0),
    host: read(() => readHost(env, 'HOST'), ''),
    demoPort: read(() => readPort(env, 'DEMO_PORT', 8080), 0),
    allowedOrigins: read(() => readOrigins(env, 'OPTOUT_ALLOWED_ORIGINS'), []),
    cookieName: read(() => readCookieName(env, 'OPTOUT_COOKIE_NAME'), ''),
    defaultState: read<DefaultState>(() => readDefault(env, 'OPTOUT_DEFAULT'), 'in'),
    tls: read(() => readTlsCredentials(env), undefined),
    trustProxy: read(() => readTrustProxy(env, 'OPTOUT_TRUST_PROXY'), []),
    configFile: read(() => readConfigFile(env, 'OPTOUT_CONFIG'), undefined),
  };
  const [first, ...more] = problems;
  if (first) throw new ConfigError(first.variable, first.message, more);
  return config;
}
