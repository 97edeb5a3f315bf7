import { describe, expect, it } from 'vitest';
import { GET as listCalls } from '@/app/api/calls/route';
import { makeUser, signIn, TEST_PASSWORD } from '@/test/auth';
import { testDb } from '@/test/webhooks';

let ipCounter = 0;
/** Each test its own client address, so per-IP counting of one test never leaks into another. */
const freshIp = () => {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
};

describe('sign-in', () => {
  it('sets an HTTP-only, SameSite=Lax session cookie and audits the sign-in', async () => {
    const user = await makeUser('viewer');
    const res = await import('@/app/api/auth/[...all]/route').then(({ POST }) =>
      POST(
        new Request('http://localhost/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': freshIp() },
          body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
        }),
      ),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/); // 12 hours
    const audit = await testDb().query(`SELECT action, actor_id FROM audit_log WHERE actor_email = $1`, [user.email]);
    expect(audit.rows).toEqual([{ action: 'sign_in', actor_id: user.id }]);
  });

  it('refuses a wrong password with 401 and audits the failure', async () => {
    const user = await makeUser('viewer');
    const { status } = await signIn(user.email, 'not-the-password', freshIp());
    expect(status).toBe(401);
    const audit = await testDb().query(`SELECT action, after FROM audit_log WHERE actor_email = $1 AND action = 'sign_in_failed'`, [user.email]);
    expect(audit.rows).toHaveLength(1);
  });

  it('allows five attempts a minute per address, from any IP; the sixth gets 429', async () => {
    const user = await makeUser('viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(user.email, 'wrong-password', freshIp())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password does not get past the limit either.
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).status).toBe(429);
  });

  it('allows five attempts a minute per IP, whatever the address', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(`nobody${i}-${ip}@test.callboard`, 'wrong-password', ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const counted = await testDb().query(`SELECT count(*)::int AS n FROM auth_attempt WHERE ip = $1`, [ip]);
    expect(counted.rows[0].n).toBe(6); // counted in Postgres, so every instance sees the same count
  });

  it('a revoked session stops working at once, and so does a role change', async () => {
    const user = await makeUser('admin');
    const { cookie } = await signIn(user.email, TEST_PASSWORD, freshIp());
    const read = () => listCalls(new Request('http://localhost/api/calls?limit=1', { headers: { cookie } }));
    expect((await read()).status).toBe(200);
    await testDb().query(`UPDATE app_user SET role = 'viewer' WHERE id = $1`, [user.id]);
    expect((await read()).status).toBe(200); // viewers still read
    await testDb().query('DELETE FROM session WHERE user_id = $1', [user.id]);
    expect((await read()).status).toBe(401);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { rows } = await testDb().query<{ id: string }>(`INSERT INTO audit_log (action, actor_email) VALUES ('test_entry', 'x@test') RETURNING id`);
    const id = rows[0]?.id;
    await expect(testDb().query(`UPDATE audit_log SET action = 'edited' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(testDb().query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(testDb().query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('first admin from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('is created once, only into an empty user table', async () => {
    const { createIsolatedDatabase } = await import('@/test/setup/test-database');
    const { applyMigrations } = await import('@/prisma/migrate');
    const { bootstrapAdmin } = await import('@/lib/auth/users-store');
    const pg = (await import('pg')).default;
    const db = await createIsolatedDatabase('callboard_bootstrap_', String(process.env.DATABASE_URL));
    try {
      await applyMigrations(db.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        expect(await bootstrapAdmin(client, 'First@Example.com', 'first-admin-password')).toBe(true);
        expect(await bootstrapAdmin(client, 'second@example.com', 'second-admin-password')).toBe(false);
        const { rows } = await client.query('SELECT email, role FROM app_user');
        expect(rows).toEqual([{ email: 'first@example.com', role: 'admin' }]);
      } finally {
        await client.end();
      }
    } finally {
      await db.dispose();
    }
  });
});
