import { z } from 'zod';
import type { Http, SendResult } from '@/lib/action-kinds/destination';
import type { DispatchConfig } from '@/lib/env-dispatch';

// The contract of an alert channel: where an alert's notification goes (a Slack-compatible
// webhook, email) and how one outbox row becomes one message. Dispatch (lib/dispatch) asks the
// registry and names no channel; a channel imports nothing from dispatch, and gets the HTTP it
// may use (configured hosts only) handed in, as an action kind's destination does.

export const ALERT_EVENTS = ['opened', 'resolved'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** The outbox payload of a notification, as lib/commands/alerts/notify.ts writes it. */
export const alertNotificationSchema = z.object({
  rule: z.string(),
  subject: z.string(),
  event: z.enum(ALERT_EVENTS),
  severity: z.string(),
  title: z.string().min(1),
  detail: z.string().nullable(),
  /** A path of the app (/approvals?kind=create_order); the channel makes it absolute. */
  link: z.string().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Kept in the outbox for the record; channels do not send them (they may name people). */
  facts: z.record(z.string(), z.unknown()),
});
export type AlertNotification = z.infer<typeof alertNotificationSchema>;

/** One outbox row of a notification, as a channel sees it. */
export interface AlertMessage {
  /** The outbox row id: the same on every attempt (an email's Message-ID). */
  id: string;
  alertId: string;
  event: AlertEvent;
  payload: AlertNotification;
  /** 1 on the first attempt. */
  attempt: number;
}

export interface AlertSender {
  send(message: AlertMessage): Promise<SendResult>;
}

export interface AlertChannel {
  /** As stored in dispatch_outbox.destination. */
  name: string;
  /** Is it configured on this server? Rows are queued only for configured channels. */
  configured(config: DispatchConfig): boolean;
  /** Human words: "Slack (hooks.slack.com)". */
  label(config: DispatchConfig): string;
  /** host[:port] it is reached at over HTTP: added to the outbound allow-list. */
  hosts(config: DispatchConfig): string[];
  sender(config: DispatchConfig, http: Http): AlertSender | null;
}
