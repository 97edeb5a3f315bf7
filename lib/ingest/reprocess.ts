import type { ClientBase } from 'pg';
import { writeAudit } from '@/lib/audit';
import { AppError, isUnavailable } from '@/lib/http/errors';
import { type ChunkResult, replayChunk } from './reprocess-chunk';
import { dropOrphans } from './reprocess-orphans';
import type { ReprocessProgress } from './reprocess-progress';
import { addCounts, emptyCounts, MAX_PROBLEMS, type ReprocessResult } from './reprocess-result';
import { countScope, type DeliveryRow, type PageCursor, type ReprocessScope, type ResolvedScope, readPage, resolveScope } from './reprocess-scope';

// Reprocess: rebuild calls from the stored raw deliveries with the code running now, so a
// parser fix reaches the past without anyone re-sending anything.
//
// The goal is the state the deliveries would have produced had they arrived with this code,
// reached by replay rather than by wiping and re-ingesting, because rows outside the pipeline
// hang on what it made: action decisions, and the ids actions and credit entries point at.
// - Input: deliveries we accepted as genuine (stored, duplicate, failed), plus parser refusals
//   with a whole body and a valid (or allowed unsigned) signature. Signature, size and content
//   type refusals are never reread: their verdict does not depend on the parser.
// - Each body is normalized again. One that still fails is left exactly as it is, and reported.
// - Events are matched by (provider, dedupe key): an existing row is rewritten in place, so it
//   keeps its id; a new key gets a new row. Arrival order is replayed from received_at: the
//   first delivery of a key is stored, the rest duplicates, and duplicate_count counts them,
//   as ingest would. Only outcome, event, call and event type of a delivery are rewritten; its
//   http_status and error are what we answered then, which is history.
// - Call-less events keep the call metadata linked them to on arrival (that decision depended
//   on which calls existed then); only events with no such history are linked now. One still
//   waiting joins a call of the chunk whose metadata contains it, as ingest joins it when its
//   call arrives (link-waiting.ts).
// - A delivery is filed under its event's call (the first delivery's), as ingest files it, so
//   a copy naming another call (an event id reused) makes no call to remove again each run.
// - Affected calls are created if missing and refolded from all their events with foldCall,
//   the same pure fold ingest uses. Actions are inserted if missing and follow their event's
//   call; status and decision columns are never written. Credit entries likewise.
// - Events no delivery produces any more are deleted at the end, unless a decided action hangs
//   on them.
// - Every write is "set only if different", so a second run changes nothing, and the audit
//   log gains only the run's own 'reprocess_run' row.
// - Concurrency: chunks of CHUNK_SIZE deliveries, one transaction each, lock calls exactly as
//   ingest does (lockCalls, key order, FOR UPDATE) and then events, so a run can go on while
//   webhooks arrive: a webhook for a call being rebuilt waits for its chunk to commit. A
//   session advisory lock keeps two runs from interleaving.

export const CHUNK_SIZE = 500;

/** pg_advisory_lock key of a run (any fixed number no other feature uses). */
const RUN_LOCK_KEY = 4_404_401;
const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

export interface ReprocessOptions {
  actor: { id: string | null; email: string | null };
  ip?: string | null;
  chunkSize?: number;
  /** Called after each chunk with the deliveries read so far of the run's total (counted first). */
  onProgress?: (progress: ReprocessProgress) => void;
}

async function inTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 3) throw error;
    }
  }
}

/**
 * A chunk the database refuses (a body it cannot hold, say) is retried one delivery at a time,
 * so one bad delivery is reported instead of holding back the rest.
 */
async function settleChunk(client: ClientBase, rows: DeliveryRow[], call: ResolvedScope['call']): Promise<ChunkResult> {
  try {
    return await inTransaction(client, () => replayChunk(client, rows, call));
  } catch (error) {
    if (isUnavailable(error)) throw error;
    if (rows.length > 1) {
      const parts: ChunkResult[] = [];
      for (const row of rows) parts.push(await settleChunk(client, [row], call));
      const merged: ChunkResult = { counts: emptyCounts(), problems: [], orphans: [] };
      for (const part of parts) {
        addCounts(merged.counts, part.counts);
        merged.problems.push(...part.problems);
        merged.orphans.push(...part.orphans);
      }
      return merged;
    }
    const counts = emptyCounts();
    counts.deliveries.considered = 1;
    counts.deliveries.failed = 1;
    return { counts, problems: rows.map((r) => ({ deliveryId: r.id, error: `Could not be stored: ${(error as Error).message}` })), orphans: [] };
  }
}

function auditTarget(scope: ReprocessScope): { targetType: string | null; targetId: string | null } {
  if (scope.kind === 'call') return { targetType: 'call', targetId: scope.callId };
  if (scope.kind === 'provider') return { targetType: 'provider', targetId: scope.provider };
  if (scope.kind === 'delivery') return { targetType: 'delivery', targetId: scope.deliveryId };
  return { targetType: null, targetId: null };
}

/** Runs on `client` (a dedicated connection: the run lock is held by its session). */
export async function reprocess(client: ClientBase, scope: ReprocessScope, opts: ReprocessOptions): Promise<ReprocessResult> {
  const { rows: lock } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RUN_LOCK_KEY]);
  if (!lock[0]?.locked) throw new AppError(409, 'reprocess_running', 'Another reprocess is running; try again when it has finished');
  const result: ReprocessResult = { scope, ...emptyCounts(), problems: [] };
  const audit = (after: Record<string, unknown>) =>
    writeAudit(client, { actorId: opts.actor.id, actorEmail: opts.actor.email, action: 'reprocess_run', ...auditTarget(scope), ip: opts.ip ?? null, after });
  const summary = () => ({ scope, deliveries: result.deliveries, events: result.events, calls: result.calls });
  let committed = false;
  try {
    const resolved = await resolveScope(client, scope);
    const until = new Date();
    const limit = opts.chunkSize ?? CHUNK_SIZE;
    const orphans = new Set<string>();
    const total = opts.onProgress ? await countScope(client, resolved, until) : 0;
    let done = 0;
    for (let after: PageCursor | null = null; ; ) {
      const rows = await readPage(client, resolved, until, after, limit);
      if (rows.length === 0) break;
      done += rows.length;
      const chunk = await settleChunk(client, rows, resolved.call);
      committed = true;
      addCounts(result, chunk.counts);
      result.problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - result.problems.length));
      for (const id of chunk.orphans) orphans.add(id);
      const last = rows[rows.length - 1]!;
      after = { receivedAt: last.received_at, id: last.id };
      opts.onProgress?.({ done, total: Math.max(total, done) });
      if (rows.length < limit) break;
    }
    // Counted into copies: a retried transaction must not count twice.
    const final = await inTransaction(client, async () => {
      const dropped = await dropOrphans(client, [...orphans]);
      const events = { ...result.events, deleted: dropped.deleted, kept: dropped.kept };
      const calls = { ...result.calls, updated: result.calls.updated + dropped.calls.updated, removed: result.calls.removed + dropped.calls.removed };
      await audit({ scope, deliveries: result.deliveries, events, calls });
      return { events, calls };
    });
    Object.assign(result, final);
    return result;
  } catch (error) {
    // Chunks already committed changed data: the log must say so, even for a run that failed.
    if (committed) await audit({ ...summary(), error: (error as Error).message }).catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK_KEY]).catch(() => undefined);
  }
}
