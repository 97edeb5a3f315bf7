import 'server-only';
import { pool } from '@/lib/db';

// Sign-in attempts are counted in Postgres, not in memory, so the limit holds across serverless
// instances. Every attempt is recorded, refused ones included, and each address and each IP gets
// `perMinute` attempts in any sliding minute.

export async function registerSignInAttempt(email: string, ip: string, perMinute: number): Promise<{ allowed: boolean }> {
  const { rows } = await pool().query<{ by_email: number; by_ip: number }>(
    `WITH recent AS (
       SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE ip = $2)::int AS by_ip
       FROM auth_attempt WHERE at > now() - interval '60 seconds' AND (email = $1 OR ip = $2)
     ), recorded AS (INSERT INTO auth_attempt (email, ip) VALUES ($1, $2))
     SELECT by_email, by_ip FROM recent`,
    [email, ip],
  );
  const { by_email = 0, by_ip = 0 } = rows[0] ?? {};
  return { allowed: by_email < perMinute && by_ip < perMinute };
}

/** The client's address as the first proxy saw it (Vercel and most hosts set x-forwarded-for). */
export function clientIp(headers: Headers | undefined | null): string {
  const forwarded = headers?.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers?.get('x-real-ip')?.trim() || 'unknown';
}
