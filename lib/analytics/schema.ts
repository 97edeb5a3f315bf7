import { z } from 'zod';
import { callExportSchema } from '@/lib/schemas/calls';
import { pgText } from '@/lib/schemas/pg-text';
import { BREAKDOWNS, GRANULARITIES } from './enums';

// Query parameters of GET /api/analytics/<chart>: the calls list's own range/from/to/provider/tz
// (same names, same validation) plus what only charts need.

const list = callExportSchema.shape;

export const CHARTS = ['summary', 'volume', 'credits', 'balance', 'actions', 'decisions'] as const;
export type ChartName = (typeof CHARTS)[number];

export { BREAKDOWNS, type Breakdown } from './enums';

export const analyticsQuerySchema = z.object({
  range: list.range,
  from: list.from,
  to: list.to,
  provider: list.provider,
  tz: list.tz,
  granularity: z.enum(GRANULARITIES).default('day'),
  by: z.enum(BREAKDOWNS).default('none'),
  /** The metadata key to break credits down by (campaign, store …), with by=meta. */
  key: pgText().trim().min(1).max(100).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export const thresholdSchema = z.object({
  /** Credits; null clears the threshold. */
  threshold: z.number().finite().min(0).max(1e12).nullable(),
});

/** What the rollups count credits by until an admin picks other keys (the migration's backfill too). */
export const DEFAULT_BREAKDOWN_KEYS: readonly string[] = ['campaign', 'store'];
export const MAX_BREAKDOWN_KEYS = 10;

/** The team's breakdown keys: metadata keys whose credits are precomputed. Repeats are dropped. */
export const breakdownKeysSchema = z
  .array(pgText().trim().min(1, 'A key cannot be empty').max(100, 'A key is at most 100 characters'))
  .transform((keys) => [...new Set(keys)])
  .pipe(z.array(z.string()).max(MAX_BREAKDOWN_KEYS, `At most ${MAX_BREAKDOWN_KEYS} breakdown keys`));

/** The settings form's text: one key per line, blank lines ignored. */
export const breakdownKeysTextSchema = z
  .string()
  .transform((text) => text.split(/\r?\n/).filter((line) => line.trim() !== ''))
  .pipe(breakdownKeysSchema);
