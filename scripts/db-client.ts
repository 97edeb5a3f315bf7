// A pg client for command-line scripts: DATABASE_URL, or the embedded database of `npm run dev`.
import pg from 'pg';
import { parseEnv } from '@/lib/env';

export async function connectForScript(): Promise<pg.Client> {
  const env = parseEnv(process.env);
  const url = env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? '54329'}/postgres`;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    console.error(`Cannot reach the database at ${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`);
    console.error('Set DATABASE_URL, or start `npm run dev` for the embedded database.');
    process.exit(1);
  }
  return client;
}

/** `--name value` from argv, or undefined. */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
