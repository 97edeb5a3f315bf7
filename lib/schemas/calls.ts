import { z } from 'zod';
import { CALL_STATUSES } from '@/lib/providers/types';
import { isTimeZone } from '@/lib/time-zone';
import { pgDateTime, pgText } from './pg-text';

// Query parameters of GET /api/calls and /api/calls/export, shared by the API and the calls page,
// whose URL uses the same names (so a page URL's query string is a valid API query).

const isoDateTime = pgDateTime();

/**
 * Sort keys: when the call happened (the default, what "newest" means), latest activity ("recently
 * updated": a late event or a reprocess moves a call up), call start, duration, credits.
 */
export const CALL_SORTS = ['happened', 'activity', 'started', 'duration', 'credits'] as const;
export type CallSort = (typeof CALL_SORTS)[number];

/** Date presets, in whole days of the team's time zone, ending today. */
export const DATE_RANGES = ['today', '7d', '30d'] as const;
export type DateRange = (typeof DATE_RANGES)[number];

/** `a,b,c` → ['a','b','c']; one value stays valid, so `provider=atoms` reads as before. */
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  pgText()
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(1).max(20));

/** `true`/`false` as the API documents it, or `yes`/`no` as the calls page writes its URL; read as yes/no. */
const flag = z.enum(['true', 'false', 'yes', 'no']).transform((v) => (v === 'true' || v === 'yes' ? 'yes' : 'no'));

/** `key=value` on one metadata key; the value may itself contain '='. */
const metadataFilter = pgText()
  .max(300)
  .regex(/^[^=]{1,100}=[\s\S]{1,200}$/, 'must be key=value')
  .transform((v) => ({ key: v.slice(0, v.indexOf('=')).trim(), value: v.slice(v.indexOf('=') + 1).trim() }));

const viewFilterShape = {
  provider: commaList(z.string().min(1).max(40)).optional(),
  status: commaList(z.enum(CALL_STATUSES)).optional(),
  /** disposition, or failing that the end reason, exactly. */
  outcome: pgText().trim().min(1).max(100).optional(),
  success: flag.optional(),
  /** Has an action waiting for approval. */
  pending: flag.optional(),
  /** agent_id or application_id, exactly. */
  agent: pgText().trim().min(1).max(200).optional(),
  meta: metadataFilter.optional(),
  range: z.enum(DATE_RANGES).optional(),
  /** On when the call happened. A date-time is taken as is; a plain date is a whole day in `tz` (`to` inclusive). */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: pgText().trim().min(1).max(200).optional(),
  sort: z.enum(CALL_SORTS).default('happened'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  /** Zone for `range` and plain dates (default: the team's setting, then UTC). */
  tz: pgText().max(64).refine(isTimeZone, 'must be an IANA time zone').optional(),
};

export const callFiltersSchema = z.object({
  ...viewFilterShape,
  /** Only calls with activity after this instant: what changed since the list was loaded. */
  updatedSince: isoDateTime.optional(),
  cursor: pgText().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type CallFilters = z.infer<typeof callFiltersSchema>;

/** The export takes the list's filters and sort, without paging: every matching call. */
export const callExportSchema = z.object(viewFilterShape);
export type CallExportFilters = z.infer<typeof callExportSchema>;

/** One row of the calls list (GET /api/calls). Dates are ISO strings once sent as JSON. */
export interface CallListItem {
  id: string;
  provider: string;
  providerCallId: string;
  status: string;
  providerStatus: string | null;
  final: boolean;
  direction: string | null;
  customerNumber: string | null;
  agentId: string | null;
  applicationId: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  success: boolean | null;
  summary: string | null;
  /** disposition, or failing that the end reason. */
  outcome: string | null;
  creditsUsed: number | null;
  attempts: number;
  eventCount: number;
  /** When the call happened: its start, else its first provider-stamped event, else its first receipt. */
  occurredAt: Date;
  lastEventAt: Date;
  metadata: Record<string, unknown>;
  pendingActions: number;
}

export interface CallsPage {
  calls: CallListItem[];
  nextCursor: string | null;
  /** Server time of the read: the watermark for "what changed since". */
  asOf: Date;
}

/** A value as it arrives through JSON: dates become strings. */
export type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type CallRow = Jsonified<CallListItem>;
export type CallsPageJson = Jsonified<CallsPage>;

/** Reads a URLSearchParams into a plain object, ignoring empty values. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  params.forEach((value, key) => {
    if (value !== '') out[key] = value;
  });
  return out;
}
