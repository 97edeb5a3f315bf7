// GET /api/cron/dispatch — every minute: send what the outbox holds that is due (CRON_SECRET).
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { drainOutbox } from '@/lib/dispatch/drain';
import { guardedRoute } from '@/lib/handlers/route';

// Stop claiming well inside a serverless function's time limit; what is left goes next minute.
const TIME_BUDGET_MS = 40_000;
export const maxDuration = 60;

export const GET = guardedRoute({ guard: 'cron' }, async () => {
  const report = await drainOutbox({ limit: 25, deadline: Date.now() + TIME_BUDGET_MS });
  // A dispatch that failed or needs a check opens an alert now rather than at the next minute.
  if (report.failed + report.needsCheck > 0) evaluateAlertsSoon(['dispatch_failed']);
  return Response.json({ ok: true, ...report });
});
