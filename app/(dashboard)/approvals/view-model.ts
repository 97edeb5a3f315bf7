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

/** "45 min", "3 h 5 min", "2 d 4 h": how long is left. */
export function formatLeft(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export type QueueSort = 'waiting' | 'urgency';

/** One call's pending actions, shown as one card: who the customer is and what the call was about. */
export interface CallGroup {
  key: string;
  callId: string | null;
  customer: { name: string | null; number: string | null };
  summary: string | null;
  items: ActionListItem[];
  /** The oldest action's time (epoch ms): how long this call has waited. */
  since: number;
  /** The soonest deadline among its actions (epoch ms, still ahead), or null. */
  deadline: number | null;
}

/**
 * The queue as cards: the actions of one call together (an action without a call is a card of
 * its own), each card's actions oldest first. `waiting`: the longest-waiting call first.
 * `urgency`: calls with a deadline still ahead (a WhatsApp message's service window) soonest
 * first, then the rest by waiting time; a window already closed cannot be saved by hurrying.
 */
export function groupQueue(items: ActionListItem[], sort: QueueSort, deadlineOf: (item: ActionListItem) => number | null, now: number): CallGroup[] {
  const byKey = new Map<string, CallGroup>();
  for (const item of items) {
    const key = item.callId ?? `action:${item.id}`;
    let group = byKey.get(key);
    if (!group) {
      group = {
        key,
        callId: item.callId,
        customer: { name: null, number: null },
        summary: item.call?.summary ?? null,
        items: [],
        since: Number.POSITIVE_INFINITY,
        deadline: null,
      };
      byKey.set(key, group);
    }
    group.items.push(item);
    group.since = Math.min(group.since, Date.parse(item.createdAt));
    const deadline = deadlineOf(item);
    if (deadline !== null && deadline > now && (group.deadline === null || deadline < group.deadline)) group.deadline = deadline;
  }
  const groups = [...byKey.values()];
  for (const group of groups) {
    group.items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    // The customer as any of the call's actions names them: an order's address names her even
    // when the message asking for it does not.
    const customers = group.items.map(customerOf);
    group.customer = { name: customers.find((c) => c.name)?.name ?? null, number: customers.find((c) => c.number)?.number ?? null };
  }
  const byWaiting = (a: CallGroup, b: CallGroup) => a.since - b.since || a.key.localeCompare(b.key);
  if (sort === 'waiting') return groups.sort(byWaiting);
  return groups.sort((a, b) => {
    if (a.deadline !== null && b.deadline !== null) return a.deadline - b.deadline || byWaiting(a, b);
    if (a.deadline !== null) return -1;
    if (b.deadline !== null) return 1;
    return byWaiting(a, b);
  });
}

/**
 * Where the keyboard goes from `from` in `order` (the queue's ids top to bottom): the next id for
 * which `open` holds, strictly after it. With nothing current, the first open id. Never an id
 * before `from`: after a decision, focus moves on and never back to an item that was skipped.
 */
export function nextOpen(order: string[], from: string | null, open: (id: string) => boolean, step: 1 | -1 = 1): string | null {
  const start = from === null ? (step === 1 ? -1 : order.length) : order.indexOf(from);
  if (from !== null && start === -1) return null;
  for (let i = start + step; i >= 0 && i < order.length; i += step) {
    const id = order[i];
    if (id !== undefined && open(id)) return id;
  }
  return null;
}
