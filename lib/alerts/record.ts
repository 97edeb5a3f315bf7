import type { AlertRule } from './rules';

// An alert as stored (table alert): what the evaluation writes, the notifications carry and the API lists.

export interface AlertRecord {
  id: string;
  rule: AlertRule;
  subject: string;
  state: 'open' | 'resolved';
  severity: 'warning' | 'critical';
  title: string;
  detail: string | null;
  /** A relative path to the thing itself. */
  link: string | null;
  facts: Record<string, unknown>;
  openedAt: Date;
  lastTrueAt: Date;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export interface AlertRow {
  id: string;
  rule: AlertRule;
  subject: string;
  state: 'open' | 'resolved';
  severity: 'warning' | 'critical';
  title: string;
  detail: string | null;
  link: string | null;
  facts: Record<string, unknown>;
  opened_at: Date;
  last_true_at: Date;
  resolved_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export const ALERT_COLUMNS =
  'id, rule, subject, state, severity, title, detail, link, facts, opened_at, last_true_at, resolved_at, acknowledged_at, acknowledged_by';

export function alertFromRow(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    rule: r.rule,
    subject: r.subject,
    state: r.state,
    severity: r.severity,
    title: r.title,
    detail: r.detail,
    link: r.link,
    facts: r.facts,
    openedAt: r.opened_at,
    lastTrueAt: r.last_true_at,
    resolvedAt: r.resolved_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}
