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
    server = new PGLiteSocketServer({ db: holdSessionThroughSync(db), host, port: opts.port ?? 0, maxConnections: opts.maxConnections ?? 8 });
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

/** Extended-protocol messages that leave an exchange open until the client's Sync. */
const EXCHANGE_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

/**
 * PGlite is one backend session. The socket server feeds every connection's protocol messages into
 * it one message at a time, and keeps a connection's turn only while a transaction is open. But
 * node-postgres sends a parameterised query as Parse, Bind, Describe, Execute, Sync: another
 * connection's Parse in between replaces the unnamed statement and portal, and the query fails
 * ('portal "" does not exist') or reads another query's rows. So a connection also keeps its turn
 * from the first message of such an exchange to its Sync; the server asks isInTransaction().
 */
function holdSessionThroughSync(db: PGlite): PGlite {
  let inExchange = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => inExchange || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          inExchange = EXCHANGE_MESSAGES.has(String.fromCharCode(message[0] ?? 0));
          return target.execProtocolRawStream(message, options);
        };
      }
      // The server's own ROLLBACK for a connection that left mid-exchange ends the exchange too.
      if (prop === 'exec') {
        return (...args: Parameters<PGlite['exec']>) => {
          inExchange = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
