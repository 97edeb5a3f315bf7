// GET /api/health — liveness plus a database round trip, for load balancers and `npm run dev`.
import { pool } from '@/lib/db';
import { errorResponse } from '@/lib/http/errors';

export async function GET(): Promise<Response> {
  try {
    await pool().query('SELECT 1');
    return Response.json({ ok: true, database: 'up' });
  } catch (error) {
    return errorResponse(error);
  }
}
