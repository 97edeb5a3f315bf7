// npm run token:create -- --email ops@example.com [--name "ops laptop"]
// Makes an API token that acts as that user, with their role; prints it alone on the last line.
import { writeAudit } from '@/lib/audit';
import { generateToken } from '@/lib/auth/tokens';
import { connectForScript, flag } from './db-client';

const email = flag('email')?.trim().toLowerCase();
const name = flag('name') ?? `token ${new Date().toISOString()}`;
if (!email) {
  console.error("usage: npm run token:create -- --email <user address> [--name <label>]  (the token carries that user's role)");
  process.exit(2);
}
const client = await connectForScript();
try {
  const { rows } = await client.query<{ id: string; role: string }>('SELECT id, role FROM app_user WHERE email = $1', [email]);
  const user = rows[0];
  if (!user) {
    console.error(`No user ${email}; create one with npm run user:create`);
    process.exitCode = 1;
  } else {
    const { token, hash, prefix } = generateToken();
    await client.query('BEGIN');
    const { rows: created } = await client.query<{ id: string }>(
      'INSERT INTO api_token (name, token_hash, prefix, user_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [name, hash, prefix, user.id],
    );
    await writeAudit(client, {
      actorEmail: 'cli',
      action: 'token_created',
      targetType: 'api_token',
      targetId: created[0]?.id,
      after: { name, prefix, user: email },
    });
    await client.query('COMMIT');
    console.error(`Created API token "${name}" (${prefix}…) acting as ${email} (${user.role}). It is shown once; store it now.`);
    console.log(token);
  }
} finally {
  await client.end();
}
