import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { maskRows } from '@/lib/queries/privacy';
import type { CallExportFilters, CallListItem } from '@/lib/schemas/calls';
import { conditionsFor } from './list';
import { exportSql } from './list-sql';

// The CSV export reads through a server-side cursor inside one read-only, repeatable-read
// transaction: every batch comes from the same snapshot (exactly the filtered set at the moment
// the export began, however long the download takes) and only one batch is in memory at a time.

export type ExportRow = CallListItem & { fromNumber: string | null; toNumber: string | null };

const BATCH = 1000;

/** The zone export times are written in (and its days mean): the request's, the team's, else UTC. */
export async function exportTimeZone(actor: Actor, filters: CallExportFilters): Promise<string> {
  return filters.tz ?? (await getTeamTimeZone(actor)) ?? 'UTC';
}

export async function auditExport(actor: Actor, filters: CallExportFilters, timeZone: string, ip: string | null): Promise<void> {
  await writeAudit(pool(), {
    actorId: actor.userId,
    actorEmail: actor.email,
    action: 'export_downloaded',
    targetType: 'calls',
    after: { filters, timeZone },
    ip,
  });
}

/**
 * Batches of the filtered calls, in the list's order. A short batch is the last: the transaction
 * ends and the connection goes back before it is yielded, so an export of under 1000 calls holds
 * no connection once its first batch is read — even if nobody ever reads the response. Stopping
 * early (the download was cancelled) runs the finally block through the generator's return(),
 * which ends the transaction and gives the connection back.
 */
export async function* exportCalls(actor: Actor, filters: CallExportFilters): AsyncGenerator<ExportRow[], void, undefined> {
  assertCan(actor, 'calls:read');
  // The caller passes the zone it prints times in, so days and times agree.
  const query = exportSql(await conditionsFor(actor, filters), filters.sort, filters.dir);
  const client = await pool().connect();
  let released = false;
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE calls_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const { rows } = await client.query<ExportRow>(`FETCH ${BATCH} FROM calls_export`);
      const last = rows.length < BATCH;
      if (last) {
        await client.query('COMMIT');
        released = true;
        client.release();
      }
      if (rows.length > 0) yield await maskRows(actor, rows, (r) => r.id);
      if (last) return;
    }
  } finally {
    // Still open when the download was cancelled or a query failed; a client that cannot even
    // roll back is discarded rather than returned to the pool.
    if (!released) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      client.release(broken);
    }
  }
}
