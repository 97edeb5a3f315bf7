// POST /api/webhooks/mirai — Mirai Minds Voice Agents (v1) call lifecycle and action events.
import { handleWebhook } from '@/lib/ingest/handle-webhook';
import { mirai } from '@/lib/providers/mirai';

export const POST = (request: Request) => handleWebhook(mirai, request);
