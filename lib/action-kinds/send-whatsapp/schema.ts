import { z } from 'zod';
import { pgText } from '@/lib/schemas/pg-text';
import { blank, optionalText, phone } from '../fields';

// A WhatsApp message as an approver may send it: the API and the edit form both validate it.

/** A template with its values, as the approver chose them (the edit form) or as the outbox sends them. */
export const templateChoiceSchema = z.object({
  name: pgText().trim().min(1).max(512),
  language: z.preprocess(blank, pgText().trim().max(20).optional()),
  /** The body's {{1}}…{{n}} in order; left out: filled from each parameter's source. */
  parameters: z.array(pgText().max(1024)).max(20).optional(),
});

export const sendWhatsappPayload = z.looseObject({
  number: phone,
  /** Free text, only inside the customer's service window; by default the reason's message. */
  message: z.preprocess(blank, pgText().trim().max(4096).optional()),
  name: optionalText(100),
  /** A template instead of free text (the only thing that may start a conversation). */
  template: templateChoiceSchema.optional(),
});
