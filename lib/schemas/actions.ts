import { z } from 'zod';
import { findBadText, PG_TEXT_MESSAGE, pgJson, pgText } from './pg-text';

// What an approver may send: the agent's payload as the API and the edit form both validate
// it. Unknown keys pass through untouched (looseObject), so a field we do not edit is never lost.

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = (max: number) => pgText().trim().min(1, 'required').max(max);
const optionalText = (max: number) => z.preprocess(blank, pgText().trim().max(max).optional());
const phone = pgText().trim().regex(/^\+?[0-9][0-9\s().-]{6,19}$/, 'must be a phone number with country code');
const amount = z.coerce.number().min(0).max(100_000_000);

export const lineItemSchema = z
  .looseObject({
    title: optionalText(255),
    variantId: z.preprocess(blank, z.union([pgText().trim().min(1).max(100), z.number().int().positive()]).transform(String).optional()),
    quantity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(999),
    price: z.preprocess(blank, amount.optional()),
  })
  .refine((item) => item.title !== undefined || item.variantId !== undefined, { message: 'needs a title or a variantId', path: ['title'] });

export const addressSchema = z.looseObject({
  firstName: text(100),
  lastName: optionalText(100),
  address1: text(255),
  address2: optionalText(255),
  city: text(100),
  province: optionalText(100),
  zip: optionalText(20),
  country: text(100),
  phone: z.preprocess(blank, phone.optional()),
});

export const createOrderPayload = z.looseObject({
  phone: z.preprocess(blank, phone.optional()),
  email: z.preprocess(blank, z.email().optional()),
  lineItems: z.array(lineItemSchema).min(1, 'needs at least one line item').max(100),
  shippingAddress: addressSchema,
  paymentMode: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['cod', 'prepaid']).optional()),
  cartTotal: z.preprocess(blank, amount.optional()),
  codCharge: z.preprocess(blank, amount.optional()),
  discount: z.object({ code: text(100), reason: optionalText(255) }).nullish(),
  note: z.preprocess(blank, pgText().trim().max(1000).nullish()),
  abandonedCheckoutId: pgText().nullish(),
});

export const sendWhatsappPayload = z.looseObject({
  number: phone,
  /** The text to send inside the 24-hour window; by default the reason's message. */
  message: z.preprocess(blank, pgText().trim().max(4096).optional()),
  name: optionalText(100),
});

export type CreateOrderPayload = z.infer<typeof createOrderPayload>;

/** The schema an action kind's payload must satisfy to be approved; null for kinds sent nowhere. */
export function payloadSchemaFor(kind: string) {
  if (kind === 'create_order') return createOrderPayload;
  if (kind === 'send_whatsapp') return sendWhatsappPayload;
  return null;
}

export const ACTION_STATUSES = ['pending', 'approved', 'rejected', 'dispatched', 'failed', 'needs_check'] as const;

export const actionFiltersSchema = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ActionFilters = z.infer<typeof actionFiltersSchema>;

/** POST /api/actions/{id}/decision. `payload` (the edited one) and `template` go with approve only. */
export const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.preprocess(blank, pgText().trim().max(1000).optional()),
    // Stored as jsonb: an unknown key the agent sent is kept, so every string in it is checked.
    payload: pgJson(z.record(z.string(), z.unknown())).optional(),
    template: z.preprocess(blank, pgText().trim().min(1).max(512).optional()),
  })
  .refine((b) => b.decision === 'approve' || (b.payload === undefined && b.template === undefined), {
    message: 'payload and template go with approve only',
    path: ['payload'],
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** An edited payload sent as JSON text (a form field): must be a JSON object. */
export const payloadJsonField = z.string().max(100_000).transform((text, ctx) => {
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
