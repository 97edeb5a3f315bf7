// The WhatsApp customer service window, as Meta has it: it opens when the customer writes to
// the business number and lasts 24 hours from their latest message. A phone call does not open
// it. Inside it anything may be sent, free text included; outside it only an approved template.
// Pure: the caller reads the customer's last inbound message (lib/whatsapp/last-inbound.ts).

export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ServiceWindow =
  /** The customer has never written to this business number: only a template can start. */
  | { state: 'never_opened'; open: false; lastInboundAt: null; endsAt: null; remainingMs: null }
  | { state: 'open' | 'closed'; open: boolean; lastInboundAt: Date; endsAt: Date; remainingMs: number };

export function serviceWindow(lastInboundAt: Date | string | null | undefined, now: Date = new Date()): ServiceWindow {
  if (lastInboundAt === null || lastInboundAt === undefined) {
    return { state: 'never_opened', open: false, lastInboundAt: null, endsAt: null, remainingMs: null };
  }
  const last = new Date(lastInboundAt);
  const endsAt = new Date(last.getTime() + SERVICE_WINDOW_MS);
  const remainingMs = endsAt.getTime() - now.getTime();
  const open = remainingMs > 0;
  return { state: open ? 'open' : 'closed', open, lastInboundAt: last, endsAt, remainingMs };
}

function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours >= 48 ? `${Math.floor(hours / 24)}d ${hours % 24}h` : hours >= 1 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

/** "open, 23h 5m left", "closed 30m ago", "not opened: the customer has not written". */
export function describeWindow(window: ServiceWindow): string {
  if (window.state === 'never_opened') return 'not opened: the customer has not written';
  return window.open ? `open, ${span(window.remainingMs)} left` : `closed ${span(window.remainingMs)} ago`;
}
