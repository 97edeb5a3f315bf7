import { z } from 'zod';
import { findBadText, PG_TEXT_MESSAGE, pgJson, pgText } from './pg-text';

// The action API's inputs, whatever the kind: filters, a decision, an edited payload as JSON,
// mark-sent. Each kind's payload schema lives with its kind (lib/action-kinds/<kind>/schema.ts).

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ACTION_STATUSES = ['pending', 'approved', 'rejected', 'dispatched', 'failed', 'needs_check'] as const;

export const actionFiltersSchema = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The `nextCursor` of the page before. */
  cursor: pgText().max(400).optional(),
});
export type ActionFilters = z.infer<typeof actionFiltersSchema>;

/** A WhatsApp template as chosen: its name (parameters from their sources), or {name, language?, parameters?}. */
export const templateInput = z.union([
  pgText().trim().min(1).max(512),
  z.object({
    name: pgText().trim().min(1).max(512),
    language: z.preprocess(blank, pgText().trim().max(20).optional()),
    parameters: z.array(pgText().max(1024)).max(20).optional(),
  }),
]);

/** The same from a form field: a name, or the object as JSON text. */
export const templateInputField = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{')) return trimmed;
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'template: not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(templateInput);

/** POST /api/actions/{id}/resend: the template to send instead (default: the first the call fills completely; the one that failed last). */
export const resendSchema = z.object({ template: templateInput.optional() });

/** POST /api/actions/{id}/decision. `payload` (the edited one) and `template` go with approve only. */
export const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.preprocess(blank, pgText().trim().max(1000).optional()),
    // Stored as jsonb: an unknown key the agent sent is kept, so every string in it is checked.
    payload: pgJson(z.record(z.string(), z.unknown())).optional(),
    /** A WhatsApp template: its name (parameters from their sources), or {name, language?, parameters?}. */
    template: z.preprocess(blank, templateInput.optional()),
  })
  .refine((b) => b.decision === 'approve' || (b.payload === undefined && b.template === undefined), {
    message: 'payload and template go with approve only',
    path: ['payload'],
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** An edited payload sent as JSON text (a form field): must be a JSON object. */
export const payloadJsonField = z
  .string()
  .max(100_000)
  .transform((text, ctx) => {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const bad = findBadText(value);
        if (!bad) return value as Record<string, unknown>;
        ctx.addIssue({ code: 'custom', message: `${bad.join('.')}: ${PG_TEXT_MESSAGE}` });
        return z.NEVER;
      }
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
    return z.NEVER;
  });

/** POST /api/actions/{id}/mark-sent: the destination's own reference, when the person has one. */
export const markSentSchema = z.object({ reference: pgText().trim().min(1).max(500).optional() });
