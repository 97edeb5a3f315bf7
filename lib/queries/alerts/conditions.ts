import 'server-only';
import { actionKind } from '@/lib/action-kinds/registry';
import type { AlertCondition } from '@/lib/alerts/plan';
import { type AlertRule, type AlertRulesSettings, waitingLimit } from '@/lib/alerts/rules';
import { duration, windowOpenedAt } from '@/lib/alerts/window';
import type { Queryable } from '@/lib/db';
import { deliveryCause } from '@/lib/delivery-causes';
import { EXPECTED_EVENTS, PROVIDERS } from '@/lib/providers/registry';
import type { ExpectedEventsRule } from '@/lib/providers/types';
import { incomplete, judgeHealth, traffic } from '../admin/health';

// What each alert rule finds true at `now`, as SQL: each is one bounded statement on an index
// (action(status, created_at); credit_entry(at); delivery(provider, received_at);
// dispatch_outbox(status, …); call(provider, last_event_at)), so the every-minute evaluation stays cheap.
// Titles say what to do something about; they carry counts, kinds, providers and ids, never a
// customer's data, so every signed-in role may read them (GET /api/alerts).

export interface ConditionContext {
  now: Date;
  settings: AlertRulesSettings;
  /** The low-balance threshold setting (credits), or null when none is set. */
  lowBalanceThreshold: number | null;
  /** The team's zone (the working window is in it); UTC when unset. */
  timeZone: string | null;
}

const MINUTE = 60_000;
/** A provider counts as in use when it delivered within this many days (the working window ignores the others). */
const IN_USE_DAYS = 28;
/** Failed dispatches: one alert per action, the newest this many (older ones open as these resolve). */
const FAILED_DISPATCH_LIMIT = 100;

const providerLabel = (id: string) => PROVIDERS[id]?.label ?? id;

/** "1 order", "3 orders"; a kind without a plug-in: "1 mark_prepaid action". */
function kindCount(kind: string, n: number): string {
  const words = actionKind(kind)?.words;
  if (!words) return `${n} ${kind} ${n === 1 ? 'action' : 'actions'}`;
  return `${n} ${n === 1 ? words.replace(/s$/, '') : words}`;
}

async function waitingApproval(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const { settings, now } = ctx;
  const limits = Object.values(settings.waitingApproval.perKind);
  const shortest = Math.min(settings.waitingApproval.minutes, ...limits);
  const { rows } = await db.query<{ kind: string; count: number; oldest: Date }>(
    `SELECT kind, count(*)::int AS count, min(created_at) AS oldest
     FROM action
     WHERE status = 'pending' AND created_at <= $1::timestamptz - make_interval(mins => $4)
       AND created_at <= $1::timestamptz - make_interval(mins => coalesce(($2::jsonb ->> kind)::int, $3))
     GROUP BY kind ORDER BY kind`,
    [now, JSON.stringify(settings.waitingApproval.perKind), settings.waitingApproval.minutes, shortest],
  );
  return rows.map((r) => {
    const limit = waitingLimit(settings, r.kind);
    const waited = now.getTime() - r.oldest.getTime();
    return {
      rule: 'waiting_approval',
      subject: r.kind,
      severity: waited >= 4 * limit * MINUTE ? 'critical' : 'warning',
      title: `${kindCount(r.kind, r.count)} waiting over ${limit} min — oldest ${duration(waited)}`,
      detail: 'A decision is needed on the Approvals page.',
      link: `/approvals?kind=${encodeURIComponent(r.kind)}`,
      facts: { kind: r.kind, count: r.count, limitMinutes: limit, oldestAt: r.oldest.toISOString(), oldestMinutes: Math.floor(waited / MINUTE) },
    };
  });
}

const credits = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100));

async function lowCredits(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const { rows } = await db.query<{ balance: number | null; balance_at: Date | null; used7: number }>(
    `WITH latest AS (
       SELECT e.available, e.at FROM unnest($1::text[]) p,
         LATERAL (SELECT available, at FROM credit_entry WHERE provider = p AND available IS NOT NULL AND at <= $2 ORDER BY at DESC LIMIT 1) e
     )
     SELECT (SELECT sum(available)::float8 FROM latest) AS balance, (SELECT max(at) FROM latest) AS balance_at,
            (SELECT coalesce(sum(used), 0)::float8 FROM credit_entry WHERE at > $2::timestamptz - interval '7 days' AND at <= $2 AND provider = ANY($1::text[])) AS used7`,
    [Object.keys(PROVIDERS), ctx.now],
  );
  const row = rows[0];
  if (!row || row.balance === null) return [];
  const balance = row.balance;
  const perDay = row.used7 > 0 ? row.used7 / 7 : 0;
  const daysLeft = perDay > 0 ? Math.max(0, balance) / perDay : null;
  const threshold = ctx.lowBalanceThreshold;
  const belowThreshold = threshold !== null && balance <= threshold;
  const runningOut = daysLeft !== null && daysLeft <= ctx.settings.lowCredits.runOutDays;
  if (!belowThreshold && !runningOut) return [];
  const pace =
    daysLeft !== null
      ? `about ${daysLeft < 1 ? 'less than a day' : `${Math.floor(daysLeft)} ${Math.floor(daysLeft) === 1 ? 'day' : 'days'}`} left at the last 7 days' pace (${credits(perDay)} a day)`
      : null;
  const title =
    balance <= 0
      ? 'Credits have run out'
      : belowThreshold
        ? `Credits low: ${credits(balance)} left, at or below the ${credits(threshold)} threshold`
        : `Credits run out soon: ${credits(balance)} left, ${pace}`;
  return [
    {
      rule: 'low_credits',
      subject: 'all',
      severity: balance <= 0 || (daysLeft !== null && daysLeft < 1) ? 'critical' : 'warning',
      title,
      detail: belowThreshold && pace ? `${pace[0]?.toUpperCase()}${pace.slice(1)}. Top up with the provider.` : 'Top up with the provider.',
      link: '/analytics',
      facts: { balance, balanceAt: row.balance_at?.toISOString() ?? null, threshold, perDay, daysLeft, runOutDays: ctx.settings.lowCredits.runOutDays },
    },
  ];
}

async function providerRefusing(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const { percent, minDeliveries, windowMinutes } = ctx.settings.providerRefusing;
  const { rows } = await db.query<{ provider: string; total: number; refused: number; top_code: string | null }>(
    `SELECT provider, count(*)::int AS total, count(*) FILTER (WHERE outcome IN ('rejected', 'failed'))::int AS refused,
            mode() WITHIN GROUP (ORDER BY error_code) FILTER (WHERE outcome IN ('rejected', 'failed')) AS top_code
     FROM delivery
     WHERE provider = ANY($1::text[]) AND received_at > $2::timestamptz - make_interval(mins => $3) AND received_at <= $2
     GROUP BY provider ORDER BY provider`,
    [Object.keys(PROVIDERS), ctx.now, windowMinutes],
  );
  return rows
    .filter((r) => r.total >= minDeliveries && r.refused * 100 >= percent * r.total)
    .map((r) => {
      const share = r.refused / r.total;
      return {
        rule: 'provider_refusing',
        subject: r.provider,
        severity: share >= 0.5 ? 'critical' : 'warning',
        title: `${providerLabel(r.provider)}: ${r.refused} of ${r.total} deliveries refused in the last ${windowMinutes} min — ${deliveryCause(r.top_code)}`,
        detail: `At least ${percent}% of at least ${minDeliveries} deliveries refused. The provider's calls are not being recorded while this lasts.`,
        link: `/deliveries?provider=${encodeURIComponent(r.provider)}&outcome=rejected`,
        facts: { provider: r.provider, total: r.total, refused: r.refused, share, topCause: r.top_code, windowMinutes },
      };
    });
}

async function providerSilent(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const { hours, window } = ctx.settings.providerSilent;
  const { now } = ctx;
  const rows = await traffic(Object.keys(PROVIDERS), now, db);
  const out: AlertCondition[] = [];
  for (const t of rows) {
    if (!t.last_at) continue;
    const silentMs = now.getTime() - t.last_at.getTime();
    const base = {
      rule: 'provider_silent' as const,
      subject: t.provider,
      severity: 'warning' as const,
      link: `/deliveries?provider=${encodeURIComponent(t.provider)}`,
    };
    if (window) {
      // Inside the working window: silent since the later of its last delivery and the window's opening.
      const opened = windowOpenedAt(window, now, ctx.timeZone ?? 'UTC');
      if (!opened || silentMs > IN_USE_DAYS * 86_400_000) continue;
      const quietMs = now.getTime() - Math.max(opened.getTime(), t.last_at.getTime());
      if (quietMs < hours * 3_600_000) continue;
      out.push({
        ...base,
        title: `${providerLabel(t.provider)} silent for ${duration(silentMs)} inside working hours (${window.start}–${window.end})`,
        detail: 'No webhook received while calls are expected. Check the provider and its webhook URL.',
        facts: { provider: t.provider, lastDeliveryAt: t.last_at.toISOString(), silentHours: silentMs / 3_600_000, window },
      });
      continue;
    }
    // Learned from its own last weeks: the health page's verdict (HEALTH_RULES), and at least `hours` of it.
    const { silence } = judgeHealth(t, [], now);
    if (!silence || silence.hours < hours) continue;
    const usual = silence.usualPerHour >= 1 ? `about ${Math.round(silence.usualPerHour)} an hour` : `about ${Math.round(silence.usualPerHour * 24)} a day`;
    out.push({
      ...base,
      title: `${providerLabel(t.provider)} silent for ${duration(silentMs)} — it usually sends ${usual}`,
      detail: 'Other providers delivered meanwhile. Check the provider and its webhook URL.',
      facts: {
        provider: t.provider,
        lastDeliveryAt: t.last_at.toISOString(),
        silentHours: silence.hours,
        usualPerHour: silence.usualPerHour,
        othersMeanwhile: silence.othersMeanwhile,
      },
    });
  }
  return out;
}

async function dispatchFailed(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const { rows } = await db.query<{
    action_id: string;
    kind: string;
    status: 'failed' | 'needs_check';
    destination: string;
    last_status: number | null;
    attempts: number;
    updated_at: Date;
  }>(
    `SELECT o.action_id, a.kind, o.status, o.destination, o.last_status, o.attempts, o.updated_at
     FROM dispatch_outbox o JOIN action a ON a.id = o.action_id
     WHERE o.status IN ('failed', 'needs_check') AND o.action_id IS NOT NULL AND o.updated_at <= $1
     ORDER BY o.updated_at DESC LIMIT $2`,
    [ctx.now, FAILED_DISPATCH_LIMIT],
  );
  return rows.map((r) => {
    const what = kindCount(r.kind, 1).replace(/^1 /, '');
    const failed = r.status === 'failed';
    return {
      rule: 'dispatch_failed',
      subject: r.action_id,
      severity: failed ? 'critical' : 'warning',
      title: failed
        ? `An approved ${what} could not be sent to ${r.destination}${r.last_status ? ` (HTTP ${r.last_status})` : ''}`
        : `An approved ${what} may not have reached ${r.destination} — check before sending again`,
      detail: failed
        ? 'Fix the cause and send it again, or mark it sent, from the action.'
        : 'The last attempt was cut off; see whether it arrived, then mark it sent or send it again.',
      link: `/approvals/${r.action_id}`,
      facts: { actionId: r.action_id, kind: r.kind, status: r.status, destination: r.destination, lastStatus: r.last_status, attempts: r.attempts },
    };
  });
}

async function missingEvents(db: Queryable, ctx: ConditionContext): Promise<AlertCondition[]> {
  const rules = Object.entries(EXPECTED_EVENTS) as [string, ExpectedEventsRule][];
  const rows = await incomplete(rules, ctx.now, db);
  return rows
    .filter((r) => r.count > 0)
    .map((r) => {
      const rule = EXPECTED_EVENTS[r.provider];
      const expected = rule?.expect.join(' or ') ?? 'an expected event';
      return {
        rule: 'missing_events',
        subject: r.provider,
        severity: 'warning',
        title: `${providerLabel(r.provider)}: ${r.count} ${r.count === 1 ? 'call' : 'calls'} missing ${expected} past the ${rule?.graceMinutes ?? 0} min grace`,
        detail: 'Their outcome, transcript or credits may be incomplete. See the provider health on Deliveries.',
        link: `/deliveries?provider=${encodeURIComponent(r.provider)}`,
        facts: {
          provider: r.provider,
          count: r.count,
          expected: rule?.expect ?? [],
          graceMinutes: rule?.graceMinutes ?? null,
          examples: r.examples.map((e) => e.id),
        },
      };
    });
}

const CONDITIONS: Record<AlertRule, (db: Queryable, ctx: ConditionContext) => Promise<AlertCondition[]>> = {
  waiting_approval: waitingApproval,
  low_credits: lowCredits,
  provider_refusing: providerRefusing,
  provider_silent: providerSilent,
  dispatch_failed: dispatchFailed,
  missing_events: missingEvents,
};

/** The conditions holding at ctx.now for `rules`, one statement per rule, in order, on `db` (the evaluation's transaction). */
export async function alertConditions(db: Queryable, rules: readonly AlertRule[], ctx: ConditionContext): Promise<AlertCondition[]> {
  const out: AlertCondition[] = [];
  for (const rule of rules) out.push(...(await CONDITIONS[rule](db, ctx)));
  return out;
}
