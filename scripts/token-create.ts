// npm run token:create [-- --name "ops laptop"] — makes an API token; prints it alone on the last line.
import pg from 'pg';
import { generateToken } from '@/lib/auth/tokens';
import { parseEnv } from '@/lib/env';

const args = process.argv.slice(2);
const nameIndex = args.indexOf('--name');
const name = nameIndex >= 0 ? (args[nameIndex + 1] ?? '') : `token ${new Date().toISOString()}`;
if (!name.trim()) {
  console.error('--name needs a value');
  process.exit(2);
}

const env = parseEnv(process.env);
// Without DATABASE_URL, talk to the embedded database that `npm run dev` serves.
const url = env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? '54329'}/postgres`;
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
} catch (error) {
  console.error(`Cannot reach the database at ${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`);
  console.error('Set DATABASE_URL, or start `npm run dev` for the embedded database.');
  process.exit(1);
}
const { token, hash, prefix } = generateToken();
await client.query('INSERT INTO api_token (name, token_hash, prefix) VALUES ($1, $2, $3)', [name, hash, prefix]);
await client.end();
console.error(`Created API token "${name}" (${prefix}…). It is shown once; store it now.`);
console.log(token);
