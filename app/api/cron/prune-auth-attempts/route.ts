// GET /api/cron/prune-auth-attempts — daily: forget sign-in attempts older than a day (CRON_SECRET).
import { pool } from '@/lib/db';
import { guardedRoute } from '@/lib/handlers/route';

export const GET = guardedRoute({ guard: 'cron' }, async () => {
  const { rowCount } = await pool().query(`DELETE FROM auth_attempt WHERE at < now() - interval '1 day'`);
  return Response.json({ ok: true, deleted: rowCount ?? 0 });
});
