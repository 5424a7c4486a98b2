// The `optout-frame` command: `--help`, `--version`, a subcommand, or the host alone, configured from the environment, over HTTP or HTTPS.
import { readFileSync } from 'node:fs';
import { createOptOutHost } from './app.js';
import { AssetsError, packageRoot } from './assets.js';
import { ConfigError, loadConfig } from './config/index.js';
import { close, listen, ListenError, onShutdownSignal } from './listen.js';
import { stopWhenNpmParentExits } from './parent-exit.js';
import { serverOrigin } from './server-origin.js';
import { startupWarnings } from './startup-warnings.js';
import { parseCommandLine, UsageError } from './usage-error.js';

/** `npx optout-frame <name> …`: one module per subcommand, imported only when it runs. */
export interface Subcommand {
  /** Its arguments as `--help` shows them, e.g. `DIR`. */
  readonly usage: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** Runs it with the arguments after its name; a `ConfigError` or `UsageError` becomes one line and exit code 1. */
  run(args: string[]): Promise<void>;
}

/** The subcommands by name; without one, the command serves the host. */
const subcommands: Readonly<Record<string, Subcommand>> = {
  export: {
    usage: 'DIR [--site ID]',
    summary: 'the static export in DIR, with _headers, nginx.conf, Caddyfile (export --help)',
    run: async (args) => (await import('../export/command.js')).exportCommand(args),
  },
};

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { version: string };
  return manifest.version;
}

/** What `--help` prints: the usage, the subcommands, and every variable the host reads, with its default. */
function helpText(version: string): string {
  const commands = Object.entries(subcommands).map(
    ([name, command]) => `       npx optout-frame ${`${name} ${command.usage}`.padEnd(22)} ${command.summary}\n`,
  );
  return `optout-frame ${version}: the opt-out host (the frame, its bridge, client.js and the embed-code builder)

Usage: npx optout-frame [--help | --version]
${commands.join('')}
Configured by the environment (defaults in brackets):
  PORT                    port to listen on [3000]
  HOST                    interface to listen on [127.0.0.1]; 0.0.0.0 for every interface
  DEMO_PORT               port of the demo site, for npm start in a clone [8080]
  OPTOUT_ALLOWED_ORIGINS  comma-separated origins allowed to embed and talk to the frame [any]
  OPTOUT_COOKIE_NAME      name of the choice cookie [optout]
  OPTOUT_DEFAULT          the state before any choice: in or out [in]
  OPTOUT_TLS_CERT         PEM certificate chain (fullchain.pem): serve HTTPS, with OPTOUT_TLS_KEY
  OPTOUT_TLS_KEY          PEM private key of that certificate
  OPTOUT_TRUST_PROXY      behind a TLS proxy: its addresses, subnets, or loopback [none]
  OPTOUT_SITE_COOKIE_DOMAIN  the site's domain, when the host runs under it: also set optout_state there [none]
  OPTOUT_CONFIG           a JSON file: your own texts per language, one profile per site [none]
  OPTOUT_BUILDER_SITES    listed or hidden: whether the builder at / lists OPTOUT_CONFIG's site ids [listed]

Example:
  HOST=0.0.0.0 PORT=443 OPTOUT_TLS_CERT=fullchain.pem OPTOUT_TLS_KEY=privkey.pem \\
  OPTOUT_ALLOWED_ORIGINS=https://example.org npx optout-frame

Stops cleanly on SIGINT and SIGTERM. Under a supervisor (systemd, a container, a script that
kills it by its process id), start node_modules/.bin/optout-frame itself rather than npx, so
the signals reach the host. See "Put it on your site" in the README and docs/deploying.md.
`;
}

/** Validates the environment, listens, and says where, then anything worth a warning. */
async function serve(): Promise<void> {
  const config = loadConfig();
  const server = await listen(createOptOutHost(config), config.port, config.host, { tls: config.tls, portVariable: 'PORT' });
  // The bound port, so PORT=0 (any free port) prints where the host really is.
  console.log(`optout-frame host: ${serverOrigin(server, config.host)}`);
  for (const warning of startupWarnings(config)) console.error(`optout-frame: warning: ${warning}`);
  stopWhenNpmParentExits(onShutdownSignal(() => close(server)));
}

/** The host's own flags; anything else is a `UsageError` naming it. */
function hostFlags(args: string[]): { help?: boolean; version?: boolean } {
  const names = Object.keys(subcommands);
  const options = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } as const;
  return parseCommandLine(
    { args, options },
    (what) =>
      `${what}: the host takes --help or --version${names.length ? ` or a command (${names.join(', ')})` : ''}, and reads its settings from the environment`,
  ).values;
}

/** Runs the command for `args` (the arguments after the command's name). */
export async function runCli(args: readonly string[]): Promise<void> {
  const [first = '', ...rest] = args;
  const subcommand = Object.hasOwn(subcommands, first) ? subcommands[first] : undefined;
  try {
    if (subcommand) return await subcommand.run(rest);
    const flags = hostFlags([...args]);
    if (flags.help) process.stdout.write(helpText(packageVersion()));
    else if (flags.version) console.log(packageVersion());
    else await serve();
  } catch (error) {
    exitOnStartupError(error);
  }
}

/** Expected failures get one line and exit code 1; anything else is a bug and keeps its stack. */
function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ListenError || error instanceof AssetsError || error instanceof UsageError) {
    console.error(`optout-frame: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
