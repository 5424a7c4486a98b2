// End-to-end tests: Chromium's own suite, then the engine scenarios in four configurations; the demo and the host on two sites.
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.js';
import { configurations, type ConfigurationName } from './e2e/engines/configurations.js';
import { DEMO_ORIGIN, DEMO_PORT, HOST_ORIGIN, HOST_PORT } from './e2e/origins.js';

/** e2e/engines: the scenarios written once on the driver surface, run in every engine. */
const engineScenarios = 'engines/*.spec.ts';

export default defineConfig<object, { engineName: ConfigurationName }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Playwright's default is half the cores: one worker on a 2-core CI machine, where two keep the run well under 15 minutes.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  // A stray .only would silently skip the rest of the suite, on a laptop as much as in CI.
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: DEMO_ORIGIN,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  projects: [
    // The Chromium suite drives Playwright's own page; it does not run the engine scenarios.
    { name: 'chromium', testIgnore: engineScenarios },
    ...configurations.map(({ name, sendsGpc }) => ({
      name: `engines-${name}`,
      testMatch: engineScenarios,
      // GPC sent by the browser is only a scenario where the engine can send it (not skipped, not faked elsewhere).
      testIgnore: sendsGpc ? [] : ['engines/gpc-sent.spec.ts', 'engines/server-side-gpc.spec.ts'],
      // Each scenario starts its own browser (a fresh MiniBrowser per session): on a loaded 2-core machine a
      // WebKit start alone was seen taking 30 s. A hang guard, not a timing assertion.
      timeout: 90_000,
      use: { engineName: name },
    })),
  ],
  webServer: {
    // Built by `npm test` just before; start.ts would build on its own if dist/ were stale.
    command: 'npx tsx scripts/start.ts',
    url: `${HOST_ORIGIN}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(HOST_PORT), DEMO_PORT: String(DEMO_PORT), OPTOUT_ALLOWED_ORIGINS: DEMO_ORIGIN },
    stdout: 'pipe',
  },
});
