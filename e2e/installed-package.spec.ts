// Running the installed package (README, step 1; docs/deploying.md), walked as a new user would: pack, install the tarball into an empty folder, `npx optout-frame` with TLS files, a browser on *.test names.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import type { TestCertificates } from '../server/testing/tls-certificates.js';
import { texts } from './frame.js';
import { CROSS_SITE_NAME, exampleCertificates, HOST_NAME, launchChromiumForTestNames, startHttpsDemo } from './https-origins.js';
import { installTarball, npxOptoutFrame, packCleanCopy, scratchDir, shellIn, startNpxOptoutFrame } from './installed-package.js';

interface Manifest {
  readonly version: string;
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

/** What the tarball may hold: the package's manifest and README, and the built host, library, assets and the static export's assets. */
const SHIPPED = /^(package\.json|README\.md|LICENSE|dist\/(lib|public|static-assets)\/.+)$/;

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

test('npm pack, npm install <tgz> into an empty folder, npx optout-frame with TLS files: the frame toggles over HTTPS on *.test names', async () => {
  // Packing builds the whole project and installing fetches the dependencies: minutes, not seconds.
  test.slow();
  test.setTimeout(360_000);
  const scratch = scratchDir();
  const certs = exampleCertificates();
  const demo = await startHttpsDemo(certs);
  try {
    const packed = await test.step('npm pack (prepack builds a clean copy)', () => packCleanCopy(scratch.dir));
    expect(packed.hadDist).toBe(false);
    expect(packed.files.filter((path) => !SHIPPED.test(path))).toEqual([]);
    expect(packed.files.filter((path) => /\.test\.|\/testing\/|\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
    for (const needed of NEEDED) expect(packed.files).toContain(needed);

    const app = await test.step('npm install <tgz> into an empty folder', () => installTarball(scratch.dir, packed.tarball));
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
    scratch.remove();
  }
});
