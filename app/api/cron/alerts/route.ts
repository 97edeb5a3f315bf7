// GET /api/cron/alerts — every minute: evaluate the alert rules; open, refresh, resolve (CRON_SECRET).
import { evaluateAlerts } from '@/lib/commands/alerts/evaluate';
import { guardedRoute } from '@/lib/handlers/route';

export const maxDuration = 60;

export const GET = guardedRoute({ guard: 'cron' }, async () => {
  const report = await evaluateAlerts();
  return Response.json({
    ok: true,
    rules: report.rules,
    opened: report.opened.map((a) => ({ id: a.id, rule: a.rule, subject: a.subject, title: a.title })),
    refreshed: report.refreshed,
    resolved: report.resolved.map((a) => ({ id: a.id, rule: a.rule, subject: a.subject })),
  });
});
