// An in-process Postgres (PGlite, Postgres compiled to WebAssembly) behind a wire-protocol socket,
// so `npm run dev` and the integration tests work on a machine with no Postgres installed.
// Everything that talks to it uses plain `pg`, exactly as it would talk to a real server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives on disk; undefined keeps it in memory (gone on stop). */
  dataDir?: string;
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  host?: string;
  /**
   * Socket connections accepted at once. PGlite is a single backend session, so this only
   * bounds how many pooled clients may stay connected; queries still run one at a time.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = opts.host ?? '127.0.0.1';
  const unlock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let db: PGlite | undefined;
  let server: PGLiteSocketServer;
  try {
    if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
    db = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
    server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections: opts.maxConnections ?? 8 });
    await server.start();
  } catch (error) {
    await db?.close();
    unlock();
    throw error;
  }
  const started = db;

  // getServerConn() reports the port the OS actually bound, which matters when we asked for 0.
  const port = Number(server.getServerConn().split(':').pop());
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    stop() {
      stopping ??= (async () => {
        await server.stop();
        // Closing flushes a file-backed cluster; skipping it risks a dirty data directory.
        if (!started.closed) await started.close();
        unlock();
      })();
      return stopping;
    },
  };
}

/**
 * Two PGlite instances writing one data directory corrupt it, and unlike a real Postgres
 * nothing in PGlite prevents that, so a pid file beside the directory does.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockPath, 'utf8'));
    if (isAlive(holder)) throw new Error(`${dataDir} is in use by process ${holder} (another \`npm run dev\`?)`);
    // The holder died without cleaning up; its lock means nothing now.
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
