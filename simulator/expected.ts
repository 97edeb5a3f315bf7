import type { SimCall, SimOutcome } from './types';

// What Callboard should show for a generated call once all its events are in, in any order and
// with any duplicates: written from the providers' specs, so --check is an independent test of
// the fold rather than a copy of it.

export interface ExpectedCall {
  provider: string;
  providerCallId: string;
  status: string;
  /** Dial attempts: a re-attempt after busy or no answer counts again. */
  attempts: number;
  /** Distinct events: a byte-identical re-delivery is one stored event. */
  events: number;
  actions: number;
}

const FINAL_STATUS: Record<SimOutcome, string> = {
  answered: 'completed',
  busy: 'busy',
  no_answer_rescheduled_answered: 'completed',
  validation_failed: 'validation_failed',
  timeout: 'timeout',
  aborted: 'canceled',
  skip: 'skipped',
  no_answer: 'no_answer',
  failed: 'failed',
  voicemail: 'voicemail',
  completed: 'completed',
  successful: 'completed',
  unsuccessful: 'completed',
  callback_requested: 'completed',
};

function isActionEvent(event: SimCall['events'][number]): boolean {
  const inner = event.event;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && inner.type === 'action';
}

/** Mirai's closing report counts re-attempts and reschedules (providers.md §1.3); the other dialects dial once. */
function attemptsOf(events: SimCall['events']): number {
  for (const event of events) {
    const inner = event.event;
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) continue;
    const data = inner.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) continue;
    const report = data.report;
    if (typeof report !== 'object' || report === null || Array.isArray(report)) continue;
    // A reschedule books another attempt even when an abort cancels it before it dials.
    const counts = [report.reAttemptCount, report.rescheduledCount].filter((n): n is number => typeof n === 'number');
    if (counts.length > 0) return 1 + Math.max(...counts);
  }
  return 1;
}

export function expectedOf(call: SimCall): ExpectedCall {
  const distinct = [...new Map(call.events.map((e) => [JSON.stringify(e), e])).values()];
  return {
    provider: call.provider,
    providerCallId: call.providerCallId,
    status: FINAL_STATUS[call.outcome],
    attempts: attemptsOf(distinct),
    events: distinct.length,
    actions: distinct.filter(isActionEvent).length,
  };
}
