import type { WhatsappTemplate } from '@/lib/whatsapp/templates';

/** What the queue needs to know about this deployment and this person; computed on the server. */
export interface QueueSettings {
  mayDecide: boolean;
  role: string;
  /** Per action kind: where approval sends it, or null when nothing is configured. */
  destinations: Record<string, string | null>;
  /** The team's WhatsApp templates (Settings; seeded from WHATSAPP_TEMPLATES). */
  templates: WhatsappTemplate[];
  currency: string;
}
