import { type WhatsappFailureHandling, whatsappError } from '@/lib/whatsapp/errors';

// Which WhatsApp failure an action ended with, and whether a template answers it: the sender
// writes "WhatsApp error <code>: …" as the outbox's last error (a refused send); the status
// webhook keeps every failure in action.message_failures (a message that failed later).

export interface LastFailure {
  code: number;
  handling: WhatsappFailureHandling;
}

/** The latest failure's code, from the status webhook's failures, else the send's last error. */
export function lastWhatsappFailure(lastError: string | null | undefined, messageFailures: unknown): LastFailure | null {
  const failures = Array.isArray(messageFailures) ? messageFailures : [];
  const last = failures.at(-1) as { code?: unknown } | undefined;
  const code = typeof last?.code === 'number' ? last.code : Number(/^WhatsApp error (\d+)/.exec(lastError ?? '')?.[1] ?? Number.NaN);
  return Number.isFinite(code) ? { code, handling: whatsappError(code).handling } : null;
}

/** A template answers it: outside the window (131047), or the template itself was wrong (132000, 132001). */
export function templateAnswers(failure: LastFailure | null): boolean {
  return failure?.handling === 'send_template' || failure?.handling === 'fix_template';
}
