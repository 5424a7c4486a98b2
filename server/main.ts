#!/usr/bin/env node
// The package's `optout-frame` command (`npx optout-frame`; `tsx server/main.ts` in a clone): the host alone, see cli.ts.
import { runCli } from './cli.js';

await runCli(process.argv.slice(2));
