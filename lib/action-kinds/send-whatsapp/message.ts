// The words this kind sends as free text, by the action's reason. Pure, shared by the queue
// (what you see) and the outbox (what goes). The service window is WhatsApp's own, from the
// customer's last message: lib/whatsapp/window.ts.

export { describeWindow, type ServiceWindow, serviceWindow } from '@/lib/whatsapp/window';

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
