// POST /api/webhooks/minivoice — MiniVoice call events.
import { handleWebhook } from '@/lib/ingest/handle-webhook';
import { minivoice } from '@/lib/providers/minivoice';

export const POST = (request: Request) => handleWebhook(minivoice, request);
