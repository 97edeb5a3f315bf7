import 'server-only';
import { type AlertCondition, type OpenAlert, planAlerts } from '@/lib/alerts/plan';
import { ALERT_COLUMNS, type AlertRecord, type AlertRow, alertFromRow } from '@/lib/alerts/record';
import { ALERT_RULES, type AlertRule, enabledRules } from '@/lib/alerts/rules';
import { transaction } from '@/lib/db';
import { alertConditions } from '@/lib/queries/alerts/conditions';
import { alertSettings } from '@/lib/queries/alerts/settings';
import { queueAlertNotifications } from './notify';

// One evaluation: the conditions now against the alerts open now, applied in one transaction
// under one advisory lock, so evaluations never interleave (the every-minute cron, and those
// right after a write, on any instance). Opening is also guarded by the partial unique index
// alert_one_open_idx, so even without the lock one condition could not open twice.

/** pg_advisory_xact_lock key of the alert evaluation ('alerts' in ASCII). */
export const ALERTS_LOCK = 0x616c65727473;

export interface EvaluationReport {
  /** The rules evaluated (the ones asked for; a disabled one resolves its open alerts). */
  rules: AlertRule[];
  opened: AlertRecord[];
  refreshed: number;
  resolved: AlertRecord[];
}

/**
 * Evaluates `rules` (all by default) at `now`: opens an alert for each condition that newly holds
 * (queuing its 'opened' notifications), refreshes those still holding (no notification), and
 * resolves those that have not held for the damping (queuing 'resolved'). A rule switched off
 * holds nothing, so its open alerts resolve.
 */
export async function evaluateAlerts(opts: { rules?: readonly AlertRule[]; now?: Date } = {}): Promise<EvaluationReport> {
  const now = opts.now ?? new Date();
  const scope = ALERT_RULES.filter((r) => !opts.rules || opts.rules.includes(r));
  return transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ALERTS_LOCK]);
    const settings = await alertSettings(tx);
    const on = enabledRules(settings.rules);
    const conditions = await alertConditions(
      tx,
      scope.filter((r) => on.includes(r)),
      { now, settings: settings.rules, lowBalanceThreshold: settings.lowBalanceThreshold, timeZone: settings.timeZone },
    );
    const { rows: openRows } = await tx.query<{ id: string; rule: AlertRule; subject: string; last_true_at: Date }>(
      `SELECT id, rule, subject, last_true_at FROM alert WHERE state = 'open' AND rule = ANY($1::text[]) ORDER BY opened_at, id FOR UPDATE`,
      [scope],
    );
    const open: OpenAlert[] = openRows.map((r) => ({ id: r.id, rule: r.rule, subject: r.subject, lastTrueAt: r.last_true_at }));
    const plan = planAlerts(open, conditions, now, settings.rules.dampingMinutes * 60_000);

    const opened: AlertRecord[] = [];
    for (const c of plan.open) {
      const { rows } = await tx.query<AlertRow>(
        `INSERT INTO alert (rule, subject, state, severity, title, detail, link, facts, opened_at, last_true_at)
         VALUES ($1, $2, 'open', $3, $4, $5, $6, $7::jsonb, $8, $8)
         ON CONFLICT (rule, subject) WHERE state = 'open' DO NOTHING
         RETURNING ${ALERT_COLUMNS}`,
        [c.rule, c.subject, c.severity, c.title, c.detail, c.link, JSON.stringify(c.facts), now],
      );
      const row = rows[0];
      if (!row) continue;
      const alert = alertFromRow(row);
      opened.push(alert);
      await queueAlertNotifications(tx, alert, 'opened');
    }
    for (const { alert, condition } of plan.refresh) await refresh(tx, alert.id, condition, now);
    const resolved: AlertRecord[] = [];
    for (const a of plan.resolve) {
      const { rows } = await tx.query<AlertRow>(
        `UPDATE alert SET state = 'resolved', resolved_at = $2 WHERE id = $1 AND state = 'open' RETURNING ${ALERT_COLUMNS}`,
        [a.id, now],
      );
      const row = rows[0];
      if (!row) continue;
      const alert = alertFromRow(row);
      resolved.push(alert);
      await queueAlertNotifications(tx, alert, 'resolved');
    }
    return { rules: scope, opened, refreshed: plan.refresh.length, resolved };
  });
}

async function refresh(tx: { query: (text: string, values: unknown[]) => Promise<unknown> }, id: string, c: AlertCondition, now: Date): Promise<void> {
  // GREATEST: an evaluation of an earlier moment never moves last_true_at back.
  await tx.query(
    `UPDATE alert SET last_true_at = GREATEST(last_true_at, $2), severity = $3, title = $4, detail = $5, link = $6, facts = $7::jsonb WHERE id = $1`,
    [id, now, c.severity, c.title, c.detail, c.link, JSON.stringify(c.facts)],
  );
}
