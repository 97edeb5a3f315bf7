import { formatWait } from '@/lib/format';

// What the bell and the alerts page say about an alert, pure so it is tested as words.

const RULE_LABELS: Record<string, string> = {
  waiting_approval: 'Waiting for a decision',
  low_credits: 'Low credits',
  provider_refusing: 'Provider refusing deliveries',
  provider_silent: 'Provider silent',
  dispatch_failed: 'Dispatch failed',
  missing_events: 'Missing events',
};

/** The rule as a person reads it; an unknown one (a newer server) by its name. */
export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule.replace(/_/g, ' ');
}

/** The bell's badge: the open count, "99+" past 99, nothing at 0. */
export function bellBadge(open: number): string | null {
  if (open <= 0) return null;
  return open > 99 ? '99+' : String(open);
}

const seconds = (from: string, to: Date | string) => (new Date(to).getTime() - new Date(from).getTime()) / 1000;

/** "open for 42 min" while open, "lasted 1 h 5 min" once resolved. */
export function alertSpan(alert: { openedAt: string; resolvedAt: string | null }, now: Date): string {
  return alert.resolvedAt ? `lasted ${formatWait(seconds(alert.openedAt, alert.resolvedAt))}` : `open for ${formatWait(seconds(alert.openedAt, now))}`;
}

/** "just now", "12 min ago", "3 h ago". */
export function ago(at: string, now: Date): string {
  const s = seconds(at, now);
  return s < 60 ? 'just now' : `${formatWait(s)} ago`;
}

/** A link the app may follow: a path of its own, never another origin (the API says relative). */
export function safeLink(link: string | null): string {
  return link && /^\/(?![/\\])/.test(link) ? link : '/alerts';
}
