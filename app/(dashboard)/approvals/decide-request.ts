import type { Json } from '@/components/action-kinds/values';

// One decision from the queue, through the JSON API (POST /api/actions/{id}/decision: the same
// command, guard and schema as the server action). The queue uses the route rather than the
// server action because the action refreshes the whole page from the server after every decision
// (revalidatePath), and parsing 100 cards' worth of it each time cost the next keypress up to
// a few hundred milliseconds (npm run bench:approvals); the queue keeps itself fresh by polling.

export type DecisionAnswer = { ok: true; status: string; message: string; undoUntil?: string } | { ok: false; message: string };

interface DecisionBody {
  action?: { status?: string; undoUntil?: string | null };
  dispatch?: { message?: string } | null;
  error?: { message?: string };
}

export async function requestDecision(
  id: string,
  decision: 'approve' | 'reject',
  extra: { payload?: Json; note?: string; template?: string },
): Promise<DecisionAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/actions/${id}/decision`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ decision, ...extra }),
    });
  } catch {
    return { ok: false, message: 'Callboard could not be reached. Check your connection; the action is still pending.' };
  }
  const body = (await res.json().catch(() => ({}))) as DecisionBody;
  if (!res.ok) return { ok: false, message: body.error?.message ?? `The decision failed (${res.status})` };
  return {
    ok: true,
    status: body.action?.status ?? (decision === 'approve' ? 'approved' : 'rejected'),
    message: body.dispatch?.message ?? 'Rejected.',
    undoUntil: body.action?.undoUntil ?? undefined,
  };
}
