// Unit tests: pure modules of widget/, server/ and request/, run in Node (no browser needed).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'widget/**/*.test.ts',
      'server/**/*.test.ts',
      'request/**/*.test.ts',
      'export/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'deploy/**/*.test.ts',
      'docs/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['vitest.seed.ts'],
    setupFiles: ['vitest.setup.ts'],
    // A stray .only would silently skip the rest of the suite, not only in CI.
    allowOnly: false,
  },
});
