import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { EXPECTED_EVENTS, PROVIDERS } from '@/lib/providers/registry';
import type { ExpectedEventsRule } from '@/lib/providers/types';

// Is each provider talking to us, and is it sending everything it should? Per provider: the
// last delivery, the last 24 hours' traffic, and calls whose closing events never came.

// What each provider should send last comes from its own folder (ProviderDefinition.expectedEvents).

/** How far back to look for incomplete calls: older gaps are history, not an incident. */
export const INCOMPLETE_LOOKBACK_DAYS = 7;
const EXAMPLES = 5;

export interface IncompleteCall {
  id: string;
  providerCallId: string;
  lastEventAt: string;
}

export interface ProviderHealth {
  provider: string;
  label: string;
  lastDeliveryAt: Date | null;
  deliveries24h: number;
  rejected24h: number;
  failed24h: number;
  /** Null when no rule says what this provider should send. */
  incomplete: { rule: ExpectedEventsRule; count: number; examples: IncompleteCall[] } | null;
}

interface TrafficRow {
  provider: string;
  last_at: Date | null;
  total: number;
  rejected: number;
  failed: number;
}
interface IncompleteRow {
  provider: string;
  count: number;
  examples: IncompleteCall[];
}

/** Per provider: one backward step on delivery(provider, received_at) and one 24-hour range. */
async function traffic(providers: string[]): Promise<TrafficRow[]> {
  const { rows } = await pool().query<TrafficRow>(
    `SELECT p.provider,
            (SELECT max(received_at) FROM delivery d WHERE d.provider = p.provider) AS last_at,
            t.total, t.rejected, t.failed
     FROM unnest($1::text[]) AS p(provider)
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
              count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE outcome = 'failed')::int AS failed
       FROM delivery d WHERE d.provider = p.provider AND d.received_at >= now() - interval '24 hours') t`,
    [providers],
  );
  return rows;
}

/**
 * Candidates come from call(last_event_at) within the lookback; each is then checked on
 * call_event(call_id, received_at): its real last event, and whether `after`/`expect` types exist.
 */
async function incomplete(rules: [string, ExpectedEventsRule][]): Promise<IncompleteRow[]> {
  if (rules.length === 0) return [];
  const { rows } = await pool().query<IncompleteRow>(
    `WITH rule AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(provider text, after_types text[], expect_types text[], grace_minutes int)
     ), missing AS (
       SELECT r.provider, c.id, c.provider_call_id, last.at
       FROM rule r
       JOIN call c ON c.provider = r.provider AND c.last_event_at >= now() - make_interval(days => $2::int)
       CROSS JOIN LATERAL (SELECT max(e.received_at) AS at FROM call_event e WHERE e.call_id = c.id) last
       WHERE last.at < now() - make_interval(mins => r.grace_minutes)
         AND EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = c.id AND e.type = ANY(r.after_types))
         AND NOT EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = c.id AND e.type = ANY(r.expect_types))
     )
     SELECT provider, count(*)::int AS count,
            to_jsonb((array_agg(jsonb_build_object('id', id, 'providerCallId', provider_call_id, 'lastEventAt', at) ORDER BY at DESC, id))[1:$3::int]) AS examples
     FROM missing GROUP BY provider`,
    [
      JSON.stringify(rules.map(([provider, r]) => ({ provider, after_types: r.after, expect_types: r.expect, grace_minutes: r.graceMinutes }))),
      INCOMPLETE_LOOKBACK_DAYS,
      EXAMPLES,
    ],
  );
  return rows;
}

export async function providerHealth(actor: Actor): Promise<ProviderHealth[]> {
  assertCan(actor, 'deliveries:read');
  const providers = Object.values(PROVIDERS);
  const rules = providers.flatMap((p): [string, ExpectedEventsRule][] => (EXPECTED_EVENTS[p.id] ? [[p.id, EXPECTED_EVENTS[p.id]!]] : []));
  const [trafficRows, incompleteRows] = await Promise.all([traffic(providers.map((p) => p.id)), incomplete(rules)]);
  return providers.map((p) => {
    const t = trafficRows.find((row) => row.provider === p.id);
    const rule = EXPECTED_EVENTS[p.id];
    const missing = incompleteRows.find((row) => row.provider === p.id);
    return {
      provider: p.id,
      label: p.label,
      lastDeliveryAt: t?.last_at ?? null,
      deliveries24h: t?.total ?? 0,
      rejected24h: t?.rejected ?? 0,
      failed24h: t?.failed ?? 0,
      incomplete: rule ? { rule, count: missing?.count ?? 0, examples: missing?.examples ?? [] } : null,
    };
  });
}
