// Child processes for the bench: the host (so its memory is its own) and free loopback ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** A free TCP port on 127.0.0.1 (released just before use: fine on a loopback bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  readonly origin: string;
  readonly process: ChildProcess;
  /** Current and peak resident set size of the child, in MB (from /proc). */
  memory(): { rssMb: number; peakRssMb: number };
  /** CPU time the child has used so far (user + system), in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Waits until `url` answers 200, or fails after `timeoutMs`. */
async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: ${url} exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`bench: ${url} did not answer within ${timeoutMs} ms`);
}

function readMemory(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  if (pid === undefined) return { rssMb: Number.NaN, peakRssMb: Number.NaN };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(field)) ?? '')?.[0] ?? Number.NaN);
  return { rssMb: kb('VmRSS:') / 1024, peakRssMb: kb('VmHWM:') / 1024 };
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function readCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts a TypeScript entry in its own Node process (through tsx) and waits for `healthPath`. */
export async function startChild(entry: string, env: Record<string, string>, port: number, healthPath: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(`${origin}${healthPath}`, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    origin,
    process: child,
    memory: () => readMemory(child.pid),
    cpuMs: () => readCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The opt-out host as `npm start` runs it, allowing `allowedOrigin` to embed it. */
export async function startHost(allowedOrigin: string): Promise<ChildServer> {
  const port = await freePort();
  return startChild('server/main.ts', { PORT: String(port), HOST: '127.0.0.1', OPTOUT_ALLOWED_ORIGINS: allowedOrigin }, port, '/healthz');
}
