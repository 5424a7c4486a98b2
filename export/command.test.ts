// `optout-frame export`: the host's variables and only those, a bad one or a bad argument named in one line, the host's warning, a folder of other files refused.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../server/config/index.js';
import { writeConfigFile } from '../server/testing/config-files.js';
import { fakeStaticAssets } from '../server/testing/static-assets.js';
import { UsageError } from '../server/usage-error.js';
import { runExport as runExportIn } from './command.js';

const work = fakeStaticAssets();
// Open to other users, as /srv is: the export warns when nginx's workers could not read its folder.
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** The command with the stand-in build. */
const runExport = (args: readonly string[], env: NodeJS.ProcessEnv) => runExportIn(args, env, work);
let count = 0;
const folder = () => join(work, `out-${++count}`);

describe('optout-frame export', () => {
  it('writes the export for the allowed origins, and warns about nothing else', () => {
    const dir = folder();
    const result = runExport([dir], { OPTOUT_ALLOWED_ORIGINS: 'https://www.example.test:8443', PORT: 'not a port' });
    expect(result.warnings).toEqual([]);
    expect(result.written).toContain('https://www.example.test:8443');
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain("frame-ancestors 'self' https://www.example.test:8443\n");
  });

  it('warns as the host does without allowed origins', () => {
    const { warnings } = runExport([folder()], {});
    expect(warnings).toEqual([expect.stringMatching(/^OPTOUT_ALLOWED_ORIGINS is not set: any site may embed the frame/)]);
  });

  it('names a bad variable', () => {
    expect(() => runExport([folder()], { OPTOUT_DEFAULT: 'maybe' })).toThrow(ConfigError);
    expect(() => runExport([folder()], { OPTOUT_ALLOWED_ORIGINS: 'example.org' })).toThrow(/OPTOUT_ALLOWED_ORIGINS/);
  });

  it('refuses a missing folder argument, an unknown option, an unknown site and a folder of other files', () => {
    expect(() => runExport([], {})).toThrow(UsageError);
    expect(() => runExport([folder(), '--sight', 'x'], {})).toThrow(/--sight/);
    const file = writeConfigFile({ sites: { news: { allowedOrigins: ['https://news.example.org'] } } });
    expect(() => runExport([folder(), '--site', 'shop'], { OPTOUT_CONFIG: file })).toThrow(
      '--site shop is not a site of OPTOUT_CONFIG (its sites: news)',
    );
    const busy = folder();
    runExport([busy], { OPTOUT_ALLOWED_ORIGINS: 'https://a.example' });
    writeFileSync(join(busy, 'notes.txt'), 'mine');
    expect(() => runExport([busy], {})).toThrow(/holds other files \(notes\.txt\)/);
  });

  it('answers /healthz with a file holding ok, and every server config serves it as text', () => {
    const dir = folder();
    runExport([dir], { OPTOUT_ALLOWED_ORIGINS: 'https://a.example' });
    expect(readFileSync(join(dir, 'healthz'), 'utf8')).toBe('ok');
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain('/healthz\n  Content-Type: text/plain; charset=utf-8\n');
    expect(readFileSync(join(dir, 'nginx.conf'), 'utf8')).toMatch(/location = \/healthz \{[^}]*default_type "text\/plain; charset=utf-8";/);
    expect(readFileSync(join(dir, 'Caddyfile'), 'utf8')).toMatch(
      /@rule\d+ path \/healthz\n\theader @rule\d+ \{\n\t\tContent-Type "text\/plain; charset=utf-8"/,
    );
  });

  it('quotes the folder in nginx.conf and the Caddyfile, and refuses one they cannot quote before writing anything', () => {
    const spaced = join(work, 'my export; root /etc');
    runExport([spaced], { OPTOUT_ALLOWED_ORIGINS: 'https://a.example' });
    expect(readFileSync(join(spaced, 'nginx.conf'), 'utf8')).toContain(`    root "${spaced}";\n`);
    expect(readFileSync(join(spaced, 'Caddyfile'), 'utf8')).toContain(`\troot * "${spaced}"\n`);
    for (const name of ['a"b', 'a$host', 'a{path}', 'a\\b', 'a\nb']) {
      const dir = join(work, name);
      expect(() => runExport([dir], {}), JSON.stringify(name)).toThrow(UsageError);
      expect(() => runExport([dir], {})).toThrow(/which nginx\.conf and the Caddyfile cannot quote .*: choose another folder$/);
    }
    expect(() => runExport([join(work, 'a$host')], {})).toThrow(`has "$"`);
  });

  it("warns when nginx's workers (another user) could not read the folder: a private folder above it", () => {
    const home = join(work, 'home');
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    const { warnings } = runExport([join(home, 'out')], { OPTOUT_ALLOWED_ORIGINS: 'https://a.example' });
    expect(warnings).toEqual([
      `nginx.conf: nginx's workers (another user) cannot read ${join(home, 'out')}: ${home} is closed to other users (chmod o+rx on the folder, o+x above it); or export under /srv or /var/www`,
    ]);
    chmodSync(home, 0o711);
    expect(runExport([join(home, 'out')], { OPTOUT_ALLOWED_ORIGINS: 'https://a.example' }).warnings).toEqual([]);
  });

  it("--site writes that site's export, and the top level names the sites left to export", () => {
    const file = writeConfigFile({ sites: { news: { allowedOrigins: ['https://news.example.org'] } } });
    const dir = folder();
    expect(runExport([dir, '--site', 'news'], { OPTOUT_CONFIG: file }).warnings).toEqual([]);
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain("frame-ancestors 'self' https://news.example.org\n");
    const top = runExport([folder()], { OPTOUT_CONFIG: file, OPTOUT_ALLOWED_ORIGINS: 'https://a.example' });
    expect(top.warnings).toEqual(['OPTOUT_CONFIG has sites (news): export each into a folder of its own with --site ID']);
  });
});
