// Every test file's set-up: property tests run with the run's one seed (see vitest.seed.ts).
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('fcSeed') });
