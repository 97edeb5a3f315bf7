import 'server-only';
import { ingestPool } from '@/lib/db';
import { createBatcher } from './batcher';
import { type AcceptedDelivery, type StoredDelivery, storeBatch } from './store-batch';

/** Batches in flight at once, each on its own connection of the ingest pool. */
export const INGEST_PARALLEL = 2;
const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

async function run(items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await ingestPool(INGEST_PARALLEL).connect();
    try {
      return await storeBatch(client, items);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 3) throw error;
    } finally {
      client.release();
    }
  }
}

const globalForIngest = globalThis as unknown as { callboardIngest?: (d: AcceptedDelivery) => Promise<StoredDelivery> };

/** Stores one verified delivery; resolves once it is committed. Concurrent calls share a transaction. */
export function ingest(delivery: AcceptedDelivery): Promise<StoredDelivery> {
  globalForIngest.callboardIngest ??= createBatcher({ run, maxBatch: 64, parallel: INGEST_PARALLEL });
  return globalForIngest.callboardIngest(delivery);
}
