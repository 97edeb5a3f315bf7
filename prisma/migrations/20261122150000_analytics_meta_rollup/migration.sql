-- Credits by metadata key from a rollup too, for the keys the team made breakdown keys (the
-- team_setting breakdown_keys; campaign and store until an admin sets them). Any other key stays a
-- live query over call: a key is only known once someone picks it, and counting every key of every
-- call's metadata would be a rollup row per order id. The keys live beside the zone, so the
-- commit-time flush reads both in one row; the setting's transaction moves them
-- (call_rollup_set_keys), as the time zone's moves the zone.

-- AlterTable
ALTER TABLE "call_rollup_zone" ADD COLUMN "meta_keys" TEXT[];

-- AlterTable
ALTER TABLE "call_rollup_pending" ADD COLUMN "metadata" JSONB[];

-- CreateTable
CREATE TABLE "call_day_meta" (
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "credits_n" INTEGER NOT NULL,
    "credits_sum" DECIMAL NOT NULL,

    CONSTRAINT "call_day_meta_pkey" PRIMARY KEY ("key", "day", "provider", "value")
);

-- Whether the pending row being written is the transaction's first since its last flush, which
-- it then queues (the row is marked), noting that one is queued. Before, this was a probe of
-- call_rollup_pending; rows that carry metadata fill its pages twice as fast, and a session whose
-- plan for the probe is a scan (the table is near empty when planned) read every dead row until
-- the next vacuum. A transaction-local setting costs nothing to read, and is undone with a
-- savepoint rolled back, as the row and its queued flush are. It is set before the row is written,
-- so a flush that fires at once (SET CONSTRAINTS ALL IMMEDIATE) clears it after, in call_rollup_apply.
CREATE FUNCTION "call_rollup_queue"() RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('callboard.rollup_queued', true), '') = 'on' THEN
    RETURN false;
  END IF;
  PERFORM set_config('callboard.rollup_queued', 'on', true);
  RETURN true;
END $$;

-- As before, plus each version's metadata, whole: the keys are read at commit, and a rebuild that
-- commits between this statement and that one may have added a key. Only versions with credits
-- carry it (no other counts in call_day_meta), so the bare calls ingest creates never do. A
-- statement that changed no row writes none (HAVING), and so never calls call_rollup_queue.
CREATE OR REPLACE FUNCTION "call_rollup_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used, metadata)
    SELECT txid_current(), call_rollup_queue(), -1,
           array_agg(o.last_event_at), array_agg(o.provider), array_agg(o.status), array_agg(coalesce(o.agent_id, o.application_id, '(none)')),
           array_agg(o.success), array_agg(o.duration_seconds), array_agg(o.attempts), array_agg(o.rescheduled_count), array_agg(o.credits_used),
           array_agg(CASE WHEN o.credits_used IS NOT NULL THEN o.metadata END)
    FROM old_rows o HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used, metadata)
    SELECT txid_current(), call_rollup_queue(), 1,
           array_agg(n.last_event_at), array_agg(n.provider), array_agg(n.status), array_agg(coalesce(n.agent_id, n.application_id, '(none)')),
           array_agg(n.success), array_agg(n.duration_seconds), array_agg(n.attempts), array_agg(n.rescheduled_count), array_agg(n.credits_used),
           array_agg(CASE WHEN n.credits_used IS NOT NULL THEN n.metadata END)
    FROM new_rows n HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

-- What call_rollup_flush did (20261122140000_analytics_rollups says why each step is as it is),
-- for any transaction's pending rows, plus call_day_meta for the keys read beside the zone. A
-- function of its own so that call_rollup_set_keys can apply its transaction's changes early.
CREATE FUNCTION "call_rollup_apply"(tx BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rollup_zone TEXT;
  breakdown_keys TEXT[];
  facts call_rollup_fact[];
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1667329132);
  -- Whatever this transaction writes to call from now on queues a flush of its own.
  PERFORM set_config('callboard.rollup_queued', '', true);
  SELECT z.zone, z.meta_keys INTO rollup_zone, breakdown_keys FROM call_rollup_zone z;
  -- A missing row never happens (the migrations write it); UTC keeps ingest working if it did.
  rollup_zone := coalesce(rollup_zone, 'UTC');
  -- call_day_meta straight from the pending rows, in the statement that takes them: its rows are
  -- locked first in every transaction, then the other tables' in the order below.
  WITH moved AS (DELETE FROM call_rollup_pending p WHERE p.xid = tx RETURNING p.*),
  meta AS (
    INSERT INTO call_day_meta AS t (key, day, provider, value, credits_n, credits_sum)
    SELECT * FROM (
      SELECT k.key, (v.last_event_at AT TIME ZONE rollup_zone)::date AS day, v.provider, coalesce(v.metadata ->> k.key, '(none)') AS value,
             sum(m.sign)::int AS credits_n, sum(m.sign * v.credits_used::numeric) AS credits_sum
      FROM moved m, unnest(m.last_event_at, m.provider, m.credits_used, m.metadata) AS v(last_event_at, provider, credits_used, metadata),
           unnest(breakdown_keys) k(key)
      WHERE v.credits_used IS NOT NULL GROUP BY 1, 2, 3, 4
    ) d
    WHERE (d.credits_n, d.credits_sum) <> (0, 0)
    ORDER BY d.key, d.day, d.provider, d.value
    ON CONFLICT (key, day, provider, value) DO UPDATE SET credits_n = t.credits_n + EXCLUDED.credits_n, credits_sum = t.credits_sum + EXCLUDED.credits_sum)
  SELECT ARRAY(
    SELECT ROW(m.sign, (v.last_event_at AT TIME ZONE rollup_zone)::date, v.provider, v.status, v.agent, v.success, v.duration_seconds, v.attempts,
               v.rescheduled_count, v.credits_used)::call_rollup_fact
    FROM moved m, unnest(m.last_event_at, m.provider, m.status, m.agent, m.success, m.duration_seconds, m.attempts, m.rescheduled_count, m.credits_used)
      AS v(last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used))
  INTO facts;

  INSERT INTO call_day_status AS t (day, provider, status, calls, judged, successful, duration_n, duration_sum, attempts_sum, rescheduled_sum, credits_n, credits_sum)
  SELECT * FROM (
    SELECT f.day, f.provider, f.status, sum(f.sign)::int AS calls,
           coalesce(sum(f.sign) FILTER (WHERE f.success IS NOT NULL), 0)::int AS judged,
           coalesce(sum(f.sign) FILTER (WHERE f.success), 0)::int AS successful,
           coalesce(sum(f.sign) FILTER (WHERE f.duration_seconds IS NOT NULL), 0)::int AS duration_n,
           coalesce(sum(f.sign * f.duration_seconds::numeric), 0) AS duration_sum,
           sum(f.sign * f.attempts)::bigint AS attempts_sum,
           sum(f.sign * coalesce(f.rescheduled_count, 0))::bigint AS rescheduled_sum,
           coalesce(sum(f.sign) FILTER (WHERE f.credits_used IS NOT NULL), 0)::int AS credits_n,
           coalesce(sum(f.sign * f.credits_used::numeric), 0) AS credits_sum
    FROM unnest(facts) f GROUP BY f.day, f.provider, f.status
  ) d
  WHERE (d.calls, d.judged, d.successful, d.duration_n, d.duration_sum, d.attempts_sum, d.rescheduled_sum, d.credits_n, d.credits_sum) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY d.day, d.provider, d.status
  ON CONFLICT (day, provider, status) DO UPDATE SET
    calls = t.calls + EXCLUDED.calls, judged = t.judged + EXCLUDED.judged, successful = t.successful + EXCLUDED.successful,
    duration_n = t.duration_n + EXCLUDED.duration_n, duration_sum = t.duration_sum + EXCLUDED.duration_sum,
    attempts_sum = t.attempts_sum + EXCLUDED.attempts_sum, rescheduled_sum = t.rescheduled_sum + EXCLUDED.rescheduled_sum,
    credits_n = t.credits_n + EXCLUDED.credits_n, credits_sum = t.credits_sum + EXCLUDED.credits_sum;

  INSERT INTO call_day_agent AS t (day, provider, agent, credits_n, credits_sum)
  SELECT * FROM (
    SELECT f.day, f.provider, f.agent, sum(f.sign)::int AS credits_n, sum(f.sign * f.credits_used::numeric) AS credits_sum
    FROM unnest(facts) f WHERE f.credits_used IS NOT NULL GROUP BY f.day, f.provider, f.agent
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

CREATE OR REPLACE FUNCTION "call_rollup_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM call_rollup_apply(NEW.xid);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "call_rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE call_day_status, call_day_agent, call_day_duration, call_day_meta;
  DELETE FROM call_rollup_pending WHERE xid = txid_current();
  RETURN NULL;
END $$;

-- call_day_meta's rows for `keys`, counted from call in zone `target` (exactly what the live query
-- groups by: metadata ->> key, else "(none)"), in one pass over call for all the keys; none when
-- there is no key. The caller holds the exclusive lock and has removed what these rows replace.
CREATE FUNCTION "call_rollup_count_meta"(target TEXT, keys TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(keys) > 0 THEN
    INSERT INTO call_day_meta (key, day, provider, value, credits_n, credits_sum)
    SELECT k.key, (c.last_event_at AT TIME ZONE target)::date, c.provider, coalesce(c.metadata ->> k.key, '(none)'), count(*), sum(c.credits_used::numeric)
    FROM call c, unnest(keys) k(key) WHERE c.credits_used IS NOT NULL GROUP BY 1, 2, 3, 4;
  END IF;
END $$;

-- As before (20261122140000_analytics_rollups says why it is race-free), with call_day_meta
-- recomputed for the keys already chosen.
CREATE OR REPLACE FUNCTION "call_rollup_rebuild"(target TEXT, force BOOLEAN DEFAULT false) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
  -- Refuses a zone Postgres does not know (22023) before anything is locked or deleted.
  PERFORM now() AT TIME ZONE target;
  PERFORM pg_advisory_xact_lock(1667329132);
  IF NOT force AND EXISTS (SELECT FROM call_rollup_zone WHERE zone = target) THEN
    RETURN false;
  END IF;
  INSERT INTO call_rollup_zone (id, zone) VALUES (true, target) ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone;
  -- This transaction's own changes to call are in the recompute already.
  DELETE FROM call_rollup_pending WHERE xid = txid_current();
  -- DELETE rather than TRUNCATE: readers keep the old numbers until the commit instead of waiting.
  DELETE FROM call_day_status;
  DELETE FROM call_day_agent;
  DELETE FROM call_day_duration;
  DELETE FROM call_day_meta;
  INSERT INTO call_day_status (day, provider, status, calls, judged, successful, duration_n, duration_sum, attempts_sum, rescheduled_sum, credits_n, credits_sum)
  SELECT (last_event_at AT TIME ZONE target)::date, provider, status, count(*), count(success), count(*) FILTER (WHERE success),
         count(duration_seconds), coalesce(sum(duration_seconds::numeric), 0), sum(attempts), coalesce(sum(rescheduled_count), 0),
         count(credits_used), coalesce(sum(credits_used::numeric), 0)
  FROM call GROUP BY 1, 2, 3;
  INSERT INTO call_day_agent (day, provider, agent, credits_n, credits_sum)
  SELECT (last_event_at AT TIME ZONE target)::date, provider, coalesce(agent_id, application_id, '(none)'), count(*), sum(credits_used::numeric)
  FROM call WHERE credits_used IS NOT NULL GROUP BY 1, 2, 3;
  INSERT INTO call_day_duration (day, provider, duration_seconds, calls)
  SELECT (last_event_at AT TIME ZONE target)::date, provider, duration_seconds, count(*)
  FROM call WHERE duration_seconds IS NOT NULL GROUP BY 1, 2, 3;
  PERFORM call_rollup_count_meta(target, (SELECT z.meta_keys FROM call_rollup_zone z));
  RETURN true;
END $$;

-- Puts call_day_meta on `keys`: the rows of keys no longer wanted go, the added keys are counted
-- from call, the kept ones stay as they are; false when the keys are these already. Race-free with
-- ingest by call_rollup_rebuild's argument: once the exclusive lock is granted every transaction
-- that applied deltas (to the kept keys' rows) has committed, so the count, whose snapshot is taken
-- after, includes them once; a transaction that commits later applies its deltas after this one
-- has committed, for the new keys, its pending rows carrying each version's whole metadata.
CREATE FUNCTION "call_rollup_set_keys"(keys TEXT[]) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
  wanted TEXT[] := ARRAY(SELECT DISTINCT k FROM unnest(keys) k WHERE k IS NOT NULL ORDER BY k);
  rollup_zone TEXT;
  covered TEXT[];
BEGIN
  PERFORM pg_advisory_xact_lock(1667329132);
  -- This transaction's own changes so far, under the old keys: the count below has them for the
  -- added ones, and its later changes are collected anew and applied at commit under the new.
  PERFORM call_rollup_apply(txid_current());
  SELECT z.zone, coalesce(z.meta_keys, '{}') INTO rollup_zone, covered FROM call_rollup_zone z;
  IF covered = wanted THEN
    RETURN false;
  END IF;
  INSERT INTO call_rollup_zone (id, zone, meta_keys) VALUES (true, coalesce(rollup_zone, 'UTC'), wanted)
  ON CONFLICT (id) DO UPDATE SET meta_keys = EXCLUDED.meta_keys;
  DELETE FROM call_day_meta WHERE key <> ALL (wanted);
  PERFORM call_rollup_count_meta(coalesce(rollup_zone, 'UTC'), ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(covered)));
  RETURN true;
END $$;

-- Backfill with the keys the app uses until an admin picks others (DEFAULT_BREAKDOWN_KEYS in
-- lib/analytics/schema.ts), in the zone the rollups are in.
SELECT "call_rollup_set_keys"(ARRAY['campaign', 'store']);
