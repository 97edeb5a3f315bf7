import type { ActionDetail } from '@/lib/queries/actions/detail';

// An action's life as one timeline, oldest first: raised by the call, decided (and by whom),
// undone, queued, each attempt with its answer, re-dispatched, sent. Pure, so it is unit-tested.

export interface LifeEvent {
  at: Date;
  title: string;
  detail: string | null;
  tone: 'neutral' | 'good' | 'bad';
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const words = (s: string) => s.replace(/_/g, ' ');

const ATTEMPT_TITLE: Record<string, string> = {
  sent: 'Delivered',
  found: 'Found already delivered (looked up by our key)',
  retry: 'Attempt failed; will retry',
  failed: 'Attempt failed for good',
  refused: 'Refused to send',
  needs_check: 'No answer; needs a person to check',
};

export function actionLife(action: ActionDetail): LifeEvent[] {
  const events: LifeEvent[] = [
    {
      at: action.createdAt,
      title: `Raised by ${action.provider} call ${action.call?.providerCallId ?? action.providerCallId ?? ''}`.trim(),
      detail: action.reason ? `Reason: ${words(action.reason)}` : null,
      tone: 'neutral',
    },
  ];
  for (const entry of action.history) {
    const after = obj(entry.after);
    const by = entry.actorEmail ?? 'someone';
    if (entry.action === 'action_approved') {
      const parts = [
        after.payload ? 'with an edited payload' : null,
        after.template ? `template ${String(after.template)}` : null,
        after.note ? `note: ${String(after.note)}` : null,
      ].filter(Boolean);
      events.push({ at: entry.at, title: `Approved by ${by}`, detail: parts.join(' · ') || null, tone: 'good' });
    } else if (entry.action === 'action_rejected') {
      events.push({ at: entry.at, title: `Rejected by ${by}`, detail: after.note ? `Reason: ${String(after.note)}` : null, tone: 'bad' });
    } else if (entry.action === 'action_undone') {
      const was = obj(entry.before).status === 'rejected' ? 'rejection' : 'approval';
      events.push({ at: entry.at, title: `Undone by ${by}`, detail: `The ${was} was taken back; nothing was sent`, tone: 'neutral' });
    } else if (entry.action === 'action_redispatched') {
      events.push({ at: entry.at, title: `Sent again by ${by}`, detail: after.destination ? `to ${words(String(after.destination))}` : null, tone: 'neutral' });
    } else if (entry.action === 'action_resent_as_template') {
      const parameters = Array.isArray(after.parameters) ? after.parameters.map(String) : [];
      events.push({
        at: entry.at,
        title: `Re-sent as template ${String(after.template)} by ${by}`,
        detail:
          [obj(entry.before).lastError ? String(obj(entry.before).lastError) : null, parameters.length ? `values: ${parameters.join(' · ')}` : null]
            .filter(Boolean)
            .join(' · ') || null,
        tone: 'neutral',
      });
    } else if (entry.action === 'action_marked_sent') {
      events.push({
        at: entry.at,
        title: `Marked as arrived by ${by}`,
        detail: after.reference ? `Reference: ${String(after.reference)}` : null,
        tone: 'good',
      });
    }
  }
  const outbox = action.outbox;
  if (outbox) {
    if (outbox.status === 'skipped') events.push({ at: outbox.createdAt, title: 'Not sent', detail: outbox.lastError, tone: 'neutral' });
    for (const attempt of outbox.attemptLog) {
      const bits = [
        attempt.httpStatus !== null ? `HTTP ${attempt.httpStatus}` : null,
        `${attempt.durationMs} ms`,
        attempt.responseId ? `id ${attempt.responseId}` : null,
        attempt.error,
      ].filter(Boolean);
      const tone = attempt.outcome === 'sent' || attempt.outcome === 'found' ? 'good' : attempt.outcome === 'retry' ? 'neutral' : 'bad';
      events.push({
        at: attempt.startedAt,
        title: `Attempt ${attempt.number} to ${words(outbox.destination)}: ${ATTEMPT_TITLE[attempt.outcome] ?? attempt.outcome}`,
        detail: bits.join(' · '),
        tone,
      });
    }
  }
  // Stable: events at the same moment keep the order they were added in.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map(({ e }) => e);
}
