import { z } from 'zod';
import { pgText } from './pg-text';

/** POST /api/reprocess: one call, one provider's calls, or all of them. */
export const reprocessSchema = z.union([
  z.strictObject({ callId: z.uuid() }),
  z.strictObject({ provider: pgText().min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type ReprocessInput = z.infer<typeof reprocessSchema>;
