import type { Queryable } from '@/lib/db';

// The audit log is append-only (a trigger refuses UPDATE and DELETE). Writers pass the client
// of the transaction that made the change, so the change and its record commit together.

/** Everything the audit log records; a new audited operation adds its name here. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'user_created',
  'role_changed',
  'sessions_revoked',
  'token_created',
  'token_revoked',
  'setting_changed',
  'export_downloaded',
  'reprocess_run',
  'action_approved',
  'action_rejected',
  'action_undone',
  'action_redispatched',
  'action_marked_sent',
  // WhatsApp's status webhook moved a sent message's action (lib/whatsapp/reconcile.ts).
  'action_message_failed',
  'action_message_requeued',
  'action_message_recovered',
  'action_resent_as_template',
  // Someone took on an alert (lib/commands/alerts/acknowledge.ts).
  'alert_acknowledged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_email, action, target_type, target_id, before, after, ip)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
    [
      entry.actorId ?? null,
      entry.actorEmail ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.ip ?? null,
    ],
  );
}
