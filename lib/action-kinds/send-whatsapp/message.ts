// The WhatsApp message this kind sends, and how long the customer's 24-hour
// service window has left. Pure, shared by the queue (what you see) and the outbox (what goes).

const WINDOW_MS = 24 * 60 * 60 * 1000;

const MESSAGES: Record<string, (greeting: string) => string> = {
  missing_address: (hi) =>
    `${hi}, thank you for your order on the call. We still need your delivery address: please reply with your full address and PIN code so we can ship it.`,
  missing_first_name: () => 'Hi, thank you for your order on the call. Please reply with your name so we can complete your order.',
  invalid_cart_data: (hi) =>
    `${hi}, we could not confirm the items from our call. Please reply with the products and quantities you want, and we will place your order.`,
};

export function defaultWhatsappMessage(reason: string | null | undefined, name?: string | null): string {
  const greeting = name?.trim() ? `Hi ${name.trim()}` : 'Hi';
  const message = reason ? MESSAGES[reason] : undefined;
  return message ? message(greeting) : `${greeting}, thank you for speaking with us. Reply here if you need anything else.`;
}

export interface ServiceWindow {
  endsAt: Date;
  remainingMs: number;
  open: boolean;
}

/** The window opens when the call ends (the action's time when the call has no end yet). */
export function serviceWindow(start: Date | string, now: Date = new Date()): ServiceWindow {
  const endsAt = new Date(new Date(start).getTime() + WINDOW_MS);
  const remainingMs = endsAt.getTime() - now.getTime();
  return { endsAt, remainingMs, open: remainingMs > 0 };
}

/** "23h 5m left", "closed 30m ago", "closed 3d 21h ago". */
export function describeWindow(window: ServiceWindow): string {
  const minutes = Math.floor(Math.abs(window.remainingMs) / 60_000);
  const hours = Math.floor(minutes / 60);
  const span = hours >= 48 ? `${Math.floor(hours / 24)}d ${hours % 24}h` : hours >= 1 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
  return window.open ? `${span} left` : `closed ${span} ago`;
}
