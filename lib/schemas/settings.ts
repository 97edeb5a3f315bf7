import { z } from 'zod';
import { whatsappTemplatesSchema } from '@/lib/whatsapp/templates';
import { pgJson } from './pg-text';

// Team settings written through the JSON API and the Settings page's forms.

/** The WhatsApp templates as stored in jsonb: every string in them storable (no NUL). */
export const storableTemplatesSchema = pgJson(whatsappTemplatesSchema);

/** PUT /api/settings/whatsapp-templates. `templates`: the whole list, replacing the saved one; null goes back to WHATSAPP_TEMPLATES. */
export const whatsappTemplatesBodySchema = z.object({ templates: storableTemplatesSchema.nullable() });
