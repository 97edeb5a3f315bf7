import { z } from 'zod';
import { pgText } from './pg-text';

// GET /api/customers/{number}: one page of the customer's timeline, newest first.

export const customerTimelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the page before (newer). */
  cursor: pgText().max(400).optional(),
});
export type CustomerTimelineQuery = z.infer<typeof customerTimelineQuerySchema>;
