// One fast-check seed per unit-test run: chosen here (or taken from FC_SEED), printed, and given to every property test, so a CI failure replays.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

/** Vitest's global set-up: runs once per run, before any test file. */
export default function chooseSeed(project: TestProject): void {
  const given = process.env.FC_SEED;
  const seed = given === undefined || given === '' ? Math.floor(Math.random() * 2 ** 31) : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
  console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed} npm run test:unit)`);
  project.provide('fcSeed', seed);
}
