// Test support: runs the real entry points (server/main.ts, scripts/start.ts) in their own Node process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface EntryExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface EntryProcess {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the first stdout match of `pattern` (e.g. the printed URL). */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  readonly exited: Promise<EntryExit>;
}

/** Starts a TypeScript entry point with tsx and `args`; `env` is all it gets besides PATH. */
export function startEntry(entry: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): EntryProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const watch of [...watchers]) watch();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<EntryExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const watch of [...watchers]) watch();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const watch = () => {
          const match = pattern.exec(stdout);
          if (match) {
            watchers.delete(watch);
            resolve(match);
          } else if (child.exitCode !== null) {
            watchers.delete(watch);
            reject(new Error(`${entry} exited (${child.exitCode}) before printing ${pattern}: ${stderr}`));
          }
        };
        watchers.add(watch);
        watch();
      }),
  };
}

/** Runs an entry point to its end. */
export function runEntry(entry: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): Promise<EntryExit> {
  return startEntry(entry, env, args).exited;
}
