import { type Json, obj, str } from '@/components/action-kinds/values';
import type { ActionListItem } from '@/lib/queries/actions/list';

// Pure readings of an action for the queue: who the customer is, how old the request is.
// Payloads come from the agent, so every field is treated as optional. (What an order adds up to
// is the order kind's own: components/action-kinds/create-order/order-math.ts.)

/** The payload that will be (or was) sent: the approver's edit when there is one. */
export function effectivePayload(item: Pick<ActionListItem, 'payload' | 'editedPayload'>): Json {
  return item.editedPayload ?? item.payload;
}

export function customerOf(item: ActionListItem): { name: string | null; number: string | null } {
  const payload = effectivePayload(item);
  const address = obj(payload.shippingAddress);
  const name = [str(address.firstName), str(address.lastName)].filter(Boolean).join(' ') || str(payload.name);
  return { name: name || null, number: str(payload.phone) ?? str(payload.number) ?? str(address.phone) ?? item.call?.customerNumber ?? null };
}

/** "just now", "12 min", "3 h", "2 d": how long the customer has been waiting. */
export function formatAge(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}
