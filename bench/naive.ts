import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './server';

// Runs bench/naive-server.ts in its own process (as next start is), so the load client and
// the receiver never share a Node event loop.

export interface NaiveServer {
  port: number;
  group: number;
  stop(): Promise<void>;
}

export async function startNaive(databaseUrl: string, poolMax: number): Promise<NaiveServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/naive-server.ts')], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: String(poolMax) },
  });
  const group = child.pid;
  if (group === undefined) throw new Error('could not start the naive receiver');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => process.kill(-group, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`naive receiver exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { port, group, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('naive receiver did not answer /health within 30 s');
}
