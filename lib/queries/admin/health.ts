import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool, type Queryable } from '@/lib/db';
import { deliveryCause } from '@/lib/delivery-causes';
import { EXPECTED_EVENTS, PROVIDERS } from '@/lib/providers/registry';
import type { ExpectedEventsRule } from '@/lib/providers/types';

// Is each provider talking to us, and is it sending everything it should? Per provider: the
// last delivery, the last 24 hours' traffic and why deliveries were refused, a verdict (failing,
// silent, some refused, healthy), and calls whose closing events never came.

// What each provider should send last comes from its own folder (ProviderDefinition.expectedEvents).

/** How far back to look for incomplete calls: older gaps are history, not an incident. */
export const INCOMPLETE_LOOKBACK_DAYS = 7;
const EXAMPLES = 5;

/**
 * The verdict's thresholds (README, "Deliveries and provider health"):
 * - judged on the last hour's deliveries when there were any, else on the last 24 hours', so a
 *   fixed secret shows as fixed within the hour;
 * - failing: at least half of them refused (rejected) or kept unprocessed (failed);
 * - silent: nothing received for as long as its usual rate (the 7 days before its last delivery)
 *   would have sent 5 or more, while another provider delivered meanwhile;
 * - some refused: any refused or failed delivery in the judged window, below the failing share.
 */
export const HEALTH_RULES = { recentMinutes: 60, windowHours: 24, failingShare: 0.5, rateDays: 7, silentExpected: 5 } as const;

export type HealthState = 'failing' | 'silent' | 'degraded' | 'healthy' | 'idle';

export interface IncompleteCall {
  id: string;
  providerCallId: string;
  lastEventAt: string;
}

/** Refused or unprocessed deliveries of the last 24 hours, by their stored error code. */
export interface RefusalCause {
  code: string;
  outcome: 'rejected' | 'failed';
  label: string;
  count: number;
}

export interface ProviderHealth {
  provider: string;
  label: string;
  state: HealthState;
  /** One sentence: why the verdict, with the real cause. */
  reason: string;
  lastDeliveryAt: Date | null;
  deliveries24h: number;
  rejected24h: number;
  failed24h: number;
  causes: RefusalCause[];
  /** Which window the verdict was judged on, and what it held. */
  judged: { window: '1h' | '24h'; deliveries: number; refused: number };
  /** Set when it has gone quiet for longer than its usual rate explains. */
  silence: { hours: number; usualPerHour: number; othersMeanwhile: number } | null;
  /** Null when no rule says what this provider should send. */
  incomplete: { rule: ExpectedEventsRule; count: number; examples: IncompleteCall[] } | null;
}

export interface TrafficRow {
  provider: string;
  last_at: Date | null;
  total: number;
  rejected: number;
  failed: number;
  recent_total: number;
  recent_refused: number;
  /** Deliveries in the rate window before last_at. */
  usual: number;
  /** Other providers' deliveries after last_at (capped). */
  others: number;
}
interface CauseRow {
  provider: string;
  outcome: 'rejected' | 'failed';
  code: string | null;
  count: number;
}
export interface IncompleteRow {
  provider: string;
  count: number;
  examples: IncompleteCall[];
}

/** Per provider: its last delivery, the 24-hour and one-hour counts, its usual rate and who spoke since (the alerts read it too). */
export async function traffic(providers: string[], now: Date, db: Queryable = pool()): Promise<TrafficRow[]> {
  const { rows } = await db.query<TrafficRow>(
    `SELECT p.provider, last.at AS last_at, t.total, t.rejected, t.failed, t.recent_total, t.recent_refused,
            coalesce(u.usual, 0)::int AS usual, coalesce(o.others, 0)::int AS others
     FROM unnest($1::text[]) AS p(provider)
     CROSS JOIN LATERAL (SELECT max(received_at) AS at FROM delivery d WHERE d.provider = p.provider AND d.received_at <= $2::timestamptz) last
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
              count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
              count(*) FILTER (WHERE received_at > $2::timestamptz - make_interval(mins => $3))::int AS recent_total,
              count(*) FILTER (WHERE received_at > $2::timestamptz - make_interval(mins => $3) AND outcome IN ('rejected', 'failed'))::int AS recent_refused
       FROM delivery d WHERE d.provider = p.provider AND d.received_at > $2::timestamptz - make_interval(hours => $4) AND d.received_at <= $2::timestamptz) t
     LEFT JOIN LATERAL (
       SELECT count(*) AS usual FROM delivery d
       WHERE d.provider = p.provider AND d.received_at > last.at - make_interval(days => $5) AND d.received_at <= last.at) u ON true
     LEFT JOIN LATERAL (
       SELECT count(*) AS others FROM (SELECT 1 FROM delivery d WHERE d.received_at > last.at AND d.received_at <= $2::timestamptz AND d.provider <> p.provider LIMIT 1000) x) o ON true`,
    [providers, now, HEALTH_RULES.recentMinutes, HEALTH_RULES.windowHours, HEALTH_RULES.rateDays],
  );
  return rows;
}

async function causes(providers: string[], now: Date): Promise<CauseRow[]> {
  const { rows } = await pool().query<CauseRow>(
    `SELECT provider, outcome, error_code AS code, count(*)::int AS count
     FROM delivery
     WHERE provider = ANY($1::text[]) AND received_at > $2::timestamptz - make_interval(hours => $3) AND received_at <= $2::timestamptz AND outcome IN ('rejected', 'failed')
     GROUP BY provider, outcome, error_code
     ORDER BY count(*) DESC, error_code`,
    [providers, now, HEALTH_RULES.windowHours],
  );
  return rows;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function duration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

function rate(perHour: number): string {
  return perHour >= 1 ? `about ${Math.round(perHour)} an hour` : `about ${Math.round(perHour * 24)} a day`;
}

/** The verdict for one provider from its counts: pure, so every threshold is unit-tested. */
export function judgeHealth(t: TrafficRow | undefined, refusals: RefusalCause[], now: Date): Pick<ProviderHealth, 'state' | 'reason' | 'judged' | 'silence'> {
  const recent = (t?.recent_total ?? 0) > 0;
  const judged = recent
    ? { window: '1h' as const, deliveries: t?.recent_total ?? 0, refused: t?.recent_refused ?? 0 }
    : { window: '24h' as const, deliveries: t?.total ?? 0, refused: (t?.rejected ?? 0) + (t?.failed ?? 0) };
  const windowWords = recent ? 'in the last hour' : 'in the last 24 h';
  const top = refusals[0];
  const cause = top ? `: ${top.label}${refusals.length > 1 ? ` (and ${plural(refusals.length - 1, 'other cause')})` : ''}` : '';

  let silence: ProviderHealth['silence'] = null;
  if (t?.last_at) {
    const hours = (now.getTime() - t.last_at.getTime()) / 3_600_000;
    const usualPerHour = t.usual / (HEALTH_RULES.rateDays * 24);
    if (usualPerHour * hours >= HEALTH_RULES.silentExpected && t.others > 0) silence = { hours, usualPerHour, othersMeanwhile: t.others };
  }

  if (judged.deliveries > 0 && judged.refused / judged.deliveries >= HEALTH_RULES.failingShare) {
    return {
      state: 'failing',
      reason: `${judged.refused} of ${plural(judged.deliveries, 'delivery', 'deliveries')} ${windowWords} refused${cause}`,
      judged,
      silence,
    };
  }
  if (silence) {
    const others = silence.othersMeanwhile >= 1000 ? '1000+' : String(silence.othersMeanwhile);
    return {
      state: 'silent',
      reason: `Nothing received for ${duration(silence.hours)}; it usually sends ${rate(silence.usualPerHour)}, and other providers delivered ${others} meanwhile`,
      judged,
      silence,
    };
  }
  if (judged.refused > 0)
    return {
      state: 'degraded',
      reason: `${judged.refused} of ${plural(judged.deliveries, 'delivery', 'deliveries')} ${windowWords} refused${cause}`,
      judged,
      silence,
    };
  if (!t?.last_at) return { state: 'idle', reason: 'No deliveries yet', judged, silence };
  if (judged.deliveries === 0) return { state: 'idle', reason: 'No deliveries in the last 24 h', judged, silence };
  return { state: 'healthy', reason: `Every delivery ${windowWords} accepted`, judged, silence };
}

/**
 * Candidates come from call(last_event_at) within the lookback; each is then checked on
 * call_event(call_id, received_at): its real last event, and whether `after`/`expect` types exist.
 */
export async function incomplete(rules: [string, ExpectedEventsRule][], now: Date, db: Queryable = pool()): Promise<IncompleteRow[]> {
  if (rules.length === 0) return [];
  const { rows } = await db.query<IncompleteRow>(
    `WITH rule AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(provider text, after_types text[], expect_types text[], grace_minutes int)
     ), missing AS (
       SELECT r.provider, c.id, c.provider_call_id, last.at
       FROM rule r
       JOIN call c ON c.provider = r.provider AND c.last_event_at >= $4::timestamptz - make_interval(days => $2::int) AND c.last_event_at <= $4::timestamptz
       CROSS JOIN LATERAL (SELECT max(e.received_at) AS at FROM call_event e WHERE e.call_id = c.id) last
       WHERE last.at < $4::timestamptz - make_interval(mins => r.grace_minutes)
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
      now,
    ],
  );
  return rows;
}

/** `now` is the moment the cards describe (the page passes its own; tests look at a past moment). */
export async function providerHealth(actor: Actor, now: Date = new Date()): Promise<ProviderHealth[]> {
  assertCan(actor, 'deliveries:read');
  const providers = Object.values(PROVIDERS);
  const ids = providers.map((p) => p.id);
  const rules = providers.flatMap((p): [string, ExpectedEventsRule][] => (EXPECTED_EVENTS[p.id] ? [[p.id, EXPECTED_EVENTS[p.id]!]] : []));
  const [trafficRows, causeRows, incompleteRows] = await Promise.all([traffic(ids, now), causes(ids, now), incomplete(rules, now)]);
  return providers.map((p) => {
    const t = trafficRows.find((row) => row.provider === p.id);
    const refusals = causeRows
      .filter((row) => row.provider === p.id)
      .map((row): RefusalCause => ({ code: row.code ?? 'unknown', outcome: row.outcome, label: deliveryCause(row.code), count: row.count }));
    const rule = EXPECTED_EVENTS[p.id];
    const missing = incompleteRows.find((row) => row.provider === p.id);
    return {
      provider: p.id,
      label: p.label,
      ...judgeHealth(t, refusals, now),
      lastDeliveryAt: t?.last_at ?? null,
      deliveries24h: t?.total ?? 0,
      rejected24h: t?.rejected ?? 0,
      failed24h: t?.failed ?? 0,
      causes: refusals,
      incomplete: rule ? { rule, count: missing?.count ?? 0, examples: missing?.examples ?? [] } : null,
    };
  });
}
