import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { demoSecretSettings } from '../simulator/demo';

// Builds if needed and runs `next start` in a process group of its own, so stopping it also
// stops anything Next forked, and a crash of the bench never leaves a server behind.

const START_TIMEOUT_MS = 60_000;
const LOG_TAIL_LINES = 40;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

export async function ensureBuild(force: boolean, log: (m: string) => void): Promise<void> {
  if (!force && existsSync('.next/BUILD_ID')) return;
  log(force ? 'building (--build)' : 'no .next/BUILD_ID: building');
  await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BenchServer {
  port: number;
  /** Process group id (= the server's pid). */
  group: number;
  /** The last lines the server printed, to show when something fails. */
  logTail(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  poolMax: number;
  /**
   * Directory for a CPU profile of the server, written when it exits, or undefined. Node's own
   * profiler: `next start --experimental-cpu-prof` ignores the directory and writes into
   * .next-profiles/ at the project root.
   */
  cpuProfileDir?: string;
  /** Settings beyond the bench's own, given the port (a browser signing in needs BETTER_AUTH_URL). */
  env?: (port: number) => Record<string, string>;
}

async function waitForHealth(url: string, child: ChildProcess, closed: Promise<void>, tail: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await closed; // its last words may still be in the pipes
      throw new Error(`next start exited early (${child.signalCode ?? `code ${child.exitCode}`}):\n${tail()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${START_TIMEOUT_MS / 1000}s:\n${tail()}`);
}

export async function startServer({ databaseUrl, poolMax, cpuProfileDir, env }: StartOptions): Promise<BenchServer> {
  const port = await freePort();
  // Node runs Next's CLI directly so it can take --cpu-prof, which NODE_OPTIONS refuses.
  const args = [
    ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
    path.resolve('node_modules/next/dist/bin/next'),
    'start',
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: String(poolMax),
      BENCH_ROUTES: 'true',
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
      ...demoSecretSettings(),
      ...env?.(port),
    },
  });
  const group = child.pid;
  if (group === undefined) throw new Error('could not start next start');

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > LOG_TAIL_LINES) lines.splice(0, lines.length - LOG_TAIL_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const logTail = () => lines.map((l) => `  | ${l}`).join('\n');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-group, signal);
        } catch {
          // already gone
        }
      };
      // SIGTERM lets Next close its pool and write the CPU profile; SIGKILL if it hangs.
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, closed, logTail);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, group, logTail, stop };
}
