import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';

// The reasons this team gives most when it rejects, so the queue can offer them one click away.
// Read from the last 500 rejections (trimmed, case folded, spelled as most recently written);
// until the team has written a reason twice, the usual ones stand in.

export const USUAL_REJECT_REASONS = ['Duplicate order', 'Customer cancelled on the call', 'Address incomplete or wrong', 'Test call'];

export async function commonRejectReasons(actor: Actor, limit = 5): Promise<string[]> {
  assertCan(actor, 'actions:read');
  const { rows } = await pool().query<{ note: string }>(
    `SELECT (array_agg(note ORDER BY decided_at DESC))[1] AS note
     FROM (SELECT btrim(decision_note) AS note, decided_at FROM action
           WHERE status = 'rejected' AND decision_note IS NOT NULL AND btrim(decision_note) <> ''
           ORDER BY decided_at DESC LIMIT 500) recent
     GROUP BY lower(note)
     HAVING count(*) >= 2
     ORDER BY count(*) DESC, max(decided_at) DESC
     LIMIT $1`,
    [limit],
  );
  const reasons = rows.map((r) => r.note).filter((note) => note.length <= 80);
  for (const usual of USUAL_REJECT_REASONS) {
    if (reasons.length >= limit) break;
    if (!reasons.some((r) => r.toLowerCase() === usual.toLowerCase())) reasons.push(usual);
  }
  return reasons;
}
