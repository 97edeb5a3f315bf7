import type pg from 'pg';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import type { Role } from '@/lib/auth/roles';
import { generateToken } from '@/lib/auth/tokens';
import { createUserRecord } from '@/lib/auth/users-store';
import { testDb, uid } from './webhooks';

export const TEST_PASSWORD = 'integration-password';

/** A fresh user of the given role (its own email, so tests never share one). */
export async function makeUser(role: Role): Promise<{ id: string; email: string }> {
  const email = `${uid(role)}@test.callboard`.toLowerCase();
  const client: pg.PoolClient = await testDb().connect();
  try {
    const { id } = await createUserRecord(client, { email, role, password: TEST_PASSWORD });
    return { id, email };
  } finally {
    client.release();
  }
}

/** An API token acting as a fresh user of the given role (or revoked, or owned by nobody). */
export async function makeToken(role: Role, opts: { revoked?: boolean } = {}): Promise<string> {
  const user = await makeUser(role);
  const { token, hash, prefix } = generateToken();
  await testDb().query('INSERT INTO api_token (name, token_hash, prefix, user_id, revoked_at) VALUES ($1, $2, $3, $4, $5)', [
    'test',
    hash,
    prefix,
    user.id,
    opts.revoked ? new Date() : null,
  ]);
  return token;
}

/** Signs in through Better Auth's real route; returns the response and the Cookie header to send back. */
export async function signIn(email: string, password = TEST_PASSWORD, ip = '203.0.113.7'): Promise<{ status: number; cookie: string }> {
  const res = await authPost(
    new Request('http://localhost/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: res.status, cookie };
}
