// deploy/optout-frame.service: systemd itself parses it (systemd-analyze verify) where systemd is installed, and it runs the package's own command.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const unitFile = fileURLToPath(new URL('optout-frame.service', import.meta.url));
const unit = readFileSync(unitFile, 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };

/** Whether this machine has systemd's analyzer (not in containers without systemd, nor on macOS or Windows). */
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

/** Every `Key=value` line of the unit, in order. */
const settings = unit
  .split('\n')
  .filter((line) => /^[A-Za-z]+=/.test(line))
  .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]);
const environment = new Map(
  settings.filter(([key]) => key === 'Environment').map(([, value]) => value.split(/=(.*)/s).slice(0, 2) as [string, string]),
);

describe('deploy/optout-frame.service', () => {
  // Where systemd is absent (containers, macOS, Windows) this case is reported skipped: nothing verified it.
  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify with no warning at all (an unknown key is only a warning there)', () => {
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', unitFile], { encoding: 'utf8' });
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it("runs the installed package's own bin, and configures it only through variables the host reads", () => {
    expect(Object.keys(pkg.bin)).toEqual(['optout-frame']);
    expect(settings).toContainEqual(['ExecStart', 'node /opt/optout-frame/node_modules/.bin/optout-frame']);
    expect([...environment.keys()]).toEqual(['NODE_ENV', 'HOST', 'PORT', 'OPTOUT_ALLOWED_ORIGINS', 'OPTOUT_TLS_CERT', 'OPTOUT_TLS_KEY']);
    // The certificate files come from LoadCredential=, whose copies live in the credentials folder (%d).
    const credentials = settings.filter(([key]) => key === 'LoadCredential').map(([, value]) => value.split(':')[0]);
    expect(credentials).toEqual(['fullchain.pem', 'privkey.pem']);
    expect(environment.get('OPTOUT_TLS_CERT')).toBe('%d/fullchain.pem');
    expect(environment.get('OPTOUT_TLS_KEY')).toBe('%d/privkey.pem');
  });
});
