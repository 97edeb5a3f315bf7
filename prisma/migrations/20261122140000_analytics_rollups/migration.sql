-- Analytics rollups: the charts' numbers per day, kept current at ingest, so a 30-day chart reads
-- a few thousand rollup rows instead of a range of hundreds of thousands of calls.
--
-- A call counts on the local day of its last_event_at (the column the charts and the calls list
-- filter on) in one zone, the rollup zone: the team's time zone when set, else UTC. Charts asked
-- for in that zone read these tables; any other zone is answered live from call. Sums are numeric,
-- not float8: they are kept by adding and subtracting deltas, and only exact arithmetic comes back
-- to what a recomputation gives (in float8, 0.1 + 0.2 - 0.1 is not 0.2).

-- CreateTable
CREATE TABLE "call_rollup_zone" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "zone" TEXT NOT NULL,

    CONSTRAINT "call_rollup_zone_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "call_rollup_zone_one_row" CHECK ("id")
);

-- CreateTable
CREATE TABLE "call_day_status" (
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "judged" INTEGER NOT NULL,
    "successful" INTEGER NOT NULL,
    "duration_n" INTEGER NOT NULL,
    "duration_sum" DECIMAL NOT NULL,
    "attempts_sum" BIGINT NOT NULL,
    "rescheduled_sum" BIGINT NOT NULL,
    "credits_n" INTEGER NOT NULL,
    "credits_sum" DECIMAL NOT NULL,

    CONSTRAINT "call_day_status_pkey" PRIMARY KEY ("day", "provider", "status")
);

-- CreateTable
CREATE TABLE "call_day_agent" (
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "agent" TEXT NOT NULL,
    "credits_n" INTEGER NOT NULL,
    "credits_sum" DECIMAL NOT NULL,

    CONSTRAINT "call_day_agent_pkey" PRIMARY KEY ("day", "provider", "agent")
);

-- CreateTable
CREATE TABLE "call_day_duration" (
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "duration_seconds" DOUBLE PRECISION NOT NULL,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "call_day_duration_pkey" PRIMARY KEY ("day", "provider", "duration_seconds")
);

-- Changes to call not yet in the rollups: one row per statement and side (old row versions to
-- take away, sign -1; new ones to add, +1), the versions' columns in parallel arrays. A row lives
-- as long as its transaction (xid): it is applied and deleted when that commits. UNLOGGED: none
-- needs to survive a crash, which aborts every transaction that wrote one.
-- CreateTable
CREATE UNLOGGED TABLE "call_rollup_pending" (
    "id" BIGSERIAL NOT NULL,
    "xid" BIGINT NOT NULL,
    "flush" BOOLEAN NOT NULL DEFAULT false,
    "sign" INTEGER NOT NULL,
    "last_event_at" TIMESTAMPTZ(3)[],
    "provider" TEXT[],
    "status" TEXT[],
    "agent" TEXT[],
    "success" BOOLEAN[],
    "duration_seconds" DOUBLE PRECISION[],
    "attempts" INTEGER[],
    "rescheduled_count" INTEGER[],
    "credits_used" DOUBLE PRECISION[],

    CONSTRAINT "call_rollup_pending_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_rollup_pending_xid_idx" ON "call_rollup_pending"("xid");

-- What one version of a call adds to the rollups (sign +1) or takes away from them (sign -1), on its day.
CREATE TYPE "call_rollup_fact" AS (
    "sign" INTEGER,
    "day" DATE,
    "provider" TEXT,
    "status" TEXT,
    "agent" TEXT,
    "success" BOOLEAN,
    "duration_seconds" DOUBLE PRECISION,
    "attempts" INTEGER,
    "rescheduled_count" INTEGER,
    "credits_used" DOUBLE PRECISION
);

-- Collects one statement's changes to call: its old row versions to be taken away (sign -1) and
-- its new ones to be added (+1), as the transaction's pending rows. Nothing is locked here: the
-- rollups are only touched at commit (call_rollup_flush). Applying them at each statement instead
-- would hold the day's hot rollup rows (today's queued calls: the ingest path creates its calls
-- bare, then fills them in) from the ingest's first statement across its fold in Node until its
-- commit, queueing concurrent webhook batches behind one another; and a transaction's second
-- statement could then deadlock with another's first, key order or not.
CREATE FUNCTION "call_rollup_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A transaction's first pending row is marked: it alone queues the flush at commit.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used)
    SELECT txid_current(), NOT EXISTS (SELECT FROM call_rollup_pending p WHERE p.xid = txid_current()), -1,
           array_agg(o.last_event_at), array_agg(o.provider), array_agg(o.status), array_agg(coalesce(o.agent_id, o.application_id, '(none)')),
           array_agg(o.success), array_agg(o.duration_seconds), array_agg(o.attempts), array_agg(o.rescheduled_count), array_agg(o.credits_used)
    FROM old_rows o HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO call_rollup_pending (xid, flush, sign, last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used)
    SELECT txid_current(), NOT EXISTS (SELECT FROM call_rollup_pending p WHERE p.xid = txid_current()), 1,
           array_agg(n.last_event_at), array_agg(n.provider), array_agg(n.status), array_agg(coalesce(n.agent_id, n.application_id, '(none)')),
           array_agg(n.success), array_agg(n.duration_seconds), array_agg(n.attempts), array_agg(n.rescheduled_count), array_agg(n.credits_used)
    FROM new_rows n HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

-- Applies a transaction's pending changes at its commit, all at once: grouped per rollup row,
-- groups that net to nothing dropped (a call the ingest creates bare and fills in counts once, as
-- filled in), upserted table by table in key order, so two transactions never wait on each
-- other's rollup rows in opposite orders, and hold them only while they commit. The advisory lock
-- is shared, so committing writers never wait for each other here, only for a rebuild in progress
-- (call_rollup_rebuild takes it exclusively). Days are counted here, in the zone read after the
-- lock in a fresh snapshot: this assumes READ COMMITTED, the app's isolation level.
CREATE FUNCTION "call_rollup_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rollup_zone TEXT;
  facts call_rollup_fact[];
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1667329132);
  -- A missing row never happens (the migration writes it); UTC keeps ingest working if it did.
  rollup_zone := coalesce((SELECT z.zone FROM call_rollup_zone z), 'UTC');
  WITH moved AS (DELETE FROM call_rollup_pending p WHERE p.xid = NEW.xid RETURNING p.*)
  SELECT ARRAY(
    SELECT ROW(m.sign, (v.last_event_at AT TIME ZONE rollup_zone)::date, v.provider, v.status, v.agent, v.success, v.duration_seconds, v.attempts,
               v.rescheduled_count, v.credits_used)::call_rollup_fact
    FROM moved m, unnest(m.last_event_at, m.provider, m.status, m.agent, m.success, m.duration_seconds, m.attempts, m.rescheduled_count, m.credits_used)
      AS v(last_event_at, provider, status, agent, success, duration_seconds, attempts, rescheduled_count, credits_used)) INTO facts;

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
  RETURN NULL;
END $$;

-- Empties the rollups with call, and drops what this transaction still had to apply to them.
CREATE FUNCTION "call_rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE call_day_status, call_day_agent, call_day_duration;
  DELETE FROM call_rollup_pending WHERE xid = txid_current();
  RETURN NULL;
END $$;

-- Puts the rollups in zone `target`: recomputes all three from call, unless they are in that zone
-- already (force recomputes anyway). Returns whether it recomputed. Race-free with ingest without
-- stopping it: the exclusive lock waits for every transaction whose flush has applied deltas (each
-- holds the lock shared until it has committed), so the recompute, whose statements take their
-- snapshots after that, counts their calls once, and their deltas go with the old rows. A
-- transaction that commits later flushes after the rebuild has committed: it reads the new zone
-- and applies its deltas on top of the recomputed rows, which cannot include its own uncommitted
-- changes. Readers see the old rows and the old zone until the commit, then both new.
CREATE FUNCTION "call_rollup_rebuild"(target TEXT, force BOOLEAN DEFAULT false) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
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
  RETURN true;
END $$;

-- Transition tables allow one event per trigger, hence three triggers on one function.
CREATE TRIGGER "call_rollup_on_insert" AFTER INSERT ON "call" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollup_collect"();
CREATE TRIGGER "call_rollup_on_update" AFTER UPDATE ON "call" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollup_collect"();
CREATE TRIGGER "call_rollup_on_delete" AFTER DELETE ON "call" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollup_collect"();
CREATE TRIGGER "call_rollup_on_truncate" AFTER TRUNCATE ON "call"
  FOR EACH STATEMENT EXECUTE FUNCTION "call_rollup_truncate"();
-- Deferred: fires when the transaction commits, once (only its first pending row is marked; the
-- flush takes every row of the transaction).
CREATE CONSTRAINT TRIGGER "call_rollup_flush" AFTER INSERT ON "call_rollup_pending" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.flush) EXECUTE FUNCTION "call_rollup_flush"();

-- Backfill in the team's zone, if Postgres knows it (the app treats an unknown one as unset).
SELECT "call_rollup_rebuild"(coalesce(
  (SELECT s.value #>> '{}' FROM "team_setting" s
   WHERE s.key = 'time_zone' AND jsonb_typeof(s.value) = 'string' AND EXISTS (SELECT FROM pg_timezone_names n WHERE n.name = s.value #>> '{}')),
  'UTC'));
