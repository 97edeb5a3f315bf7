import { z } from 'zod';
import { pgText } from '@/lib/schemas/pg-text';
import { amount, blank, optionalText, phone, text } from '../fields';
import { countryCode } from './country-codes';

// An order as an approver may send it: the agent's payload as the API and the edit form both
// validate it.

export const lineItemSchema = z
  .looseObject({
    title: optionalText(255),
    variantId: z.preprocess(
      blank,
      z
        .union([pgText().trim().min(1).max(100), z.number().int().positive()])
        .transform(String)
        .optional(),
    ),
    quantity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(999),
    price: z.preprocess(blank, amount.optional()),
  })
  .refine((item) => item.title !== undefined || item.variantId !== undefined, { message: 'needs a title or a variantId', path: ['title'] });

// Postal codes by the address's country: the countries these orders ship to are checked
// strictly, any other country leniently (any text up to 20 characters), since a wrong rule
// would block a real address.
const POSTAL_CODES: Record<string, { pattern: RegExp; message: string }> = {
  IN: { pattern: /^[1-9][0-9]{2} ?[0-9]{3}$/, message: 'must be a 6-digit PIN code, like 411001' },
  US: { pattern: /^[0-9]{5}(-[0-9]{4})?$/, message: 'must be a ZIP code of 5 digits, like 94103 or 94103-1234' },
  GB: { pattern: /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i, message: 'must be a UK postcode, like SW1A 1AA' },
};

/** Why this postal code cannot be right for the country, or null when it may be. */
export function postalCodeProblem(zip: string, country: string): string | null {
  const code = countryCode(country);
  const rule = code === 'UK' ? POSTAL_CODES.GB : code ? POSTAL_CODES[code] : undefined;
  return rule && !rule.pattern.test(zip.trim()) ? rule.message : null;
}

export const addressSchema = z
  .looseObject({
    firstName: text(100),
    lastName: optionalText(100),
    address1: text(255),
    address2: optionalText(255),
    city: text(100),
    province: optionalText(100),
    zip: optionalText(20),
    country: text(100),
    phone: z.preprocess(blank, phone.optional()),
  })
  .superRefine((address, ctx) => {
    const problem = address.zip ? postalCodeProblem(address.zip, address.country) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['zip'], message: problem });
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

export type CreateOrderPayload = z.infer<typeof createOrderPayload>;
