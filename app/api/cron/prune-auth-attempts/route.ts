// GET /api/cron/prune-auth-attempts — daily: forget sign-in attempts older than a day (CRON_SECRET).
import { requireCron } from '@/lib/auth/cron';
import { pool } from '@/lib/db';
import { errorResponse } from '@/lib/http/errors';

export async function GET(request: Request): Promise<Response> {
  try {
    requireCron(request);
    const { rowCount } = await pool().query(`DELETE FROM auth_attempt WHERE at < now() - interval '1 day'`);
    return Response.json({ ok: true, deleted: rowCount ?? 0 });
  } catch (error) {
    return errorResponse(error);
  }
}
