import { z } from 'zod';
import { jsonObject, numeric } from '@/lib/providers/common';

// Atoms' current webhook (docs rewrite of 2026-05, spec §3.2): an envelope
// {url, description, event: "<agentId>.<eventType>", metadata: {...}, id}. Everything about the
// call lives in `metadata`. Older setups send durations as strings or milliseconds (§3.2).

const duration = numeric(z.number().nonnegative()).nullish();

const callData = z
  .object({
    answerTime: z.string().nullish(),
    endTime: z.string().nullish(),
    callDirection: z.string().nullish(),
    callDuration: duration,
    callStatus: z.string().nullish(),
    fromNumber: z.string().nullish(),
    toNumber: z.string().nullish(),
  })
  .loose();

const metric = z
  .object({
    identifier: z.string().nullish(),
    successMetricPrompt: z.string().nullish(),
    value: z.unknown(),
    confidence: numeric(z.number()).nullish(),
    reasoning: z.string().nullish(),
  })
  .loose();

export const atomsCurrentEvent = z.object({
  id: z.string().min(1),
  event: z.string().min(1),
  url: z.string().nullish(),
  description: z.string().nullish(),
  metadata: z
    .object({
      agentId: z.string().nullish(),
      eventType: z.string().min(1),
      conversationType: z.string().nullish(),
      callId: z.string().nullish(),
      toPhone: z.string().nullish(),
      fromPhone: z.string().nullish(),
      recordingUrl: z.string().nullish(),
      callData: callData.nullish(),
      transcript: z.array(z.object({ role: z.string(), content: z.string(), timestamp: z.string().nullish() })).nullish(),
      variables: jsonObject.nullish(),
      analytics: z
        .object({ summary: z.string().nullish(), dispositionMetrics: z.array(metric).nullish(), successMetrics: z.array(metric).nullish() })
        .loose()
        .nullish(),
    })
    .loose(),
});

export type AtomsCurrentEvent = z.infer<typeof atomsCurrentEvent>;

/** The current format carries `metadata.eventType`; the seed format has a flat `event` + `call_id`. */
export function isCurrentFormat(body: unknown): boolean {
  const metadata = (body as { metadata?: unknown } | null)?.metadata;
  return typeof metadata === 'object' && metadata !== null && 'eventType' in metadata;
}
