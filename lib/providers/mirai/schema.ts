import { z } from 'zod';
import { isoDate, jsonObject, numeric } from '@/lib/providers/common';

// Mirai Minds Voice Agents, v1 ("legacy") webhook: {metadata, event: {type, data}}.
// Sources: shared/seeds/000-002 and spec/providers.md §1.1–1.3.

export const MIRAI_CALL_EVENT_TYPES = [
  'call.initiate',
  'call.in-progress',
  'call.ended',
  'call.completed',
  'call.timeout',
  'call.failed',
  'call.busy',
  'call.no-answer',
  'call.validation-failed',
  'call.skip',
  'call.rescheduled',
  'call.aborted',
] as const;

const nullableUrl = z.string().nullish();

export const miraiCall = z.object({
  id: z.string().min(1),
  status: z.string().nullish(),
  startedAt: isoDate.nullish(),
  endedAt: isoDate.nullish(),
  durationSeconds: numeric(z.number().nonnegative()).nullish(),
  recordingUrl: nullableUrl,
  detailUrl: nullableUrl,
});

const analysis = z.object({
  success: z.boolean().nullish(),
  summary: z.string().nullish(),
  requiredActions: z.array(z.string()).nullish(),
  insights: jsonObject.nullish(),
  outcome: jsonObject.nullish(),
});

const credits = z.object({ used: numeric(z.number()), available: numeric(z.number()).nullish() });

const report = z.object({
  reAttemptCount: numeric(z.number().int().nonnegative()).nullish(),
  rescheduledCount: numeric(z.number().int().nonnegative()).nullish(),
  finalStatus: z.string().nullish(),
});

const callData = z.object({
  call: miraiCall.nullish(),
  analysis: analysis.nullish(),
  credits: credits.nullish(),
  report: report.nullish(),
});

const metadata = jsonObject.nullish();

/** Lifecycle events must name their call; the fold has nothing to attach them to otherwise. */
const lifecycleEvent = z.object({
  metadata,
  event: z.object({
    type: z.enum(MIRAI_CALL_EVENT_TYPES),
    data: callData.extend({ call: miraiCall }),
  }),
});

/** Analysis and the closing report may come without a call object in older docs' fragments. */
const summaryEvent = z.object({
  metadata,
  event: z.object({ type: z.enum(['end-of-call', 'call.lifecycle-ended']), data: callData }),
});

const actionEvent = z.object({
  metadata,
  event: z.object({
    type: z.literal('action'),
    data: z.object({
      action: z.string().min(1),
      call: z.object({ id: z.string().min(1) }).nullish(),
      reason: z.string().nullish(),
      payload: jsonObject.nullish(),
    }),
  }),
});

/** A type this version does not know: stored and shown, never refused. */
const unknownEvent = z.object({
  metadata,
  event: z.object({ type: z.string().min(1), data: z.unknown().optional() }),
});

export const KNOWN_MIRAI_TYPES: ReadonlySet<string> = new Set([...MIRAI_CALL_EVENT_TYPES, 'end-of-call', 'call.lifecycle-ended', 'action']);

export type MiraiLifecycleEvent = z.infer<typeof lifecycleEvent>;
export type MiraiSummaryEvent = z.infer<typeof summaryEvent>;
export type MiraiActionEvent = z.infer<typeof actionEvent>;
export type MiraiUnknownEvent = z.infer<typeof unknownEvent>;

export type MiraiEvent =
  | { kind: 'lifecycle'; body: MiraiLifecycleEvent }
  | { kind: 'summary'; body: MiraiSummaryEvent }
  | { kind: 'action'; body: MiraiActionEvent }
  | { kind: 'unknown'; body: MiraiUnknownEvent };

/** Parses a Mirai v1 body, choosing the schema by `event.type`. Throws ZodError. */
export function parseMiraiEvent(body: unknown): MiraiEvent {
  const envelope = unknownEvent.parse(body);
  const type = envelope.event.type;
  if ((MIRAI_CALL_EVENT_TYPES as readonly string[]).includes(type)) return { kind: 'lifecycle', body: lifecycleEvent.parse(body) };
  if (type === 'end-of-call' || type === 'call.lifecycle-ended') return { kind: 'summary', body: summaryEvent.parse(body) };
  if (type === 'action') return { kind: 'action', body: actionEvent.parse(body) };
  return { kind: 'unknown', body: envelope };
}
