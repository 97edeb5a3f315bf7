import type { ClientBase, QueryResult, QueryResultRow } from 'pg';

// node-postgres sends a query only once the previous one has answered, unless the client runs
// in pipeline mode (`pipeline: true`, see lib/db.ts ingestPool). Then consecutive statements of
// one transaction that do not need each other's answers in Node (BEGIN, the call locks and the
// event inserts; the call writes and COMMIT) go out in one write and come back in one read:
// Postgres still runs them one after the other, each with its own snapshot, so the result is
// the same as sending them one by one. Only the round trips are saved.

export interface Statement {
  text: string;
  values?: unknown[];
}

interface PipelinedClient {
  pipeline?: boolean;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
}

export const isPipelined = (client: ClientBase) => (client as unknown as PipelinedClient).pipeline === true;

/**
 * Runs the statements in order and answers their results in order. On a pipelined client they
 * share one round trip; otherwise each waits for the last, and a failure stops the rest.
 * Either way the first failure is thrown.
 */
export async function inOneTrip<R extends QueryResultRow = QueryResultRow>(client: ClientBase, statements: Statement[]): Promise<QueryResult<R>[]> {
  if (!isPipelined(client)) {
    const results: QueryResult<R>[] = [];
    for (const s of statements) results.push(await client.query<R>(s.text, s.values));
    return results;
  }
  // Corked, the statements' messages leave in one write (one syscall) instead of one each.
  const stream = (client as unknown as PipelinedClient).connection?.stream;
  stream?.cork?.();
  let pending: Promise<QueryResult<R>>[];
  try {
    pending = statements.map((s) => client.query<R>(s.text, s.values));
  } finally {
    stream?.uncork?.();
  }
  // Wait for every answer before throwing, so no rejection is left unobserved.
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<QueryResult<R>>).value);
}
