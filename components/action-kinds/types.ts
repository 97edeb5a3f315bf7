import type { ComponentType } from 'react';
import type { Json } from './values';

// The UI of one action kind: how the queue and the action's page show it, how an approver edits
// it, and what must be settled before it may be approved. The registry (registry.tsx) keys each
// kind's views by the id its logic folder (lib/action-kinds/<kind>/id.ts) exports.

/** What a kind's views are given about one action. */
export interface KindContext {
  payload: Json;
  reason: string | null;
  /** When the customer's service window opened: the call's end, else when the action came (ISO). */
  windowStart: string;
  /** The customer on the call, for payloads that name nobody. */
  fallbackNumber: string | null;
  now: number;
  currency: string;
}

/** The queue's choice of a pre-approved template for this action. */
export interface TemplateChoice {
  value: string;
  templates: string[];
  disabled: boolean;
  onChange: (template: string) => void;
}

export interface DetailsProps extends KindContext {
  /** In the queue: where approving sends it (null: nowhere) and the template being chosen. */
  destination?: string | null;
  template?: TemplateChoice;
}

export interface EditProps extends KindContext {
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
  /** When acting on it stops helping the customer (epoch ms; a WhatsApp service window's close), or null. The queue's urgency sort. */
  deadline?: (ctx: KindContext) => number | null;
}
