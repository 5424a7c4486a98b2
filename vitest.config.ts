// Unit tests: pure modules of widget/ and server/, run in Node (no browser needed).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['widget/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'export/**/*.test.ts', 'bench/**/*.test.ts', 'deploy/**/*.test.ts', 'docs/**/*.test.ts'],
    environment: 'node',
    // A stray .only would silently skip the rest of the suite, not only in CI.
    allowOnly: false,
  },
});
