import 'server-only';
import type { Queryable } from '@/lib/db';
import type { AlertRecord } from './record';

// PLACEHOLDER until H18b's lib/alerts/notify.ts lands (H18b owns this file and replaces it whole):
// the outbox row contract of issue 18, one row per configured channel per event.

export type AlertEvent = 'opened' | 'resolved';
export type AlertChannel = 'slack' | 'email';

/** The channels configured in the environment (H18b validates them in lib/env.ts). */
function configuredChannels(): AlertChannel[] {
  const out: AlertChannel[] = [];
  if (process.env.SLACK_WEBHOOK_URL) out.push('slack');
  if (process.env.SMTP_URL && process.env.ALERT_EMAILS) out.push('email');
  return out;
}

/** Queues the notification of one alert's opening or resolution, in the evaluation's transaction (a second call for the same event queues nothing). */
export async function queueAlertNotifications(
  tx: Queryable,
  alert: AlertRecord,
  event: AlertEvent,
  channels: AlertChannel[] = configuredChannels(),
): Promise<void> {
  if (channels.length === 0) return;
  const payload = {
    rule: alert.rule,
    subject: alert.subject,
    event,
    severity: alert.severity,
    title: alert.title,
    detail: alert.detail,
    link: alert.link,
    openedAt: alert.openedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    facts: alert.facts,
  };
  await tx.query(
    `INSERT INTO dispatch_outbox (alert_id, alert_event, kind, destination, payload, status, next_attempt_at)
     SELECT $1, $2, 'alert', d, $4::jsonb, 'pending', now() FROM unnest($3::text[]) d
     ON CONFLICT DO NOTHING`,
    [alert.id, event, channels, JSON.stringify(payload)],
  );
}
