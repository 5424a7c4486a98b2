// The package as its users meet it, packed once: publint, attw, a strict TypeScript project importing every export, Node importing them, and `npx optout-frame` with TLS files (README, step 1; docs/deploying.md) on *.test names.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { connect } from 'node:net';
import type { TestCertificates } from '../server/testing/tls-certificates.js';
import { parseMarkdown, relativeLinks } from '../docs/markdown.js';
import { texts } from './frame.js';
import { CROSS_SITE_NAME, exampleCertificates, HOST_NAME, launchChromiumForTestNames, startHttpsDemo } from './https-origins.js';
import {
  HOST_COMMANDS,
  checkTarball,
  installTarball,
  npxOptoutFrame,
  packCleanCopy,
  scratchDir,
  shellIn,
  startNpxOptoutFrame,
  type PackedProject,
} from './installed-package.js';
import { importInNode, publicEntries, typeCheckConsumer } from './package-consumer.js';

interface Manifest {
  readonly version: string;
  readonly sideEffects: readonly string[];
  readonly bin: Record<string, string>;
  readonly exports: Record<string, { types: string; default: string }>;
}
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Manifest;
const { version } = manifest;

/** Every file package.json points at (the bin, each export's code and types), and what the host reads at start-up. */
const NEEDED = [
  ...Object.values(manifest.bin),
  ...Object.values(manifest.exports).flatMap((entry) => [entry.default, entry.types].map((path) => path.replace(/^\.\//, ''))),
  'dist/public/.vite/manifest.json',
  'dist/public/client.js',
  'dist/static-assets/manifest.json',
  'dist/static-assets/client.js',
];

/**
 * What the tarball may hold: the package's manifest, README, LICENSE, CHANGELOG, CONTRIBUTING and
 * SECURITY, the users' docs (README links them) and the proxy and systemd configs they tell you
 * to copy, and the built host, library, assets and the static export's assets.
 */
const SHIPPED =
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|CONTRIBUTING\.md|SECURITY\.md|deploy\/(Caddyfile|nginx\.conf|optout-frame\.service)|docs\/[a-z-]+\.md|docs\/screenshot\.png|docs\/examples\/[a-z-]+\.json|dist\/(lib|public|static-assets)\/.+)$/;

/** Linked from docs/embedding.md but left in the repository: a 247 kB picture would more than double the tarball. */
const NOT_SHIPPED_PICTURES = ['docs/builder.png'];

/** A `sideEffects` glob as bundlers read it: `**` any path, `*` any name within one folder. */
function globPattern(glob: string): RegExp {
  const source = glob
    .replace(/^\.\//, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\0/g, '.*');
  return new RegExp(`^${source}$`);
}

/** True while something accepts TCP connections on the loopback port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** The README's promise: the frame toggles, the page's scripts hear it, a reload keeps it. */
async function toggleOverHttps(certs: TestCertificates, siteOrigin: string, hostOrigin: string): Promise<void> {
  const browser = await launchChromiumForTestNames(certs);
  try {
    const page = await browser.newPage();
    await page.goto(`${siteOrigin}/privacy`);
    const frame = page.frameLocator(`iframe[src^="${hostOrigin}/optout"]`);
    await expect(frame.getByRole('status')).toHaveText(texts.optedIn);
    await frame.getByRole('button', { name: texts.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
    await expect(page.locator('#page-state')).toHaveText('opted out (your choice)');
    await page.reload();
    await expect(frame.getByRole('status')).toHaveText(texts.optedOut);
  } finally {
    await browser.close();
  }
}

// Packing builds the whole project and installing fetches the dependencies: done once for the file,
// so its tests run in order in one worker (a failed test does not skip the ones after it).
test.describe.configure({ mode: 'default' });

// Made in beforeAll, not when the file loads: Playwright also loads it only to list the tests.
let scratch: ReturnType<typeof scratchDir> | undefined;
let packed: PackedProject;
let app: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  scratch = scratchDir();
  packed = await packCleanCopy(scratch.dir);
  app = await installTarball(scratch.dir, packed.tarball);
});

test.afterAll(() => scratch?.remove());

test('npm pack from a clean copy builds first; the tarball holds LICENSE, README, CHANGELOG, the docs, the deploy configs and the build, no tests or sources', () => {
  expect(packed.hadDist).toBe(false);
  expect(packed.files.filter((path) => !SHIPPED.test(path))).toEqual([]);
  expect(packed.files.filter((path) => /\.test\.|\/testing\/|\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
  for (const needed of [...NEEDED, 'LICENSE', 'README.md', 'CHANGELOG.md', 'SECURITY.md', 'docs/deploying.md'])
    expect(packed.files).toContain(needed);
  // A pattern that matches nothing (a file moved or renamed) would let bundlers drop a script that registers something.
  // (`./widget/**` is for this project's own Vite builds, which read the field too: the sources are not shipped.)
  const shippedGlobs = manifest.sideEffects.filter((glob) => glob.startsWith('./dist/'));
  expect(shippedGlobs.length).toBeGreaterThan(0);
  for (const glob of shippedGlobs)
    expect(
      packed.files.some((path) => globPattern(glob).test(path)),
      glob,
    ).toBe(true);
});

test("README's links, and the shipped docs' links, work from the installed package: deploy/, docs/, the policies", () => {
  const installed = join(app, 'node_modules/optout-frame');
  const pages = ['README.md', ...packed.files.filter((path) => /^docs\/[a-z-]+\.md$/.test(path))];
  const broken = pages.flatMap((page) =>
    relativeLinks(parseMarkdown(readFileSync(join(installed, page), 'utf8')))
      .map((link) => normalize(join(dirname(page), link.replace(/#.*$/, ''))))
      .filter((target) => !existsSync(join(installed, target)) && !NOT_SHIPPED_PICTURES.includes(target))
      .map((target) => `${page} → ${target}`),
  );
  expect(broken).toEqual([]);
  for (const copied of ['deploy/Caddyfile', 'deploy/nginx.conf', 'deploy/optout-frame.service']) expect(packed.files).toContain(copied);
});

test('publint --strict finds nothing in the tarball', async () => {
  expect(await checkTarball('publint', packed.tarball)).toContain('All good!');
});

test('attw --profile esm-only: every export resolves to its types under node16 (ESM) and bundler', async () => {
  // attw exits non-zero on any fault the profile counts; the table must also show each export resolved.
  const report = await checkTarball('attw', packed.tarball);
  for (const entry of publicEntries()) expect(report).toMatch(new RegExp(`"${entry}"\\s*│\\s*OK \\(ESM\\)\\s*│\\s*OK\\s*│`));
});

test('a strict TypeScript project (moduleResolution bundler, skipLibCheck false) type-checks an import of every export', () => {
  const declared = typeCheckConsumer(app, publicEntries(), 'bundler');
  expect(Object.keys(declared)).toEqual(publicEntries());
});

test('under node16 too, and Node imports every export with exactly the values its declarations promise', async () => {
  const entries = publicEntries();
  const declared = typeCheckConsumer(app, entries, 'node16');
  const imported = await importInNode(app, entries);
  expect(Object.keys(imported)).toEqual(entries);
  for (const entry of entries) {
    expect(imported[entry], entry).not.toEqual([]);
    expect(imported[entry], entry).toEqual(declared[entry]);
  }
});

test('a strict project with "types": [] (Node types installed, none global) type-checks every export, under bundler and node16', () => {
  for (const resolution of ['bundler', 'node16'] as const)
    expect(Object.keys(typeCheckConsumer(app, publicEntries(), resolution, 'dom-no-types')), resolution).toEqual(publicEntries());
});

test('optout-frame/request type-checks with neither DOM nor Node types, as in an edge function', () => {
  const entry = 'optout-frame/request';
  expect(publicEntries()).toContain(entry);
  expect(typeCheckConsumer(app, [entry], 'bundler', 'bare')[entry]).toContain('optedOut');
});

test('npx optout-frame from the installed tarball, with TLS files: the frame toggles over HTTPS on *.test names', async () => {
  test.setTimeout(180_000);
  const certs = exampleCertificates();
  const demo = await startHttpsDemo(certs);
  try {
    expect((await npxOptoutFrame(app, ['--version'])).stdout).toBe(`${version}\n`);
    expect((await npxOptoutFrame(app, ['--help'])).stdout).toContain('Usage: npx optout-frame [--help | --version]');
    // The static export from the installed package alone (no clone, no devDependencies), for one origin.
    const exported = await shellIn(app, 'OPTOUT_ALLOWED_ORIGINS=https://www.example.test:8443 npx optout-frame export out');
    expect(exported.stdout).toBe('optout-frame: wrote the static export to out, for https://www.example.test:8443\n');
    expect(readFileSync(join(app, 'out/_headers'), 'utf8')).toContain("frame-ancestors 'self' https://www.example.test:8443\n");
    expect(readFileSync(join(app, 'out/optout/index.html'), 'utf8')).toContain('"allowedOrigins":["https://www.example.test:8443"]');

    const siteOrigin = demo.origin(CROSS_SITE_NAME);
    const host = await startNpxOptoutFrame(app, {
      PORT: '0',
      OPTOUT_ALLOWED_ORIGINS: siteOrigin,
      OPTOUT_TLS_CERT: certs.certFile,
      OPTOUT_TLS_KEY: certs.keyFile,
    });
    const port = Number(new URL(host.printedOrigin).port);
    try {
      expect(host.printedOrigin).toBe(`https://127.0.0.1:${port}`);
      const hostOrigin = `https://${HOST_NAME}:${port}`;
      demo.pointAt(hostOrigin);
      await test.step('a visitor on https://www.gazette.test opts out in the frame from https://optout.example.test', () =>
        toggleOverHttps(certs, siteOrigin, hostOrigin));
      // Configured as production should be: nothing to warn about.
      expect(host.output()).not.toContain('warning');
    } finally {
      await host.stop();
    }
    // Ctrl-C stopped the host, not only npx.
    await expect.poll(() => portAnswers(port)).toBe(false);
  } finally {
    await demo.close();
    certs.remove();
  }
});

// npm exec runs the command through `sh -c`; where sh is dash, it passes no signal on (server/parent-exit.ts).
for (const [command, signal] of [
  ['npx', 'SIGTERM'],
  ['direct', 'SIGTERM'],
  ['direct', 'SIGINT'],
] as const) {
  test(`${HOST_COMMANDS[command].join(' ')} stopped by ${signal} to its process id, as a supervisor stops it: the port is free and no process is left`, async () => {
    const host = await startNpxOptoutFrame(app, { PORT: '0' }, HOST_COMMANDS[command]);
    try {
      const port = Number(new URL(host.printedOrigin).port);
      expect(await portAnswers(port)).toBe(true);
      await host.signal(signal);
      await expect.poll(() => portAnswers(port), { timeout: 5_000 }).toBe(false);
      await expect.poll(() => host.anyLeft(), { timeout: 5_000 }).toBe(false);
    } finally {
      host.killAll();
    }
  });
}
