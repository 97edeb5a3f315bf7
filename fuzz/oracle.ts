import type { FuzzAnswer } from './request';

// What must hold for every fuzzed request, whatever it carried: no 5xx; a 4xx in the error
// envelope; every webhook delivery on record (a 2xx one stored with its event and folded into
// its call, a 4xx one with its error code). Pure: the database facts come in as a row.

/** The database's view of one webhook request, found by its x-request-id (see db-check.ts). */
export interface DeliveryFacts {
  outcome: string;
  httpStatus: number;
  errorCode: string | null;
  eventId: string | null;
  callId: string | null;
  eventFound: boolean;
  eventCallId: string | null;
  eventProviderCallId: string | null;
  callFound: boolean;
  eventCount: number | null;
  storedEvents: number | null;
  lastEventAt: string | null;
  newestEventAt: string | null;
}

export interface Problem {
  /** Short and stable, for grouping: `5xx`, `unfolded`, `missing_delivery`… */
  kind: string;
  detail: string;
}

const HEADERS_TOO_LARGE = 431;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function envelopeCode(answer: FuzzAnswer): string | null {
  const json = parseJson(answer.text) as { error?: { code?: unknown; message?: unknown } } | undefined;
  return json && typeof json.error?.code === 'string' && typeof json.error.message === 'string' ? json.error.code : null;
}

/** The checks every route shares: no 5xx, a whole body, the envelope on a 4xx. */
export function checkAnswer(answer: FuzzAnswer, opts: { envelope?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  // Node's HTTP parser refuses headers over 16 KB before Next or the app see the request.
  if (answer.status === HEADERS_TOO_LARGE) return problems;
  if (answer.status >= 500) problems.push({ kind: '5xx', detail: `${answer.status} ${answer.text.slice(0, 300)}` });
  if (answer.streamError) problems.push({ kind: 'broken_stream', detail: answer.streamError });
  if (answer.status >= 400 && answer.status < 500 && opts.envelope !== false && envelopeCode(answer) === null) {
    problems.push({ kind: 'no_error_envelope', detail: `${answer.status} ${answer.contentType} ${answer.text.slice(0, 200)}` });
  }
  if (answer.status < 300 && answer.contentType.includes('json') && parseJson(answer.text) === undefined) {
    problems.push({ kind: 'bad_json_answer', detail: answer.text.slice(0, 200) });
  }
  return problems;
}

export function checkWebhook(answer: FuzzAnswer, facts: DeliveryFacts | undefined): Problem[] {
  const problems = checkAnswer(answer);
  const json = parseJson(answer.text) as { processed?: unknown } | undefined;
  const d = facts;
  if (answer.status === HEADERS_TOO_LARGE) return problems;
  if (!d) {
    problems.push({ kind: 'missing_delivery', detail: `answered ${answer.status} but no delivery row carries its x-request-id` });
    return problems;
  }
  if (d.httpStatus !== answer.status) problems.push({ kind: 'delivery_status_mismatch', detail: `answered ${answer.status}, recorded ${d.httpStatus}` });
  if (answer.status >= 200 && answer.status < 300) {
    if (json?.processed === false)
      problems.push({ kind: 'accepted_not_processed', detail: `${answer.status} ${answer.text.slice(0, 200)} (delivery ${d.outcome}, ${d.errorCode ?? ''})` });
    else if (d.outcome !== 'stored' && d.outcome !== 'duplicate') problems.push({ kind: 'accepted_not_stored', detail: `delivery outcome ${d.outcome}` });
    if (!d.eventId || !d.eventFound) problems.push({ kind: 'accepted_without_event', detail: `delivery ${d.outcome} has no stored event` });
    else if (d.eventProviderCallId !== null) {
      if (!d.callId || !d.callFound || d.eventCallId !== d.callId)
        problems.push({
          kind: 'event_without_call',
          detail: `event names call ${d.eventProviderCallId}; delivery call ${d.callId}, event call ${d.eventCallId}`,
        });
      else if (d.eventCount !== d.storedEvents || d.lastEventAt !== d.newestEventAt) {
        problems.push({
          kind: 'unfolded',
          detail: `call says ${d.eventCount} events, last ${d.lastEventAt}; stored ${d.storedEvents}, newest ${d.newestEventAt}`,
        });
      }
    }
  } else if (answer.status >= 400 && answer.status < 500) {
    if (d.outcome !== 'rejected') problems.push({ kind: 'rejected_not_recorded', detail: `answered ${answer.status}, delivery outcome ${d.outcome}` });
    if (!d.errorCode || d.errorCode !== envelopeCode(answer))
      problems.push({ kind: 'rejected_without_reason', detail: `error_code ${d.errorCode}, answered ${envelopeCode(answer)}` });
  }
  return problems;
}

/**
 * POST /api/webhooks/whatsapp: every request on record with the status it was answered; a 2xx
 * one stored (or a duplicate), never kept raw for a processing failure; a 4xx one with its reason.
 * It holds messages and statuses, not call events, so nothing is folded.
 */
export function checkWhatsappWebhook(answer: FuzzAnswer, facts: DeliveryFacts | undefined): Problem[] {
  const problems = checkAnswer(answer);
  if (answer.status === HEADERS_TOO_LARGE) return problems;
  if (!facts) {
    problems.push({ kind: 'missing_delivery', detail: `answered ${answer.status} but no delivery row carries its x-request-id` });
    return problems;
  }
  if (facts.httpStatus !== answer.status)
    problems.push({ kind: 'delivery_status_mismatch', detail: `answered ${answer.status}, recorded ${facts.httpStatus}` });
  const json = parseJson(answer.text) as { processed?: unknown } | undefined;
  if (answer.status >= 200 && answer.status < 300) {
    if (json?.processed === false)
      problems.push({ kind: 'accepted_not_processed', detail: `${answer.status} ${answer.text.slice(0, 200)} (${facts.errorCode ?? ''})` });
    else if (facts.outcome !== 'stored' && facts.outcome !== 'duplicate')
      problems.push({ kind: 'accepted_not_stored', detail: `delivery outcome ${facts.outcome}` });
  } else if (answer.status >= 400 && answer.status < 500) {
    if (facts.outcome !== 'rejected') problems.push({ kind: 'rejected_not_recorded', detail: `answered ${answer.status}, delivery outcome ${facts.outcome}` });
    if (!facts.errorCode || facts.errorCode !== envelopeCode(answer))
      problems.push({ kind: 'rejected_without_reason', detail: `error_code ${facts.errorCode}, answered ${envelopeCode(answer)}` });
  }
  return problems;
}
