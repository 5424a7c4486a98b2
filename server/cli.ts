// The `optout-frame` command: `--help`, `--version`, or the host alone, configured from the environment, over HTTP or HTTPS.
import { readFileSync } from 'node:fs';
import { exportCommand } from '../export/command.js';
import { createOptOutHost } from './app.js';
import { AssetsError, packageRoot } from './assets.js';
import { ConfigError, loadConfig } from './config.js';
import { close, listen, ListenError, onShutdownSignal } from './listen.js';
import { serverOrigin } from './server-origin.js';
import { startupWarnings } from './startup-warnings.js';

/** The installed package's version, from its own package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { version: string };
  return manifest.version;
}

/** What `--help` prints: the usage and every variable the host reads, with its default. */
export function helpText(version: string): string {
  return `optout-frame ${version}: the opt-out host (the frame, its bridge, client.js and the embed-code builder)

Usage: npx optout-frame [--help | --version]
       npx optout-frame export DIR [--site ID]   the static export (export --help)

Configured by the environment (defaults in brackets):
  PORT                    port to listen on [3000]
  HOST                    interface to listen on [127.0.0.1]; 0.0.0.0 for every interface
  OPTOUT_ALLOWED_ORIGINS  comma-separated origins allowed to embed and talk to the frame [any]
  OPTOUT_COOKIE_NAME      name of the choice cookie [optout]
  OPTOUT_DEFAULT          the state before any choice: in or out [in]
  OPTOUT_TLS_CERT         PEM certificate chain (fullchain.pem): serve HTTPS, with OPTOUT_TLS_KEY
  OPTOUT_TLS_KEY          PEM private key of that certificate
  OPTOUT_TRUST_PROXY      behind a TLS proxy: its addresses, subnets, or loopback [none]
  OPTOUT_CONFIG           a JSON file: your own texts per language, one profile per site [none]

Example:
  HOST=0.0.0.0 PORT=443 OPTOUT_TLS_CERT=fullchain.pem OPTOUT_TLS_KEY=privkey.pem \\
  OPTOUT_ALLOWED_ORIGINS=https://example.org npx optout-frame

Stops cleanly on SIGINT and SIGTERM. See "Run it in production" in the README.
`;
}

/** Validates the environment, listens, and says where, then anything worth a warning. */
async function serve(): Promise<void> {
  const config = loadConfig();
  const server = await listen(createOptOutHost(config), config.port, config.host, { tls: config.tls });
  // The bound port, so PORT=0 (any free port) prints where the host really is.
  console.log(`optout-frame host: ${serverOrigin(server, config.host)}`);
  for (const warning of startupWarnings(config)) console.error(`optout-frame: warning: ${warning}`);
  onShutdownSignal(() => close(server));
}

/** Runs the command for `args` (the arguments after the command's name). */
export async function runCli(args: readonly string[]): Promise<void> {
  const [option] = args;
  if (option === 'export') {
    exportCommand(args.slice(1));
  } else if (option === '--help' || option === '-h') {
    process.stdout.write(helpText(packageVersion()));
  } else if (option === '--version' || option === '-v') {
    console.log(packageVersion());
  } else if (option !== undefined) {
    console.error(`optout-frame: unknown option ${JSON.stringify(option)}: the host takes --help or --version, and reads its settings from the environment`);
    process.exit(1);
  } else {
    await serve().catch(exitOnStartupError);
  }
}

/** Expected start-up failures get one line and exit code 1; anything else is a bug and keeps its stack. */
function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ListenError || error instanceof AssetsError) {
    console.error(`optout-frame: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
