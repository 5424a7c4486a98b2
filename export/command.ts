// The `optout-frame export DIR [--site ID]` command: the static export from the installed package's built assets, configured by the host's environment.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../server/assets.js';
import { loadConfig } from '../server/config/index.js';
import { buildProfiles } from '../server/site-profiles.js';
import { startupWarnings } from '../server/startup-warnings.js';
import { parseCommandLine, UsageError } from '../server/usage-error.js';
import { checkQuotable, nginxReadWarning } from './folder-checks.js';
import { EXPORT_ENTRIES, MANIFEST_NAME, writeStaticExport } from './write-export.js';

/** The variables the export reads; the host's others (ports, TLS) mean nothing to a folder of files. */
const EXPORT_VARIABLES = ['OPTOUT_ALLOWED_ORIGINS', 'OPTOUT_COOKIE_NAME', 'OPTOUT_DEFAULT', 'OPTOUT_CONFIG'] as const;

export const exportUsage = `Usage: npx optout-frame export DIR [--site ID]

Writes the static export into DIR: the frame (optout/index.html), the bridge, client.js and
hashed assets, and beside them _headers (Netlify, Cloudflare Pages), nginx.conf and Caddyfile,
which send the same headers as the host. Serve DIR at the root of an origin of its own.
With --site ID, the export is OPTOUT_CONFIG's site ID (its origins, default, texts and theme):
one folder, and one origin, per site.

Configured by OPTOUT_ALLOWED_ORIGINS, OPTOUT_COOKIE_NAME, OPTOUT_DEFAULT and OPTOUT_CONFIG, as the host.
`;

function parse(args: readonly string[]): { dir: string; site: string | undefined } {
  const parsed = parseCommandLine(
    { args: [...args], allowPositionals: true, options: { site: { type: 'string' } } },
    (what) => `export: ${what}`,
  );
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0) throw new UsageError('export takes one folder: npx optout-frame export DIR [--site ID]');
  return { dir, site: parsed.values.site };
}

/** DIR may be new, empty, or a previous export: never a folder of other files it would mix into. */
function checkFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const foreign = readdirSync(dir).filter((name) => !EXPORT_ENTRIES.includes(name));
  if (foreign.length > 0)
    throw new UsageError(
      `export: ${dir} holds other files (${foreign.slice(0, 3).join(', ')}): give a new or empty folder, or a previous export`,
    );
}

/** Runs the command; returns the lines to print on stderr (warnings) after writing. */
export function runExport(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  assetsDir = fileURLToPath(new URL('dist/static-assets/', packageRoot)),
): { written: string; warnings: string[] } {
  const { dir, site } = parse(args);
  const config = loadConfig(Object.fromEntries(EXPORT_VARIABLES.map((name) => [name, env[name]])));
  const profiles = buildProfiles(config);
  const profile = site === undefined ? profiles.top : profiles.sites.get(site);
  if (!profile) {
    const known = [...profiles.sites.keys()].join(', ') || 'none';
    throw new UsageError(`export: --site ${site} is not a site of OPTOUT_CONFIG (its sites: ${known})`);
  }
  if (!existsSync(join(assetsDir, MANIFEST_NAME)))
    throw new UsageError(`export: ${assetsDir} is missing; in a clone, run "npm run build" first`);
  checkFolder(dir);
  checkQuotable(dir);
  writeStaticExport(dir, assetsDir, config.cookieName, profile);
  const warnings = startupWarnings(profile.config);
  const unreadable = nginxReadWarning(dir);
  if (unreadable) warnings.push(unreadable);
  if (site === undefined && profiles.sites.size > 0) {
    warnings.push(
      `OPTOUT_CONFIG has sites (${[...profiles.sites.keys()].join(', ')}): export each into a folder of its own with --site ID`,
    );
  }
  const origins = profile.config.allowedOrigins.join(' ') || 'any origin';
  return { written: `optout-frame: wrote the static export${site ? ` of site ${site}` : ''} to ${dir}, for ${origins}`, warnings };
}

/** `optout-frame export …` from the command line; a bad variable or argument throws for the command to say in one line. */
export function exportCommand(args: readonly string[]): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(exportUsage);
    return;
  }
  const { written, warnings } = runExport(args);
  console.log(written);
  for (const warning of warnings) console.error(`optout-frame: warning: ${warning}`);
}
