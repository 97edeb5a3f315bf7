import type { SignableProvider } from './sign';

// Webhook bodies are built as plain JSON values so they serialise exactly as typed: no
// `undefined` fields that JSON.stringify would silently drop.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const MIRAI_OUTCOMES = [
  'answered',
  'busy',
  'no_answer_rescheduled_answered',
  'validation_failed',
  'timeout',
  'aborted',
  'skip',
] as const;
export type MiraiOutcome = (typeof MIRAI_OUTCOMES)[number];

/** Mirai v2: one terminal event per call, no reschedules in the envelope (§1.6). */
export const MIRAI_V2_OUTCOMES = ['answered', 'busy', 'no_answer', 'voicemail', 'timeout', 'aborted'] as const;
export type MiraiV2Outcome = (typeof MIRAI_V2_OUTCOMES)[number];

export const MINIVOICE_OUTCOMES = ['completed'] as const;
export type MiniVoiceOutcome = (typeof MINIVOICE_OUTCOMES)[number];

/** Atoms seed-format `call.end` dispositions. */
export const ATOMS_OUTCOMES = ['successful', 'unsuccessful', 'callback_requested'] as const;
export type AtomsOutcome = (typeof ATOMS_OUTCOMES)[number];

/** Atoms current-format `callData.callStatus` values. */
export const ATOMS_CURRENT_OUTCOMES = ['completed', 'no_answer', 'busy', 'failed'] as const;
export type AtomsCurrentOutcome = (typeof ATOMS_CURRENT_OUTCOMES)[number];

export type SimOutcome = MiraiOutcome | MiraiV2Outcome | MiniVoiceOutcome | AtomsOutcome | AtomsCurrentOutcome;

/** One simulated call: the webhook bodies its provider would send, in sending order. */
export interface SimCall {
  /** The endpoint it is posted to and the provider the API shows. */
  provider: SignableProvider;
  /** Set for a newer envelope posted to the same endpoint (Atoms' current format). */
  dialect?: 'atoms-current';
  providerCallId: string;
  outcome: SimOutcome;
  /** ISO time of the call's first event. */
  startedAt: string;
  events: JsonObject[];
}

/** ISO with milliseconds, as Mirai v1 examples write it. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO to the second, as the MiniVoice and Atoms seed examples write it. */
export function isoS(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
