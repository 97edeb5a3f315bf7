// npm run user:create -- --email ops@example.com --role admin [--name "Ops Lead"] [--password …]
// Without --password a strong one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { isRole, ROLES } from '@/lib/auth/roles';
import { createUserRecord, UserExistsError } from '@/lib/auth/users-store';
import { connectForScript, flag } from './db-client';

const email = flag('email');
const role = flag('role') ?? 'viewer';
if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !isRole(role)) {
  console.error(`usage: npm run user:create -- --email <address> --role <${ROLES.join('|')}> [--name <name>] [--password <10+ chars>]`);
  process.exit(2);
}
const given = flag('password');
if (given !== undefined && given.length < 10) {
  console.error('--password must be at least 10 characters');
  process.exit(2);
}
const password = given ?? randomBytes(12).toString('base64url');
const client = await connectForScript();
try {
  await client.query('BEGIN');
  await createUserRecord(client, { email, role, name: flag('name'), password });
  await client.query('COMMIT');
  console.log(`Created ${role} ${email}.`);
  if (!given) console.log(`Password (shown once): ${password}`);
} catch (error) {
  await client.query('ROLLBACK');
  console.error(error instanceof UserExistsError ? error.message : `Could not create the user: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
