import { deliveryFacts, type Queryable } from './db-check';
import { checkAnswer, checkWebhook, checkWhatsappWebhook, type Problem } from './oracle';
import { describeRequest, type FuzzAnswer, type FuzzRequest } from './request';
import { WHATSAPP_ENDPOINT } from './whatsapp-cases';

// Judges a batch of sent requests at once: one database query for all its webhook deliveries.

export interface Sent {
  request: FuzzRequest;
  answer: FuzzAnswer;
  /** false for routes that answer errors in someone else's shape (Better Auth). */
  envelope?: boolean;
}

export interface Judged extends Sent {
  problems: Problem[];
}

/** Without a database, webhooks get only the answer checks (no 5xx, the envelope). */
export async function judge(batch: Sent[], db: Queryable | null): Promise<Judged[]> {
  const ids = batch.map((s) => s.request.requestId).filter((id): id is string => id !== undefined);
  const facts = db && ids.length > 0 ? await deliveryFacts(db, ids) : new Map();
  return batch.map((s) => ({
    ...s,
    problems:
      s.request.requestId && db
        ? (s.request.path === WHATSAPP_ENDPOINT ? checkWhatsappWebhook : checkWebhook)(s.answer, facts.get(s.request.requestId))
        : checkAnswer(s.answer, { envelope: s.envelope }),
  }));
}

export function describeFailure(j: Judged): string {
  const problems = j.problems.map((p) => `  ✗ ${p.kind}: ${p.detail}`).join('\n');
  return `${problems}\n  request:\n${describeRequest(j.request).replace(/^/gm, '    ')}\n  answer: ${j.answer.status} ${j.answer.text.slice(0, 300)}`;
}
