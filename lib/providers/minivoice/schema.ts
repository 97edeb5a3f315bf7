import { z } from 'zod';
import { isoDate, jsonObject } from '@/lib/providers/common';

// MiniVoice webhook envelope: {event, created_at, call{...}, variables, data}.
// Sources: shared/seeds/003 and spec/providers.md §2.

export const minivoiceCall = z.object({
  id: z.string().min(1),
  customer_id: z.string().nullish(),
  application_id: z.string().nullish(),
  provider_call_id: z.string().nullish(),
  status: z.string().nullish(),
  direction: z.enum(['inbound', 'outbound']).nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  route_mode: z.string().nullish(),
  routing_target: z.string().nullish(),
});

export const minivoiceEvent = z.object({
  event: z.string().min(1),
  created_at: isoDate,
  call: minivoiceCall,
  variables: jsonObject.nullish(),
  data: jsonObject.nullish(),
});

export const KNOWN_MINIVOICE_TYPES: ReadonlySet<string> = new Set([
  'call.created',
  'call.answered',
  'call.completed',
  'call.failed',
  'call.canceled',
  'call.gathered',
  'recording.started',
  'recording.completed',
  'recording.failed',
]);
