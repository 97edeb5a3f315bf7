import { z } from 'zod';
import { isoDate, jsonObject, numeric } from '@/lib/providers/common';

// Mirai Minds v2 webhooks: {id, type, created_at, data}; `data.call` is the call object as
// GET /v2/calls/{id} returns it at that moment. Envelope is additive (spec §1.6): unknown
// fields are ignored, unknown types accepted.

const cost = z.object({ amount_inr: numeric(z.number()).nullish() }).loose();

export const miraiV2Call = z.object({
  id: z.string().min(1),
  agent_id: z.string().nullish(),
  to: z.string().nullish(),
  status: z.string().nullish(),
  tier: z.string().nullish(),
  ended_reason: z.string().nullish(),
  started_at: isoDate.nullish(),
  ended_at: isoDate.nullish(),
  duration_secs: numeric(z.number().nonnegative()).nullish(),
  // The cost field drifted across doc versions: a number, or {amount_inr, per_min_inr, …}.
  cost_inr: numeric(z.number()).nullish(),
  cost: cost.nullish(),
  metadata: jsonObject.nullish(),
  analysis: jsonObject.nullish(),
  recording_url: z.string().nullish(),
});

const turn = z.object({
  role: z.string(),
  text: z.string(),
  start_ms: numeric(z.number()).nullish(),
  end_ms: numeric(z.number()).nullish(),
});

export const miraiV2Event = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: isoDate,
  data: z
    .object({
      call: miraiV2Call.nullish(),
      campaign: z
        .object({ id: z.string().min(1), name: z.string().nullish(), status: z.string().nullish() })
        .loose()
        .nullish(),
      processing: z
        .object({ version: numeric(z.number().int()).nullish() })
        .loose()
        .nullish(),
      transcript: z.object({ status: z.string().nullish(), turns: z.array(turn).nullish() }).nullish(),
    })
    .loose(),
});

export type MiraiV2Event = z.infer<typeof miraiV2Event>;

export const MIRAI_V2_CALL_TYPES = [
  'call.queued',
  'call.started',
  'call.completed',
  'call.processed',
  'call.voicemail',
  'call.failed',
  'call.aborted',
] as const;
export const MIRAI_V2_CAMPAIGN_TYPES = ['campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed', 'campaign.stopped'] as const;
