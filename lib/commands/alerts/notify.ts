import 'server-only';
import { alertChannel, configuredAlertChannels } from '@/lib/alert-channels/registry';
import type { AlertEvent } from '@/lib/alert-channels/types';
import type { Tx } from '@/lib/db';
import { dispatchConfig } from '@/lib/dispatch/config';
import { drainAlertsSoon } from '@/lib/dispatch/drain-soon';
import { env } from '@/lib/env';

// An alert's opening or resolution, told to every configured channel through the outbox: one row
// per channel per event, written in the transaction that opens or resolves the alert, so each is
// sent exactly once (UNIQUE (alert_id, alert_event, destination)) and retried by the same drain
// that sends approved actions. Unconfigured channels get no row, so nothing ever calls them.

/**
 * Queues the notifications of `event` for `alert` (its row as it stands in this transaction:
 * resolve it first, then queue 'resolved'); returns how many rows were new. Queuing the same
 * event again is a no-op, however often an evaluation repeats. After the commit they are sent
 * right after the response (or by the every-minute dispatch cron).
 */
export async function queueAlertNotifications(
  tx: Tx,
  alert: { id: string },
  event: AlertEvent,
  channels: readonly string[] = configuredAlertChannels(dispatchConfig(env())),
): Promise<number> {
  // A name no channel answers to would wait in the outbox forever.
  const known = channels.filter((name) => alertChannel(name) !== null);
  if (known.length === 0) return 0;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO dispatch_outbox (alert_id, alert_event, kind, destination, payload, status, next_attempt_at)
     SELECT a.id, $2, 'alert', d.destination,
            jsonb_build_object(
              'rule', a.rule, 'subject', a.subject, 'event', $2::text, 'severity', a.severity, 'title', a.title,
              'detail', a.detail, 'link', a.link,
              'openedAt', to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'resolvedAt', CASE WHEN $2 = 'resolved'
                            THEN to_char(COALESCE(a.resolved_at, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
              'facts', a.facts),
            'pending', now()
     FROM alert a CROSS JOIN unnest($3::text[]) AS d(destination)
     WHERE a.id = $1
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [alert.id, event, known],
  );
  if (rows.length > 0) tx.afterCommit(() => drainAlertsSoon([alert.id]));
  return rows.length;
}
