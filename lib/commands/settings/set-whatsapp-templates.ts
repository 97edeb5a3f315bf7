import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { type WhatsappTemplate, whatsappTemplatesSchema } from '@/lib/whatsapp/templates';
import { readTemplates, WHATSAPP_TEMPLATES_KEY } from '@/lib/whatsapp/templates-store';
import { type SettingChange, writeSetting } from './write-setting';

export type WhatsappTemplatesChange = SettingChange<WhatsappTemplate[]>;

/**
 * Sets the team's WhatsApp templates (validated by whatsappTemplatesSchema; an empty list is no
 * templates at all). null removes the saved list, and WHATSAPP_TEMPLATES seeds it again.
 * Admins only; audited with the lists before and after.
 */
export async function setWhatsappTemplates(actor: Actor, templates: WhatsappTemplate[] | null, ip: string | null = null): Promise<WhatsappTemplatesChange> {
  const value = templates === null ? null : whatsappTemplatesSchema.parse(templates);
  return writeSetting(actor, WHATSAPP_TEMPLATES_KEY, value, readTemplates, 'whatsappTemplates', ip);
}
