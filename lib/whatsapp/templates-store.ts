import 'server-only';
import type { Queryable } from '@/lib/db';
import { env } from '@/lib/env';
import { type WhatsappTemplate, whatsappTemplatesSchema } from './templates';

// Where the templates live: the team setting `whatsapp_templates` once an admin has saved the
// list on Settings; until then WHATSAPP_TEMPLATES seeds it (names only, in
// WHATSAPP_TEMPLATE_LANGUAGE, with no body known and no parameters).

export const WHATSAPP_TEMPLATES_KEY = 'whatsapp_templates';

/** A stored value read back: the list, or null when it is not one (then the seed applies). */
export function readTemplates(stored: unknown): WhatsappTemplate[] | null {
  const parsed = whatsappTemplatesSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The list WHATSAPP_TEMPLATES gives before anyone saved one. */
export function seededTemplates(names: readonly string[], language: string): WhatsappTemplate[] {
  return names.map((name) => ({ name, language, body: '', params: [] }));
}

export interface TemplatesSetting {
  templates: WhatsappTemplate[];
  /** Never saved: the list is WHATSAPP_TEMPLATES's names. */
  seeded: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function loadWhatsappTemplates(db: Queryable): Promise<TemplatesSetting> {
  const { rows } = await db.query<{ value: unknown; updated_at: Date; updated_by: string | null }>(
    'SELECT value, updated_at, updated_by FROM team_setting WHERE key = $1',
    [WHATSAPP_TEMPLATES_KEY],
  );
  const stored = rows[0] ? readTemplates(rows[0].value) : null;
  if (stored) return { templates: stored, seeded: false, updatedAt: rows[0]?.updated_at ?? null, updatedBy: rows[0]?.updated_by ?? null };
  const settings = env();
  return { templates: seededTemplates(settings.WHATSAPP_TEMPLATES, settings.WHATSAPP_TEMPLATE_LANGUAGE), seeded: true, updatedAt: null, updatedBy: null };
}
