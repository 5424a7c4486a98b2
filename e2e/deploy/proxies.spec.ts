// The configs users copy, run as shipped: the host behind nginx and Caddy (deploy/), the static export behind nginx and Caddy (its generated configs), over HTTPS at non-default ports, in Chromium and Firefox ESR.
import { get } from 'node:https';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../browser.js';
import { chromiumEngine } from '../engines/chromium.js';
import type { Engine, EnginePage } from '../engines/driver.js';
import { expect, test } from '../engines/fixtures.js';
import { firefoxEngine } from '../engines/firefox.js';
import { clientAnswer, expectFrame, frameView, seen, textOf } from '../engines/visit.js';
import type { TestCertificates } from '../../server/testing/tls-certificates.js';
import { hasCaddy } from './caddy.js';
import { startDeployment, type Deployment, type Target } from './deployment.js';
import { hasNginx } from './nginx.js';
import { proxiesInstalled } from './proxy-process.js';

/** Each engine as a visitor's browser on the public names: *.test resolves to loopback, the test certificate is accepted. */
const engines: Record<'chromium' | 'firefox', (certs: TestCertificates) => Engine> = {
  chromium: (certs) => {
    const base = chromiumLaunchOptions();
    return chromiumEngine({
      ...base,
      args: [...(base.args ?? []), '--host-resolver-rules=MAP *.test 127.0.0.1', `--ignore-certificate-errors-spki-list=${certs.spki}`],
    });
  },
  firefox: () => firefoxEngine({ acceptInsecureCerts: true, prefs: { 'network.dns.forceResolve': '127.0.0.1' } }),
};

const frameOf = (target: Target) => `iframe[src^="${target.publicOrigin}/optout"]`;

/**
 * The protocols the frame's document and its own scripts came over, as the browser records them
 * ('h2' for HTTP/2). Firefox leaves the navigation entry of a cross-site frame empty, so the
 * frame's same-origin scripts (through the same proxy) count too; empty entries are left out.
 */
function frameProtocols(page: EnginePage, target: Target): Promise<string[]> {
  return page.evaluateInFrame(
    frameOf(target),
    () => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      return [...new Set(entries.filter((entry) => entry.name.startsWith(location.origin)).map((entry) => entry.nextHopProtocol))].filter(
        Boolean,
      );
    },
    undefined,
  );
}

/** The status, headers and body of one answer, fetched from Node through the proxy with the test CA. */
function fetchHead(
  url: string,
  certs: TestCertificates,
): Promise<{ status: number | undefined; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  const options = {
    host: '127.0.0.1',
    port,
    path: pathname,
    servername: hostname,
    headers: { host: `${hostname}:${port}` },
    ca: readFileSync(certs.caFile),
  };
  return new Promise((resolve, reject) => {
    get(options, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    }).on('error', reject);
  });
}

for (const engineName of ['chromium', 'firefox'] as const) {
  test.describe(`${engineName} through the real proxies`, () => {
    // One worker, in order: the proxies start once per engine and every check shares them.
    test.describe.configure({ mode: 'default' });
    test.skip(
      !proxiesInstalled([...(hasNginx ? [] : ['nginx']), ...(hasCaddy ? [] : ['caddy'])]),
      'nginx and Caddy are not installed (.ci/run installs them)',
    );
    let deployment: Deployment;
    let engine: Engine;
    test.beforeAll(async () => {
      deployment = await startDeployment();
      engine = engines[engineName](deployment.certs);
    });
    test.afterAll(async () => {
      await engine?.stop();
      await deployment?.stop();
    });

    /** A fresh visitor's page, closed after `use`. */
    async function visit(use: (page: EnginePage) => Promise<void>, options?: { javaScript: boolean }) {
      const session = await engine.startSession(options);
      try {
        await use(await session.newPage());
      } finally {
        await session.close();
      }
    }

    for (const index of [0, 1, 2, 3]) {
      const target = () => deployment.targets[index]!;
      const name = ['nginx → host', 'Caddy → host', 'nginx → export', 'Caddy → export'][index];

      test(`${name}: over HTTP/2 the frame toggles, keeps the choice across a reload, and page scripts hear it`, async () => {
        await visit(async (page) => {
          await page.goto(`${target().siteOrigin}/privacy`);
          await expectFrame(page, { status: seen.optedIn, buttons: [seen.optOutButton] }, frameOf(target()));
          expect(await frameProtocols(page, target())).toEqual(['h2']);
          await page.clickInFrame(frameOf(target()), seen.optOutButton);
          await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, frameOf(target()));
          await expect.poll(() => textOf(page, 'page-state')).toBe('opted out (your choice)');
          await page.reload();
          await expectFrame(page, { status: seen.optedOut, buttons: [seen.optInButton] }, frameOf(target()));
          await expect.poll(() => textOf(page, 'page-state')).toBe('opted out (your choice)');
        });
      });

      test(`${name}: HSTS from the proxy (and no header file served), /healthz answers ok, and a page on an origin that is not allowed cannot frame it`, async () => {
        const { headers } = await fetchHead(`${target().publicOrigin}/optout`, deployment.certs);
        if (target().serves === 'export') {
          // The header files beside the export are not served.
          for (const file of ['_headers', 'nginx.conf', 'Caddyfile'])
            expect((await fetchHead(`${target().publicOrigin}/${file}`, deployment.certs)).status, file).toBe(404);
        }
        expect(headers['strict-transport-security']).toBe('max-age=31536000');
        // README's check, on every path: the host's route, or the export's file.
        const health = await fetchHead(`${target().publicOrigin}/healthz`, deployment.certs);
        expect({ status: health.status, body: health.body, type: health.headers['content-type'] }).toEqual({
          status: 200,
          body: 'ok',
          type: 'text/plain; charset=utf-8',
        });
        expect(headers['content-security-policy']).toContain(target().siteOrigin);
        expect(headers['content-security-policy']).not.toContain(target().otherOrigin);
        await visit(async (page) => {
          // The same page, served on a name that is not allowed.
          await page.goto(`${target().otherOrigin}/privacy`);
          expect(await clientAnswer(page)).toBe('TIMEOUT');
          expect(await frameView(page, frameOf(target()))).not.toMatchObject({ status: expect.any(String) });
          expect(await textOf(page, 'page-state')).toBe('waiting for the opt-out frame…');
        });
      });
    }

    for (const index of [0, 1]) {
      const target = () => deployment.targets[index]!;
      const name = ['nginx → host', 'Caddy → host'][index];

      // Page scripts off for both (one session: a Firefox session with options is a whole browser).
      test(`${name}: the builder writes the public URL with its port, and the no-JavaScript form works through the proxy`, async () => {
        await visit(
          async (page) => {
            // The code the host wrote from the proxy's Host header, not the one the builder's script redoes from location.
            await page.goto(`${target().publicOrigin}/`);
            const code = await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#privacy-code')?.value ?? '', undefined);
            expect(code).toContain(`<iframe src="${target().publicOrigin}/optout`);
            expect(code).toContain(`<script src="${target().publicOrigin}/client.js"`);

            await page.goto(`${target().siteOrigin}/privacy`);
            const noScript = { upgraded: false, status: seen.optedIn, buttons: [seen.optOutButton] };
            await expectFrame(page, noScript, frameOf(target()));
            await page.clickInFrame(frameOf(target()), seen.optOutButton);
            await expectFrame(page, { ...noScript, status: seen.optedOut, buttons: [seen.optInButton] }, frameOf(target()));
            await page.reload();
            await expectFrame(page, { ...noScript, status: seen.optedOut, buttons: [seen.optInButton] }, frameOf(target()));
          },
          { javaScript: false },
        );
      });
    }
  });
}
