import { z } from 'zod';
import { pgText } from '@/lib/schemas/pg-text';
import { blank, optionalText, phone } from '../fields';

// A WhatsApp message as an approver may send it: the API and the edit form both validate it.

export const sendWhatsappPayload = z.looseObject({
  number: phone,
  /** The text to send inside the 24-hour window; by default the reason's message. */
  message: z.preprocess(blank, pgText().trim().max(4096).optional()),
  name: optionalText(100),
});
