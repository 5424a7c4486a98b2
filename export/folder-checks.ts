// What the export checks about its folder: a path its config files can quote, and one nginx's workers can read.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../server/usage-error.js';
import { unquotableCharacter } from './header-files.js';

/** `root` in nginx.conf and the Caddyfile is this path in double quotes: refuse one that cannot be. */
export function checkQuotable(dir: string): void {
  const character = unquotableCharacter(resolve(dir));
  if (character !== undefined)
    throw new UsageError(
      `export: the folder ${JSON.stringify(resolve(dir))} has ${JSON.stringify(character)}, which nginx.conf and the Caddyfile cannot quote ` +
        '(no ", \\, $, {, } or control characters): choose another folder',
    );
}

/** Others' read (r) and search (x) bits of a mode. */
const OTHERS_READ = 0o004;
const OTHERS_SEARCH = 0o001;

/**
 * nginx's workers run as another user (www-data, nobody) and read the absolute `root`: every folder
 * above it must let others in, and the folder itself let them list and read. Otherwise nginx
 * answers 404 with the reason only in its error log; the export says so now. (Mode bits only:
 * an ACL or a shared group may still let a worker in, hence a warning, not a refusal.)
 */
export function nginxReadWarning(dir: string): string | undefined {
  const folder = resolve(dir);
  let closed: string | undefined;
  for (let path = folder; ; path = dirname(path)) {
    const mode = statSync(path).mode;
    const needed = path === folder ? OTHERS_READ | OTHERS_SEARCH : OTHERS_SEARCH;
    if ((mode & needed) !== needed) closed = path;
    if (dirname(path) === path) break;
  }
  if (closed === undefined) return undefined;
  return (
    `nginx.conf: nginx's workers (another user) cannot read ${folder}: ${closed} is closed to other users ` +
    '(chmod o+rx on the folder, o+x above it); or export under /srv or /var/www'
  );
}
