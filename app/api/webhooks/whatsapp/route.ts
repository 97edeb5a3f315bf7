// GET/POST /api/webhooks/whatsapp — WhatsApp Cloud API: Meta's subscription handshake; customer messages and message statuses.
import { handleWhatsappHandshake, handleWhatsappWebhook } from '@/lib/ingest/whatsapp-webhook';

export const GET = (request: Request) => handleWhatsappHandshake(request);
export const POST = (request: Request) => handleWhatsappWebhook(request);
