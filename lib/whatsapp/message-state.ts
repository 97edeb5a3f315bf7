// A sent message's state from every status Meta reported for it, in any order and with repeats:
// the furthest of sent < delivered < read, except that a failure outranks `sent` (Meta reports
// `sent`, then `failed`, for a message that never arrived; `sent` is no evidence it did) and is
// outranked by `delivered` and `read` (a multi-device customer may get it after a failure).
// Every failure is kept. Pure.

export const MESSAGE_STATES = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export interface StatusRecord {
  status: MessageState;
  at: Date;
  errorCode: number;
  errorTitle: string | null;
  errorMessage: string | null;
  errorDetails: string | null;
}

export interface MessageFailure {
  code: number;
  title: string | null;
  message: string | null;
  details: string | null;
  at: string;
}

const RANK: Record<MessageState, number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

/** It reached the customer's phone: delivered or read. */
export const arrived = (state: MessageState | null): boolean => state === 'delivered' || state === 'read';

export function messageState(statuses: readonly StatusRecord[]): { state: MessageState | null; at: Date | null; failures: MessageFailure[] } {
  let best: StatusRecord | null = null;
  for (const s of statuses) {
    if (!best || RANK[s.status] > RANK[best.status] || (RANK[s.status] === RANK[best.status] && s.at < best.at)) best = s;
  }
  const failures = statuses
    .filter((s) => s.status === 'failed')
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.errorCode - b.errorCode)
    .map((s) => ({ code: s.errorCode, title: s.errorTitle, message: s.errorMessage, details: s.errorDetails, at: s.at.toISOString() }));
  return { state: best?.status ?? null, at: best?.at ?? null, failures };
}
