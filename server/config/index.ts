// The host's configuration: the environment and the OPTOUT_CONFIG file, read and validated once at start-up into one typed object.
import * as v from 'valibot';
import type { DefaultState } from '../../widget/shared/choice.js';
import { envSchema, VARIABLES } from './env.js';
import type { ConfigFile } from './file.js';

export type { ConfigFile } from './file.js';

/** The process environment, or any stand-in for it (tests, the build). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * What `https.createServer` needs: the certificate chain (a `fullchain.pem`) and its private key,
 * as PEM bytes. `Uint8Array` (a Buffer is one), so the public declarations need no Node types.
 */
export interface TlsCredentials {
  readonly cert: Uint8Array;
  readonly key: Uint8Array;
}

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
  readonly tls?: TlsCredentials | undefined;
  /** Proxies whose `X-Forwarded-Proto` the host believes (`OPTOUT_TRUST_PROXY`); empty = none, as any client could send it. */
  readonly trustProxy: readonly string[];
  /** Whether the builder lists every `OPTOUT_CONFIG` site id, or only the one its URL names (`OPTOUT_BUILDER_SITES`, listed). */
  readonly builderSites: 'listed' | 'hidden';
  /** The site's domain the host also sets `optout_state` for, when it runs under it (`OPTOUT_SITE_COOKIE_DOMAIN`); none by default. */
  readonly siteCookieDomain?: string | undefined;
  /** Owners' texts and per-site profiles (`OPTOUT_CONFIG`, a JSON file); none by default. */
  readonly configFile?: ConfigFile | undefined;
}

/** One bad environment value and what it should be. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Bad environment values, all named on one line, so start-up says what to fix in one go; `variable` is the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly variable: string;
  constructor(readonly problems: readonly [ConfigProblem, ...ConfigProblem[]]) {
    super(problems.map(({ variable, message }) => `${variable}: ${message}`).join('; '));
    this.variable = problems[0].variable;
  }
}

/** Reads and validates the whole configuration; throws one `ConfigError` naming every bad value. */
export function loadConfig(env: Env = process.env): HostConfig {
  // Unset and blank both mean the default.
  const given = Object.fromEntries(VARIABLES.map((name) => [name, env[name]?.trim() ? env[name] : undefined]));
  const result = v.safeParse(envSchema, given);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => ({ variable: String(issue.path?.[0]?.key), message: issue.message }));
  throw new ConfigError(problems as [ConfigProblem, ...ConfigProblem[]]);
}
