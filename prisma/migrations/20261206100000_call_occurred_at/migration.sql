-- When a call happened (issue 15). Until now a call was placed in time by its last activity
-- (last_event_at): a late analysis event, a provider's retry or a reprocess moved it to "today".
-- occurred_at is when it happened: its start, else its first provider-stamped event, else its
-- first receipt (lib/ingest/fold.ts computes it; ingest and reprocessing write it). It drives the
-- list's date filters and default order, every chart and the rollups. credits_at is when the
-- provider reported the call's credits (the time of the credit entry behind credits_used):
-- credits count on that day. last_event_at stays, for the "Recently updated" sort and "what
-- changed since".

-- AlterTable
ALTER TABLE "call" ADD COLUMN "occurred_at" TIMESTAMPTZ(3), ADD COLUMN "credits_at" TIMESTAMPTZ(3);

-- Backfill from the stored events. The rollups are recomputed below, so their triggers are off
-- meanwhile (a million-row statement would otherwise queue a million-element pending row).
ALTER TABLE "call" DISABLE TRIGGER "call_rollup_on_update";
UPDATE "call" c SET
  "occurred_at" = coalesce(c."started_at", (SELECT min(e."occurred_at") FROM "call_event" e WHERE e."call_id" = c."id"), c."first_event_at"),
  "credits_at" = CASE WHEN c."credits_used" IS NOT NULL THEN
    coalesce((SELECT max(ce."at") FROM "credit_entry" ce WHERE ce."call_id" = c."id"), c."ended_at", c."last_event_at") END;
ALTER TABLE "call" ENABLE TRIGGER "call_rollup_on_update";

-- The lock statement (lib/ingest/lock-calls.ts) creates calls bare before their fold fills them
-- in, in the same transaction; until then a call happened now.
ALTER TABLE "call" ALTER COLUMN "occurred_at" SET NOT NULL, ALTER COLUMN "occurred_at" SET DEFAULT CURRENT_TIMESTAMP;

-- The calls list pages on the sort's index; by when calls happened is now the default sort, with
-- the same status and provider variants as last activity has.
-- CreateIndex
CREATE INDEX "call_occurred_at_id_idx" ON "call"("occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_status_occurred_at_id_idx" ON "call"("status", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_provider_occurred_at_id_idx" ON "call"("provider", "occurred_at" DESC, "id" DESC);

-- The charts' live range scans move from last activity to when calls happened.
DROP INDEX "call_analytics_idx";

-- CreateIndex
CREATE INDEX "call_analytics_idx" ON "call"("occurred_at", "provider", "status", "credits_used", "duration_seconds", "success", "attempts", "rescheduled_count");

-- Credits' live range scans, on when they were reported.
-- CreateIndex
CREATE INDEX "call_credits_at_provider_credits_used_idx" ON "call"("credits_at", "provider", "credits_used");

-- The rollups: calls, outcomes and durations on the day the call happened (call_day_status,
-- call_day_duration); credits on the day they were reported (call_day_agent, call_day_meta),
-- coalesce(credits_at, occurred_at) so a row written without credits_at still counts. Credits
-- leave call_day_status: summed over agents, call_day_agent gives the total and per provider.
ALTER TABLE "call_day_status" DROP COLUMN "credits_n", DROP COLUMN "credits_sum";

-- AlterTable
ALTER TABLE "call_rollup_pending" RENAME COLUMN "last_event_at" TO "occurred_at";
ALTER TABLE "call_rollup_pending" ADD COLUMN "credits_at" TIMESTAMPTZ(3)[];

-- As in 20261122150000_analytics_meta_rollup, collecting occurred_at and credits_at.
CREATE OR REPLACE FUNCTION "call_rollup_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, occurred_at, credits_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used, metadata)
    SELECT txid_current(), call_rollup_queue(), -1,
           array_agg(o.occurred_at), array_agg(o.credits_at), array_agg(o.provider), array_agg(o.status), array_agg(coalesce(o.agent_id, o.application_id, '(none)')),
           array_agg(o.success), array_agg(o.duration_seconds), array_agg(o.attempts), array_agg(o.rescheduled_count), array_agg(o.credits_used),
           array_agg(CASE WHEN o.credits_used IS NOT NULL THEN o.metadata END)
    FROM old_rows o HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, occurred_at, credits_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used, metadata)
    SELECT txid_current(), call_rollup_queue(), 1,
           array_agg(n.occurred_at), array_agg(n.credits_at), array_agg(n.provider), array_agg(n.status), array_agg(coalesce(n.agent_id, n.application_id, '(none)')),
           array_agg(n.success), array_agg(n.duration_seconds), array_agg(n.attempts), array_agg(n.rescheduled_count), array_agg(n.credits_used),
           array_agg(CASE WHEN n.credits_used IS NOT NULL THEN n.metadata END)
    FROM new_rows n HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

-- As in 20261122150000_analytics_meta_rollup (which says why each step is as it is): facts on the
-- day the call happened for call_day_status and call_day_duration; credits, on the day they were
-- reported, for call_day_agent and call_day_meta.
CREATE OR REPLACE FUNCTION "call_rollup_apply"(tx BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rollup_zone TEXT;
  breakdown_keys TEXT[];
  facts call_rollup_fact[];
  credit_facts call_rollup_fact[];
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1667329132);
  PERFORM set_config('callboard.rollup_queued', '', true);
  SELECT z.zone, z.meta_keys INTO rollup_zone, breakdown_keys FROM call_rollup_zone z;
  rollup_zone := coalesce(rollup_zone, 'UTC');
  WITH moved AS (DELETE FROM call_rollup_pending p WHERE p.xid = tx RETURNING p.*),
  versions AS (
    SELECT m.sign, v.* FROM moved m,
      unnest(m.occurred_at, m.credits_at, m.provider, m.status, m.agent, m.success, m.duration_seconds, m.attempts, m.rescheduled_count, m.credits_used, m.metadata)
      AS v(occurred_at, credits_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used, metadata)
  ),
  meta AS (
    INSERT INTO call_day_meta AS t (key, day, provider, value, credits_n, credits_sum)
    SELECT * FROM (
      SELECT k.key, (coalesce(v.credits_at, v.occurred_at) AT TIME ZONE rollup_zone)::date AS day, v.provider, coalesce(v.metadata ->> k.key, '(none)') AS value,
             sum(v.sign)::int AS credits_n, sum(v.sign * v.credits_used::numeric) AS credits_sum
      FROM versions v, unnest(breakdown_keys) k(key)
      WHERE v.credits_used IS NOT NULL GROUP BY 1, 2, 3, 4
    ) d
    WHERE (d.credits_n, d.credits_sum) <> (0, 0)
    ORDER BY d.key, d.day, d.provider, d.value
    ON CONFLICT (key, day, provider, value) DO UPDATE SET credits_n = t.credits_n + EXCLUDED.credits_n, credits_sum = t.credits_sum + EXCLUDED.credits_sum)
  SELECT ARRAY(
           SELECT ROW(v.sign, (v.occurred_at AT TIME ZONE rollup_zone)::date, v.provider, v.status, v.agent, v.success, v.duration_seconds, v.attempts,
                      v.rescheduled_count, v.credits_used)::call_rollup_fact
           FROM versions v),
         ARRAY(
           SELECT ROW(v.sign, (coalesce(v.credits_at, v.occurred_at) AT TIME ZONE rollup_zone)::date, v.provider, v.status, v.agent, NULL, NULL, NULL,
                      NULL, v.credits_used)::call_rollup_fact
           FROM versions v WHERE v.credits_used IS NOT NULL)
  INTO facts, credit_facts;

  INSERT INTO call_day_status AS t (day, provider, status, calls, judged, successful, duration_n, duration_sum, attempts_sum, rescheduled_sum)
  SELECT * FROM (
    SELECT f.day, f.provider, f.status, sum(f.sign)::int AS calls,
           coalesce(sum(f.sign) FILTER (WHERE f.success IS NOT NULL), 0)::int AS judged,
           coalesce(sum(f.sign) FILTER (WHERE f.success), 0)::int AS successful,
           coalesce(sum(f.sign) FILTER (WHERE f.duration_seconds IS NOT NULL), 0)::int AS duration_n,
           coalesce(sum(f.sign * f.duration_seconds::numeric), 0) AS duration_sum,
           sum(f.sign * f.attempts)::bigint AS attempts_sum,
           sum(f.sign * coalesce(f.rescheduled_count, 0))::bigint AS rescheduled_sum
    FROM unnest(facts) f GROUP BY f.day, f.provider, f.status
  ) d
  WHERE (d.calls, d.judged, d.successful, d.duration_n, d.duration_sum, d.attempts_sum, d.rescheduled_sum) <> (0, 0, 0, 0, 0, 0, 0)
  ORDER BY d.day, d.provider, d.status
  ON CONFLICT (day, provider, status) DO UPDATE SET
    calls = t.calls + EXCLUDED.calls, judged = t.judged + EXCLUDED.judged, successful = t.successful + EXCLUDED.successful,
    duration_n = t.duration_n + EXCLUDED.duration_n, duration_sum = t.duration_sum + EXCLUDED.duration_sum,
    attempts_sum = t.attempts_sum + EXCLUDED.attempts_sum, rescheduled_sum = t.rescheduled_sum + EXCLUDED.rescheduled_sum;

  INSERT INTO call_day_agent AS t (day, provider, agent, credits_n, credits_sum)
  SELECT * FROM (
    SELECT f.day, f.provider, f.agent, sum(f.sign)::int AS credits_n, sum(f.sign * f.credits_used::numeric) AS credits_sum
    FROM unnest(credit_facts) f GROUP BY f.day, f.provider, f.agent
  ) d
  WHERE (d.credits_n, d.credits_sum) <> (0, 0)
  ORDER BY d.day, d.provider, d.agent
  ON CONFLICT (day, provider, agent) DO UPDATE SET credits_n = t.credits_n + EXCLUDED.credits_n, credits_sum = t.credits_sum + EXCLUDED.credits_sum;

  INSERT INTO call_day_duration AS t (day, provider, duration_seconds, calls)
  SELECT * FROM (
    SELECT f.day, f.provider, f.duration_seconds, sum(f.sign)::int AS calls
    FROM unnest(facts) f WHERE f.duration_seconds IS NOT NULL GROUP BY f.day, f.provider, f.duration_seconds
  ) d
  WHERE d.calls <> 0
  ORDER BY d.day, d.provider, d.duration_seconds
  ON CONFLICT (day, provider, duration_seconds) DO UPDATE SET calls = t.calls + EXCLUDED.calls;
END $$;

-- call_day_meta's rows for `keys`, on the day credits were reported.
CREATE OR REPLACE FUNCTION "call_rollup_count_meta"(target TEXT, keys TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(keys) > 0 THEN
    INSERT INTO call_day_meta (key, day, provider, value, credits_n, credits_sum)
    SELECT k.key, (coalesce(c.credits_at, c.occurred_at) AT TIME ZONE target)::date, c.provider, coalesce(c.metadata ->> k.key, '(none)'), count(*), sum(c.credits_used::numeric)
    FROM call c, unnest(keys) k(key) WHERE c.credits_used IS NOT NULL GROUP BY 1, 2, 3, 4;
  END IF;
END $$;

-- As in 20261122150000_analytics_meta_rollup (race-free for the reasons given there), counting
-- calls on the day they happened and credits on the day they were reported.
CREATE OR REPLACE FUNCTION "call_rollup_rebuild"(target TEXT, force BOOLEAN DEFAULT false) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
  PERFORM now() AT TIME ZONE target;
  PERFORM pg_advisory_xact_lock(1667329132);
  IF NOT force AND EXISTS (SELECT FROM call_rollup_zone WHERE zone = target) THEN
    RETURN false;
  END IF;
  INSERT INTO call_rollup_zone (id, zone) VALUES (true, target) ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone;
  DELETE FROM call_rollup_pending WHERE xid = txid_current();
  DELETE FROM call_day_status;
  DELETE FROM call_day_agent;
  DELETE FROM call_day_duration;
  DELETE FROM call_day_meta;
  INSERT INTO call_day_status (day, provider, status, calls, judged, successful, duration_n, duration_sum, attempts_sum, rescheduled_sum)
  SELECT (occurred_at AT TIME ZONE target)::date, provider, status, count(*), count(success), count(*) FILTER (WHERE success),
         count(duration_seconds), coalesce(sum(duration_seconds::numeric), 0), sum(attempts), coalesce(sum(rescheduled_count), 0)
  FROM call GROUP BY 1, 2, 3;
  INSERT INTO call_day_agent (day, provider, agent, credits_n, credits_sum)
  SELECT (coalesce(credits_at, occurred_at) AT TIME ZONE target)::date, provider, coalesce(agent_id, application_id, '(none)'), count(*), sum(credits_used::numeric)
  FROM call WHERE credits_used IS NOT NULL GROUP BY 1, 2, 3;
  INSERT INTO call_day_duration (day, provider, duration_seconds, calls)
  SELECT (occurred_at AT TIME ZONE target)::date, provider, duration_seconds, count(*)
  FROM call WHERE duration_seconds IS NOT NULL GROUP BY 1, 2, 3;
  PERFORM call_rollup_count_meta(target, (SELECT z.meta_keys FROM call_rollup_zone z));
  RETURN true;
END $$;

-- Backfill: the rollups recomputed on the new days, in the zone they are in.
SELECT "call_rollup_rebuild"(coalesce((SELECT z.zone FROM "call_rollup_zone" z), 'UTC'), true);
