import 'server-only';
import { ALERT_COLUMNS, type AlertRow, alertFromRow } from '@/lib/alerts/record';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import type { AlertListQuery } from '@/lib/schemas/alerts';
import { decodeCursor, encodeCursor } from '../cursor';

// The alerts, newest opened first, keyset-paged on (opened_at, id) (index alert_state_opened_at_idx).
// Alerts carry counts, kinds, providers and ids, never a customer's data (lib/queries/alerts/conditions.ts),
// so every signed-in role reads them whole; acknowledging is for approvers and admins.

export interface AlertItem {
  id: string;
  rule: string;
  subject: string;
  state: 'open' | 'resolved';
  severity: 'warning' | 'critical';
  title: string;
  detail: string | null;
  link: string | null;
  facts: Record<string, unknown>;
  openedAt: string;
  /** The last evaluation that found it true. */
  lastTrueAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface AlertPage {
  alerts: AlertItem[];
  nextCursor: string | null;
  counts: { open: number };
}

export function alertItem(row: AlertRow): AlertItem {
  const a = alertFromRow(row);
  return {
    ...a,
    openedAt: a.openedAt.toISOString(),
    lastTrueAt: a.lastTrueAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  };
}

export async function listAlerts(actor: Actor, q: AlertListQuery): Promise<AlertPage> {
  assertCan(actor, 'calls:read');
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.state !== 'all') where.push(`state = $${params.push(q.state)}`);
  if (q.rule) where.push(`rule = $${params.push(q.rule)}`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(`(opened_at, id) < ($${params.push(c.at)}::timestamptz, $${params.push(c.id)}::uuid)`);
  }
  const limit = q.limit;
  const [{ rows }, count] = await Promise.all([
    pool().query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alert ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC, id DESC LIMIT ${limit + 1}`,
      params,
    ),
    pool().query<{ open: number }>(`SELECT count(*)::int AS open FROM alert WHERE state = 'open'`),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    alerts: page.map(alertItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.opened_at, last.id) : null,
    counts: { open: count.rows[0]?.open ?? 0 },
  };
}
