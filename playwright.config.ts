// End-to-end tests: Chromium's own suite, then the engine scenarios in four configurations; the demo and the host on two sites.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.js';
import type { ConfigurationName } from './e2e/engines/configurations.js';
import { DEMO_ORIGIN, DEMO_PORT, HOST_ORIGIN, HOST_PORT } from './e2e/origins.js';

/** e2e/engines: the scenarios written once on the driver surface, run in every engine. */
const engineScenarios = 'engines/*.spec.ts';
const engineNames: readonly ConfigurationName[] = ['chromium', 'firefox', 'webkit', 'webkit-itp'];

export default defineConfig<object, { engineName: ConfigurationName }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
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
    ...engineNames.map((engineName) => ({
      name: `engines-${engineName}`,
      testMatch: engineScenarios,
      use: { engineName },
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
