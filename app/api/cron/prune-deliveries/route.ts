// GET /api/cron/prune-deliveries — daily: delete deliveries older than DELIVERY_RETENTION_DAYS (CRON_SECRET).
import { requireCron } from '@/lib/auth/cron';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/errors';
import { pruneDeliveries } from '@/lib/queries/deliveries';

const DAY_MS = 24 * 60 * 60 * 1000;
// Stop well inside a serverless function's time limit; whatever is left goes tomorrow.
const TIME_BUDGET_MS = 20_000;

export async function GET(request: Request): Promise<Response> {
  try {
    requireCron(request);
    const days = env().DELIVERY_RETENTION_DAYS;
    const before = new Date(Date.now() - days * DAY_MS);
    const result = await pruneDeliveries({ before, deadline: new Date(Date.now() + TIME_BUDGET_MS) });
    return Response.json({ ok: true, retentionDays: days, before: before.toISOString(), ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
