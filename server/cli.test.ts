// The `optout-frame` command as a user runs it (server/main.ts in its own process): --help, --version, one-line errors (serving: e2e/command.spec.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEntry } from './testing/entry-process.js';
import { makeTestCertificates, type TestCertificates } from './testing/tls-certificates.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const ENTRY = 'server/main.ts';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates(['optout.example.test']);
});
afterAll(() => certs.remove());

const VARIABLES = [
  'PORT',
  'HOST',
  'DEMO_PORT',
  'OPTOUT_ALLOWED_ORIGINS',
  'OPTOUT_COOKIE_NAME',
  'OPTOUT_DEFAULT',
  'OPTOUT_TLS_CERT',
  'OPTOUT_TLS_KEY',
  'OPTOUT_TRUST_PROXY',
  'OPTOUT_CONFIG',
  'OPTOUT_BUILDER_SITES',
];

describe('optout-frame (server/main.ts)', () => {
  it('--version and -v print the version from package.json; --help and -h the usage and every variable', async () => {
    const [long, short, help, h] = await Promise.all(
      [['--version'], ['-v'], ['--help'], ['-h']].map((args) => runEntry(ENTRY, { PORT: 'not read' }, args)),
    );
    for (const exit of [long, short]) expect(exit).toEqual({ code: 0, signal: null, stdout: `${version}\n`, stderr: '' });
    expect(h).toEqual(help);
    expect(help!.code).toBe(0);
    expect(help!.stderr).toBe('');
    expect(help!.stdout).toMatch(new RegExp(`^optout-frame ${version.replaceAll('.', '\\.')}: the opt-out host`));
    expect(help!.stdout).toContain('Usage: npx optout-frame [--help | --version]');
    for (const variable of VARIABLES) expect(help!.stdout, variable).toMatch(new RegExp(`^  ${variable} `, 'm'));
  }, 30_000);

  it('an unknown option or argument stops it with one line naming it, exit code 1', async () => {
    const [option, argument] = await Promise.all([['--port=80'], ['serve']].map((args) => runEntry(ENTRY, { PORT: '0' }, args)));
    for (const exit of [option, argument]) {
      expect(exit!.code).toBe(1);
      expect(exit!.stdout).toBe('');
    }
    expect(option!.stderr).toMatch(
      /^optout-frame: unknown option '--port': the host takes --help or --version.*, and reads its settings from the environment\n$/,
    );
    expect(argument!.stderr).toMatch(/^optout-frame: unexpected argument 'serve': the host takes --help or --version.*\n$/);
  }, 30_000);

  it('a bad TLS file stops start-up with one line naming the variable and the file', async () => {
    const exit = await runEntry(ENTRY, { PORT: '0', OPTOUT_TLS_CERT: certs.keyFile, OPTOUT_TLS_KEY: certs.keyFile });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr).toBe(
      `optout-frame: OPTOUT_TLS_CERT: ${JSON.stringify(certs.keyFile)} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")\n`,
    );
  }, 30_000);
});
