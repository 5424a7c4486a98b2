// e2e fixture: the package as a user gets it — `npm pack` from a clean copy of the project, `npm install <tgz>` into an empty folder, `npx optout-frame` there.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONSUMER_MANIFEST } from './package-consumer.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/**
 * What the commands get from this process: where things are, and nothing of the test run's own
 * settings (PORT, OPTOUT_*, npm's variables). `npm_config_yes=false`: npx must run the installed
 * command, never fetch a package of the same name from the registry.
 */
function commandEnv(env: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_yes: 'false', ...env };
}

export interface PackedProject {
  /** The tarball's path. */
  readonly tarball: string;
  /** The paths inside it, as `npm pack --json` lists them. */
  readonly files: readonly string[];
  /** Whether the copy had a `dist/` before packing (a clean clone has none). */
  readonly hadDist: boolean;
}

/**
 * Packs a copy of the project as a clean clone holds it (the files git tracks or would track, no
 * dist/), so `prepack` has to build, and the working tree's own dist/ stays untouched for the
 * tests running alongside. Only node_modules is shared, as `npm install` would have made it.
 */
export async function packCleanCopy(workDir: string): Promise<PackedProject> {
  const copy = join(workDir, 'clone');
  const { stdout: listing } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    maxBuffer: 16 << 20,
  });
  for (const file of listing.split('\0').filter((path) => path !== '' && existsSync(join(root, path)))) {
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  const hadDist = existsSync(join(copy, 'dist'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: copy,
    env: commandEnv(),
    maxBuffer: 16 << 20,
  });
  // The build's own log comes first on stdout; npm's JSON report follows it.
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as [{ filename: string; files: { path: string }[] }];
  return { tarball: join(workDir, report.filename), files: report.files.map((file) => file.path), hadDist };
}

/**
 * `npm install <tarball>` into a new, empty ESM project, with the Node types a TypeScript user of
 * the server entry has (the version this project builds against). The dependencies come from
 * npm's cache when it holds them, else from the registry.
 */
export async function installTarball(workDir: string, tarball: string): Promise<string> {
  const app = join(workDir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(CONSUMER_MANIFEST, null, 2)}\n`);
  const nodeTypes = `@types/node@${devDependencyRange('@types/node')}`;
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, nodeTypes], { cwd: app, env: commandEnv() });
  return app;
}

/** The range this project's package.json asks for a development dependency. */
function devDependencyRange(name: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const range = manifest.devDependencies[name];
  if (range === undefined) throw new Error(`package.json has no devDependency ${name}`);
  return range;
}

/** `npx optout-frame <args>` in `dir`, to its end. */
export async function npxOptoutFrame(dir: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['optout-frame', ...args], { cwd: dir, env: commandEnv() });
}

/** One command line as a user types it in `dir` (variables before the command included), through sh. */
export async function shellIn(dir: string, commandLine: string): Promise<{ stdout: string; stderr: string }> {
  return run('sh', ['-c', commandLine], { cwd: dir, env: commandEnv() });
}

export interface RunningCommand {
  /** The origin it printed, e.g. `https://127.0.0.1:41234`. */
  readonly printedOrigin: string;
  output(): string;
  /** Ctrl-C: SIGINT to npx and the host under it, as a terminal sends it to the foreground process group. */
  stop(): Promise<void>;
  /** `kill -<signal> <pid>`: to the started process alone, as a supervisor sends it; resolves when that process exited. */
  signal(signal: 'SIGINT' | 'SIGTERM'): Promise<void>;
  /** Whether any process it started (its process group: npm, sh, node) is still running. */
  anyLeft(): boolean;
  /** SIGKILL to every process it started: after a failed test, so nothing outlives it. */
  killAll(): void;
}

/**
 * The live processes of process group `group` (Linux's /proc; zombies, dead but not yet reaped by
 * an init that may never reap them, do not count).
 */
function groupMembers(group: number): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return [];
      }
      // After the command name in parentheses: state, parent, process group.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === group && state !== 'Z' ? [pid] : [];
    });
}

/** The commands a user starts the host with from the installed package: through npx, or the command itself, as a supervisor should. */
export const HOST_COMMANDS = {
  npx: ['npx', 'optout-frame'],
  direct: ['node_modules/.bin/optout-frame'],
} as const;

/** Starts `npx optout-frame` (or another of `HOST_COMMANDS`) in `dir` with `env`; resolves once it printed where it listens. */
export function startNpxOptoutFrame(
  dir: string,
  env: Readonly<Record<string, string>>,
  [command, ...args]: readonly string[] = HOST_COMMANDS.npx,
): Promise<RunningCommand> {
  // Its own process group, so a stop reaches the host whatever npx runs it through.
  const child: ChildProcess = spawn(command!, args, {
    cwd: dir,
    env: commandEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const stop = async () => {
    // npx itself dies of the signal without waiting for the command it ran (its code says nothing).
    if (running()) process.kill(-child.pid!, 'SIGINT');
    await exited;
  };
  const signal = async (name: 'SIGINT' | 'SIGTERM') => {
    if (running()) process.kill(child.pid!, name);
    await exited;
  };
  const anyLeft = () => groupMembers(child.pid!).length > 0;
  const killAll = () => {
    if (anyLeft()) process.kill(-child.pid!, 'SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const printed = /^optout-frame host: (\S+)$/m.exec(output);
      if (printed) resolve({ printedOrigin: printed[1]!, output: () => output, stop, signal, anyLeft, killAll });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`${command} exited (${code}) before listening: ${output}`)));
  });
}

/** A scratch folder for the pack, the install and the certificates. */
export function scratchDir(): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'optout-installed-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The ecosystem's own package checkers, from this project's devDependencies, run on the tarball npm would publish. */
const TARBALL_CHECKS = {
  publint: (tarball: string) => ['publint', 'run', tarball, '--strict'],
  // ESM-only, as Lit is: a CommonJS `require` of it is not a supported way in.
  attw: (tarball: string) => ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-emoji', '--no-color'],
} as const;

/** Runs publint or attw on `tarball`; resolves with its report, rejects with it when it finds a fault. */
export async function checkTarball(tool: keyof typeof TARBALL_CHECKS, tarball: string): Promise<string> {
  const [command, ...args] = TARBALL_CHECKS[tool](tarball);
  try {
    const { stdout, stderr } = await run(join(root, 'node_modules/.bin', command!), args, { cwd: root, env: commandEnv() });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${tool} found faults in ${tarball}:\n${stdout}${stderr}`);
  }
}
