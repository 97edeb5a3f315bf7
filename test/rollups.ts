import type pg from 'pg';

// The analytics rollups checked against the definition they keep: a GROUP BY of call in the
// rollup zone, calls on the day they happened, credits on the day they were reported (and, for call_day_meta, by each of its keys). Rows whose counts all net to zero
// may linger in a rollup; they count as absent. A row of a key no longer counted is extra.

const DAY = `(occurred_at AT TIME ZONE (SELECT zone FROM call_rollup_zone))::date`;
const CREDITS_DAY = `(coalesce(credits_at, occurred_at) AT TIME ZONE (SELECT zone FROM call_rollup_zone))::date`;

const TABLES = {
  call_day_status: {
    expected: `SELECT ${DAY} AS day, provider, status, count(*)::int AS calls, count(success)::int AS judged,
                 count(*) FILTER (WHERE success)::int AS successful, count(duration_seconds)::int AS duration_n,
                 coalesce(sum(duration_seconds::numeric), 0) AS duration_sum, sum(attempts)::bigint AS attempts_sum,
                 coalesce(sum(rescheduled_count), 0)::bigint AS rescheduled_sum
               FROM call GROUP BY 1, 2, 3`,
    kept: `SELECT * FROM call_day_status
           WHERE (calls, judged, successful, duration_n, duration_sum, attempts_sum, rescheduled_sum) <> (0, 0, 0, 0, 0, 0, 0)`,
  },
  call_day_agent: {
    expected: `SELECT ${CREDITS_DAY} AS day, provider, coalesce(agent_id, application_id, '(none)') AS agent, count(*)::int AS credits_n,
                 sum(credits_used::numeric) AS credits_sum
               FROM call WHERE credits_used IS NOT NULL GROUP BY 1, 2, 3`,
    kept: `SELECT * FROM call_day_agent WHERE (credits_n, credits_sum) <> (0, 0)`,
  },
  call_day_meta: {
    expected: `SELECT k AS key, ${CREDITS_DAY} AS day, provider, coalesce(metadata ->> k, '(none)') AS value, count(*)::int AS credits_n,
                 sum(credits_used::numeric) AS credits_sum
               FROM call, unnest((SELECT meta_keys FROM call_rollup_zone)) k WHERE credits_used IS NOT NULL GROUP BY 1, 2, 3, 4`,
    kept: `SELECT * FROM call_day_meta WHERE (credits_n, credits_sum) <> (0, 0)`,
  },
  call_day_duration: {
    expected: `SELECT ${DAY} AS day, provider, duration_seconds, count(*)::int AS calls FROM call WHERE duration_seconds IS NOT NULL GROUP BY 1, 2, 3`,
    kept: `SELECT * FROM call_day_duration WHERE calls <> 0`,
  },
};

/**
 * Every rollup row that differs from the recomputation, as `<table> missing|extra <row>`: empty
 * when the rollups are exact. One repeatable-read snapshot, so a rebuild or a write committing
 * meanwhile cannot tear the comparison; `schema` checks a schema other than the search_path's.
 */
export async function rollupDrift(db: pg.Pool, schema?: string): Promise<string[]> {
  const client = await db.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (schema) await client.query(`SET LOCAL search_path TO "${schema}"`);
    const drift: string[] = [];
    for (const [table, { expected, kept }] of Object.entries(TABLES)) {
      const { rows } = await client.query<{ side: string; row: unknown }>(
        `WITH e AS (${expected}), k AS (${kept})
         SELECT 'missing' AS side, to_jsonb(x) AS row FROM (SELECT * FROM e EXCEPT ALL SELECT * FROM k) x
         UNION ALL SELECT 'extra', to_jsonb(y) FROM (SELECT * FROM k EXCEPT ALL SELECT * FROM e) y`,
      );
      drift.push(...rows.map((r) => `${table} ${r.side} ${JSON.stringify(r.row)}`));
    }
    return drift;
  } finally {
    await client.query('COMMIT').catch(() => {});
    client.release();
  }
}
