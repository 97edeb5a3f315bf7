import type { ComponentType } from 'react';
import type { TemplateFacts } from '@/lib/action-kinds/send-whatsapp/parameters';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import type { Json } from './values';

// The UI of one action kind: how the queue and the action's page show it, how an approver edits
// it, and what must be settled before it may be approved. The registry (registry.tsx) keys each
// kind's views by the id its logic folder (lib/action-kinds/<kind>/id.ts) exports.

/** What a kind's views are given about one action. */
export interface KindContext {
  payload: Json;
  reason: string | null;
  /** The customer's last message to the business (ISO), or null: WhatsApp's service window opens there, never at the call. */
  lastInboundAt: string | null;
  /** The team's WhatsApp templates (Settings), for a kind that may send one. */
  templates: WhatsappTemplate[];
  /** What a template's parameters are filled from (the call and its order), or null. */
  templateFacts: TemplateFacts | null;
  /** The customer on the call, for payloads that name nobody. */
  fallbackNumber: string | null;
  now: number;
  currency: string;
}

/** The queue's choice of a template for this action (by name; its parameters from their sources). */
export interface TemplateChoice {
  value: string;
  disabled: boolean;
  onChange: (template: string) => void;
}

export interface DetailsProps extends KindContext {
  /** In the queue: where approving sends it (null: nowhere) and the template being chosen. */
  destination?: string | null;
  template?: TemplateChoice;
}

export interface EditProps extends KindContext {
  /** Where approving sends it (null: nowhere): what may be sent depends on it. */
  destination?: string | null;
  busy: boolean;
  onSubmit: (payload: Json) => void;
  onCancel: () => void;
}

/** The approver's edit against what the agent asked, on the action's page. */
export interface ChangesProps {
  original: Json;
  edited: Json;
  currency: string;
}

export interface ActionKindView {
  /** On the queue's card: "Order". */
  label: string;
  /** The queue's note when this server has no destination for the kind. */
  notConfigured: string;
  Details: ComponentType<DetailsProps>;
  /** Edit, then approve: builds the payload the API takes, checked with the kind's own schema. */
  Edit: ComponentType<EditProps>;
  /** What an edit changed, shown on the action's page; without it both versions are shown whole. */
  Changes?: ComponentType<ChangesProps>;
  /** Why Approve must wait, beyond the approver's role; null when it need not. */
  approveBlocker?: (ctx: KindContext & { destination: string | null; template: string }) => string | null;
  /** Show the outbox's payload as well as the approved one (WhatsApp: a template chosen at approval or re-send goes, not the text). */
  showOutbox?: (outboxPayload: Json, approved: Json) => boolean;
  /** What the choice of template starts as (WhatsApp outside the service window: the first template), or ''. */
  defaultTemplate?: (ctx: KindContext & { destination: string | null }) => string;
  /** What a person can do about a send that failed (WhatsApp: re-send as a template), on the action's page. */
  Recover?: ComponentType<RecoverProps>;
  /** When acting on it stops helping the customer (epoch ms; a WhatsApp service window's close), or null. The queue's urgency sort. */
  deadline?: (ctx: KindContext) => number | null;
}

/** A decided action whose sending failed, as its page knows it. */
export interface RecoverProps extends KindContext {
  id: string;
  status: string;
  outboxStatus: string | null;
  lastError: string | null;
  /** Failures reported later (WhatsApp status webhooks), newest last. */
  failures: unknown[];
  messageState: string | null;
  mayDecide: boolean;
}
