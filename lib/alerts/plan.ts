import type { AlertRule } from './rules';

// The lifecycle, decided without a database: given the alerts open now and the conditions that
// hold now, which alerts open, which stay open (refreshed, no notification) and which resolve.
// - a condition that holds with no open alert for its rule and subject opens one;
// - an open alert whose condition still holds is refreshed (last_true_at, title, facts);
// - an open alert whose condition no longer holds resolves only once it has not held for the
//   damping (since last_true_at): a flapping condition stays open, and never notifies again.

export type Severity = 'warning' | 'critical';

/** What a rule found to be true now, about one subject. */
export interface AlertCondition {
  rule: AlertRule;
  /** What it is about: an action kind, a provider id, an action id, or 'all'. */
  subject: string;
  severity: Severity;
  /** A sentence a person can act on: "3 orders waiting over 15 min — oldest 42 min". */
  title: string;
  detail: string | null;
  /** A relative path to the thing itself. */
  link: string | null;
  facts: Record<string, unknown>;
}

export interface OpenAlert {
  id: string;
  rule: AlertRule;
  subject: string;
  lastTrueAt: Date;
}

export interface AlertPlan {
  open: AlertCondition[];
  refresh: { alert: OpenAlert; condition: AlertCondition }[];
  resolve: OpenAlert[];
}

export const alertKey = (a: { rule: string; subject: string }) => `${a.rule}\u0000${a.subject}`;

/** The decision for one evaluation; `dampingMs` is how long a condition must be gone before its alert resolves. */
export function planAlerts(open: readonly OpenAlert[], conditions: readonly AlertCondition[], now: Date, dampingMs: number): AlertPlan {
  const holding = new Map<string, AlertCondition>();
  // One per key: a rule that reported a subject twice opens (or refreshes) it once.
  for (const c of conditions) if (!holding.has(alertKey(c))) holding.set(alertKey(c), c);
  const plan: AlertPlan = { open: [], refresh: [], resolve: [] };
  const seen = new Set<string>();
  for (const alert of open) {
    const key = alertKey(alert);
    // Two open for one key cannot happen (the partial unique index); if it ever did, the first is kept.
    if (seen.has(key)) continue;
    seen.add(key);
    const condition = holding.get(key);
    if (condition) plan.refresh.push({ alert, condition });
    else if (now.getTime() - alert.lastTrueAt.getTime() >= dampingMs) plan.resolve.push(alert);
  }
  for (const [key, condition] of holding) if (!seen.has(key)) plan.open.push(condition);
  return plan;
}
