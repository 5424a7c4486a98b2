// The host's configuration: the environment and the OPTOUT_CONFIG file, read and validated once at start-up into one typed object.
import type { DefaultState } from '../../widget/shared/choice.js';
import {
  ConfigError,
  readBuilderSites,
  readCookieName,
  readDefault,
  readHost,
  readOrigins,
  readPort,
  readSiteCookieDomain,
  readTrustProxy,
  type BuilderSites,
  type ConfigProblem,
  type Env,
} from './env.js';
import { ConfigFileError, loadConfigFile, type ConfigFile } from './file.js';
import { readTlsCredentials, type TlsCredentials } from './tls.js';

export { ConfigError, type Env } from './env.js';
export type { ConfigFile } from './file.js';
export type { TlsCredentials } from './tls.js';

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
  /** Whether the builder lists every `OPTOUT_CONFIG` site id, or only the one its URL names (`OPTOUT_BUILDER_SITES`, listed). */
  readonly builderSites: BuilderSites;
  /** The site's domain the host also sets `optout_state` for, when it runs under it (`OPTOUT_SITE_COOKIE_DOMAIN`); none by default. */
  readonly siteCookieDomain?: string;
  /** Owners' texts and per-site profiles (`OPTOUT_CONFIG`, a JSON file); none by default. */
  readonly configFile?: ConfigFile;
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
    builderSites: read<BuilderSites>(() => readBuilderSites(env, 'OPTOUT_BUILDER_SITES'), 'listed'),
    siteCookieDomain: read(() => readSiteCookieDomain(env, 'OPTOUT_SITE_COOKIE_DOMAIN'), undefined),
    configFile: read(() => readConfigFile(env, 'OPTOUT_CONFIG'), undefined),
  };
  const [first, ...more] = problems;
  if (first) throw new ConfigError(first.variable, first.message, more);
  return config;
}
