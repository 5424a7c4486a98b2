// Test support: a proxy (nginx or Caddy) run in the foreground from a temp folder, ready once its port answers, stopped by its own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';

/**
 * Whether checks that need these proxies can run: yes when none is `missing`. Under CI (which
 * installs them) a missing one throws, so those checks fail instead of being skipped unseen.
 */
export function proxiesInstalled(missing: readonly string[]): boolean {
  if (missing.length === 0) return true;
  if (process.env.CI)
    throw new Error(`CI is set but ${missing.join(' and ')} is not installed (.ci/run installs it): the proxy checks cannot run`);
  return false;
}

/** A port free on loopback now (a proxy's config needs the number before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).once('error', () => resolve(false));
  });
}

export interface ProxyProcess {
  /** What the proxy wrote to stdout and stderr so far (its log, for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `command` and waits (at most 20 s, a hang guard) until `port` accepts connections. The
 * folder `dir` holds the proxy's config and state, and is removed when it stops.
 */
export async function startProxy(
  command: string,
  args: readonly string[],
  port: number,
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProxyProcess> {
  const child: ChildProcess = spawn(command, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 20_000; !(await portAnswers(port));) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { output: () => output, stop };
}
