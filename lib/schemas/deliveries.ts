import { z } from 'zod';
import { pgDateTime, pgText } from './pg-text';

// Query parameters of GET /api/deliveries, shared by the API and the deliveries page, whose
// filter form writes the same names into its URL.

export const DELIVERY_OUTCOMES = ['stored', 'duplicate', 'rejected', 'failed'] as const;

export const DELIVERY_VERIFICATIONS = ['valid', 'invalid', 'missing', 'stale', 'unsigned'] as const;

/** Relative windows: a shared link keeps meaning "the last hour" instead of a fixed hour. */
export const DELIVERY_SINCE = { '15m': 15, '1h': 60, '24h': 24 * 60, '7d': 7 * 24 * 60, '30d': 30 * 24 * 60 } as const;
export type DeliverySince = keyof typeof DELIVERY_SINCE;

const isoDateTime = pgDateTime();

export const deliveryFiltersSchema = z.object({
  provider: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a provider id')
    .optional(),
  outcome: z.enum(DELIVERY_OUTCOMES).optional(),
  verification: z.enum(DELIVERY_VERIFICATIONS).optional(),
  since: z.enum(Object.keys(DELIVERY_SINCE) as [DeliverySince, ...DeliverySince[]]).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** An event type, a provider call id, or text in the body of a delivery that reached no call. */
  q: pgText().trim().min(1).max(200).optional(),
  cursor: pgText().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type DeliveryFilters = z.infer<typeof deliveryFiltersSchema>;
