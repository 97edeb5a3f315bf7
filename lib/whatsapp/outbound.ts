import type { Queryable } from '@/lib/db';
import { renderTemplate, templateKey } from './templates';
import { loadWhatsappTemplates } from './templates-store';
import { e164 } from './webhook';

// A message the Cloud API accepted, kept beside the customer's replies: what they read (the text,
// or the template rendered with its parameters), with the action that sent it.

export interface OutboundMessage {
  wamid: string;
  businessPhoneId: string;
  /** The number as sent (the Cloud API gets its digits). */
  number: string;
  actionId: string;
  sentAt: Date;
  payload: Record<string, unknown>;
}

interface SentTemplate {
  name: string;
  language: string;
  parameters: string[];
}

function sentTemplate(payload: Record<string, unknown>): SentTemplate | null {
  const t = payload.template as { name?: unknown; language?: unknown; parameters?: unknown } | undefined;
  if (!t || typeof t.name !== 'string') return null;
  const parameters = Array.isArray(t.parameters) ? t.parameters.map(String) : [];
  return { name: t.name, language: typeof t.language === 'string' ? t.language : '', parameters };
}

/** What the customer reads: the text, or the template's body with its parameters (its name when the body is unknown here). */
export async function outboundBody(db: Queryable, payload: Record<string, unknown>): Promise<{ type: 'text' | 'template'; body: string | null }> {
  const template = sentTemplate(payload);
  if (!template) return { type: 'text', body: typeof payload.message === 'string' ? payload.message : null };
  const { templates } = await loadWhatsappTemplates(db);
  const known = templates.find((t) => templateKey(t) === templateKey(template)) ?? templates.find((t) => t.name === template.name);
  return { type: 'template', body: known?.body ? renderTemplate(known.body, template.parameters) : `Template ${template.name} (${template.language})` };
}

export async function recordOutbound(db: Queryable, m: OutboundMessage): Promise<void> {
  const { type, body } = await outboundBody(db, m.payload);
  await db.query(
    `INSERT INTO whatsapp_message (wamid, direction, business_phone_id, customer_number, type, body, sent_at, action_id)
     VALUES ($1, 'outbound', $2, $3, $4, $5, $6, $7)
     ON CONFLICT (wamid) DO NOTHING`,
    [m.wamid, m.businessPhoneId, e164(m.number.replace(/\D/g, '')), type, body, m.sentAt, m.actionId],
  );
}
