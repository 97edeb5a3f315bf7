import pg from 'pg';
import { createBatcher } from '../lib/ingest/batcher';
import { type AcceptedDelivery, type StoredDelivery, storeBatch } from '../lib/ingest/store-batch';
import { providerById } from '../lib/providers/registry';
import type { LoadResult } from './load';
import type { Delivery } from './traffic';

// The database ceiling: the very SQL the ingest path issues (storeBatch), batched the same way
// (64 per transaction, 2 transactions in flight on pipelined connections, as lib/ingest/ingest.ts
// and lib/db.ts ingestPool), fed by the same
// number of concurrent senders, with no HTTP, verification or parsing in front. Bodies are
// normalized before the clock starts.

const MAX_BATCH = 64;
const PARALLEL = 2;

function accepted(deliveries: readonly Delivery[]): AcceptedDelivery[] {
  return deliveries.map(({ provider, body, headers }) => {
    const definition = providerById(provider);
    if (!definition) throw new Error(`unknown provider ${provider}`);
    return {
      provider,
      endpoint: `/api/webhooks/${provider}`,
      receivedAt: new Date(),
      headers,
      body: Buffer.from(body),
      payload: null,
      verification: 'valid',
      event: definition.normalize(JSON.parse(body)),
    };
  });
}

export async function runDatabaseCeiling(url: string, deliveries: readonly Delivery[], concurrency: number): Promise<LoadResult> {
  const items = accepted(deliveries);
  const pool = new pg.Pool({ connectionString: url, max: PARALLEL, pipeline: true });
  const store = createBatcher<AcceptedDelivery, StoredDelivery>({
    maxBatch: MAX_BATCH,
    parallel: PARALLEL,
    run: async (batch) => {
      const client = await pool.connect();
      try {
        return await storeBatch(client, batch);
      } finally {
        client.release();
      }
    },
  });
  const latenciesMs = new Float64Array(items.length);
  const result: LoadResult = { requests: items.length, durationMs: 0, latenciesMs, byStatus: {} };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const started = performance.now();
      let status = '200';
      try {
        await store(items[i]!);
      } catch (error) {
        status = 'error';
        result.firstFailure ??= (error as Error).message;
      }
      latenciesMs[i] = performance.now() - started;
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  result.durationMs = performance.now() - started;
  await pool.end();
  return result;
}
