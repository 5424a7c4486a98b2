// Start-up with a bad environment, as a user runs it: the real entry points print one line naming each bad variable and exit 1.
import { describe, expect, it } from 'vitest';
import { writeConfigFile } from './testing/config-files.js';
import { runEntry } from './testing/entry-process.js';

/** Free ports, so nothing listens on the defaults if validation let a value through. */
const run = (entry: string, env: Readonly<Record<string, string>>) => runEntry(entry, { PORT: '0', DEMO_PORT: '0', ...env });

const BAD_VALUES: ReadonlyArray<readonly [string, string]> = [
  ['PORT', 'eighty'],
  ['HOST', 'not a host'],
  ['DEMO_PORT', '99999'],
  ['OPTOUT_ALLOWED_ORIGINS', 'https://ok.example,ftp://files.example'],
  ['OPTOUT_COOKIE_NAME', 'opt out'],
  ['OPTOUT_DEFAULT', 'maybe'],
];

describe('start-up with a bad environment', () => {
  it('server/main.ts: each bad variable gives one line naming it, exit code 1', async () => {
    const exits = await Promise.all(BAD_VALUES.map(([variable, value]) => run('server/main.ts', { [variable]: value })));
    exits.forEach((exit, index) => {
      const [variable, value] = BAD_VALUES[index]!;
      expect(exit.code, variable).toBe(1);
      expect(exit.stdout, variable).toBe('');
      const lines = exit.stderr.trimEnd().split('\n');
      expect(lines, variable).toHaveLength(1);
      expect(lines[0], variable).toMatch(new RegExp(`^optout-frame: ${variable}: `));
      expect(lines[0], variable).toContain(JSON.stringify(value.split(',').at(-1)));
    });
  }, 60_000);

  it('server/main.ts: several bad variables are all named on the one line', async () => {
    const exit = await run('server/main.ts', { PORT: 'x', OPTOUT_DEFAULT: 'maybe', OPTOUT_COOKIE_NAME: 'a;b' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/^optout-frame: PORT: .+; OPTOUT_COOKIE_NAME: .+; OPTOUT_DEFAULT: .+\n$/);
  }, 30_000);

  it('npm start (scripts/start.ts): a bad variable stops it before building or listening', async () => {
    const exit = await run('scripts/start.ts', { OPTOUT_ALLOWED_ORIGINS: '*' });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr).toMatch(/^optout-frame: OPTOUT_ALLOWED_ORIGINS: "\*" is not an origin[^\n]*\n$/);
  }, 30_000);

  it('server/main.ts: a bad OPTOUT_CONFIG file gives one line naming the file, the key and the fault', async () => {
    const path = writeConfigFile({
      sites: { news: { allowedOrigins: ['https://news.example.org'], texts: { de: { intro: 'x'.repeat(100_000) } } } },
    });
    const exit = await run('server/main.ts', { OPTOUT_CONFIG: path });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr).toBe(
      `optout-frame: OPTOUT_CONFIG: ${JSON.stringify(path)}: sites.news.texts.de.intro: 100000 characters; at most 300\n`,
    );
  }, 30_000);
});
