import { createOrder } from './create-order/definition';
import { sendWhatsapp } from './send-whatsapp/definition';
import type { ActionKindDefinition } from './types';

// Every action kind Callboard can send somewhere. Any other kind (mark_prepaid, update_address,
// ...) is decided and recorded, never sent. A new kind: its folder, and one line here.

export const ACTION_KINDS: readonly ActionKindDefinition[] = [createOrder, sendWhatsapp];

const byId = new Map(ACTION_KINDS.map((kind) => [kind.id, kind]));

/** The kind's definition, or null for a kind that is never sent anywhere. */
export function actionKind(id: string): ActionKindDefinition | null {
  return byId.get(id) ?? null;
}
