import { testDb, uid } from './webhooks';

// Calls made straight in the table, as the fold would leave them (search_text included), for
// tests of the list and its export that need exact field values.

export interface Seed {
  provider?: string;
  status?: string;
  customerNumber?: string | null;
  agentId?: string | null;
  metadata?: Record<string, unknown>;
  startedAt?: Date | null;
  lastEventAt?: Date;
  /** When the call happened; by default its lastEventAt, the one instant most seeds give a call. */
  occurredAt?: Date;
  durationSeconds?: number | null;
  creditsUsed?: number | null;
  success?: boolean | null;
  summary?: string | null;
  transcript?: { role: string; text: string; at: null }[] | null;
  disposition?: string | null;
}

/** A call row as the fold would leave it (search_text included), straight into the table. */
export async function insertCall(marker: string, seed: Seed = {}): Promise<{ id: string; providerCallId: string }> {
  const providerCallId = uid('call');
  const metadata = { marker, ...seed.metadata };
  const customerNumber = seed.customerNumber === undefined ? '+911234567890' : seed.customerNumber;
  const agentId = seed.agentId ?? null;
  const searchText = ([providerCallId, customerNumber, agentId, ...Object.values(metadata)] as unknown[])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).toLowerCase())
    .join(' ');
  const { rows } = await testDb().query<{ id: string }>(
    `INSERT INTO call (provider, provider_call_id, status, customer_number, to_number, direction, agent_id, metadata, started_at, last_event_at,
                       duration_seconds, credits_used, success, summary, transcript, disposition, search_text, occurred_at)
     VALUES ($1, $2, $3, $4, $4, 'outbound', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      seed.provider ?? 'mirai',
      providerCallId,
      seed.status ?? 'completed',
      customerNumber,
      agentId,
      JSON.stringify(metadata),
      seed.startedAt === undefined ? new Date() : seed.startedAt,
      seed.lastEventAt ?? new Date(),
      seed.durationSeconds ?? null,
      seed.creditsUsed ?? null,
      seed.success ?? null,
      seed.summary ?? null,
      seed.transcript ? JSON.stringify(seed.transcript) : null,
      seed.disposition ?? null,
      searchText,
      seed.occurredAt ?? seed.lastEventAt ?? new Date(),
    ],
  );
  return { id: String(rows[0]?.id), providerCallId };
}

/** A window of time no other test writes into, so date filters isolate a test's calls. */
export function privateWindow(): { at: (minutes: number) => Date; query: string } {
  const start = Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000);
  return { at, query: `from=${at(0).toISOString()}&to=${at(600).toISOString()}` };
}
