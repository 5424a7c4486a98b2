// @playwright/test fixtures for the engine scenarios: the project picks the configuration, each test gets a fresh visitor.
import { test as base } from '@playwright/test';
import type { Engine, EngineSession } from './driver.js';
import { configuration, type Configuration, type ConfigurationName } from './configurations.js';

interface WorkerFixtures {
  /** Set per project in playwright.config.ts. */
  engineName: ConfigurationName;
  config: Configuration;
  /** The engine, started once per worker (a browser or a driver server) and stopped at the end. */
  engine: Engine;
}

interface TestFixtures {
  /** A new browser session with empty storage: a first-time visitor. */
  visitor: EngineSession;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  engineName: ['chromium', { option: true, scope: 'worker' }],
  config: [async ({ engineName }, use) => use(configuration(engineName)), { scope: 'worker' }],
  engine: [
    async ({ config }, use) => {
      const engine = config.create();
      try {
        await use(engine);
      } finally {
        await engine.stop();
      }
    },
    { scope: 'worker' },
  ],
  visitor: async ({ engine }, use) => {
    const session = await engine.startSession();
    try {
      await use(session);
    } finally {
      await session.close();
    }
  },
});

export { expect } from '@playwright/test';
