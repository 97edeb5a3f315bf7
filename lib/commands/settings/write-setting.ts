import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { type Queryable, transaction } from '@/lib/db';

export interface SettingChange<T> {
  before: T | null;
  after: T | null;
  changed: boolean;
}

/**
 * Sets one team setting (null clears it; the value is stored as JSON), audited in the same transaction. The row is locked
 * first, so two admins saving at once each audit a true before/after.
 */
export async function writeSetting<T extends string | number | object>(
  actor: Actor,
  key: string,
  value: T | null,
  read: (stored: unknown) => T | null,
  /** The name the audit entry uses for the value (its before/after). */
  field: string,
  ip: string | null,
  /** What else must change with the value, in the same transaction (only when it changed). */
  onChange?: (client: Queryable, value: T | null) => Promise<void>,
): Promise<SettingChange<T>> {
  assertCan(actor, 'settings:manage');
  return transaction(async (client) => {
    const { rows } = await client.query<{ value: unknown }>('SELECT value FROM team_setting WHERE key = $1 FOR UPDATE', [key]);
    const before = rows[0] ? read(rows[0].value) : null;
    // JSON, as stored: a list is the same value when it has the same keys in the same order.
    if (JSON.stringify(before) === JSON.stringify(value)) return { before, after: value, changed: false };
    if (value === null) {
      await client.query('DELETE FROM team_setting WHERE key = $1', [key]);
    } else {
      await client.query(
        `INSERT INTO team_setting (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [key, JSON.stringify(value), actor.email],
      );
    }
    await onChange?.(client, value);
    await writeAudit(client, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'setting_changed',
      targetType: 'team_setting',
      targetId: key,
      before: { [field]: before },
      after: { [field]: value },
      ip,
    });
    return { before, after: value, changed: true };
  });
}
