import { z } from 'zod';
import { CALL_STATUSES } from '@/lib/ingest/types';

// Query parameters of GET /api/calls, shared by the API and the pages that build its URLs.

const isoDateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date or date-time');

export const callFiltersSchema = z.object({
  provider: z.string().min(1).max(40).optional(),
  status: z.enum(CALL_STATUSES).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type CallFilters = z.infer<typeof callFiltersSchema>;

export const actionFiltersSchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'dispatched', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type ActionFilters = z.infer<typeof actionFiltersSchema>;

/** Reads a URLSearchParams into a plain object, ignoring empty values. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  params.forEach((value, key) => {
    if (value !== '') out[key] = value;
  });
  return out;
}
