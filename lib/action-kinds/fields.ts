import { z } from 'zod';
import { pgText } from '@/lib/schemas/pg-text';

// Field rules the kinds' payload schemas share. Unknown keys pass through untouched in every
// payload (looseObject), so a field we do not edit is never lost.

export const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
export const text = (max: number) => pgText().trim().min(1, 'required').max(max);
export const optionalText = (max: number) => z.preprocess(blank, pgText().trim().max(max).optional());
export const phone = pgText()
  .trim()
  .regex(/^\+?[0-9][0-9\s().-]{6,19}$/, 'must be a phone number with country code');
export const amount = z.coerce.number().min(0).max(100_000_000);
