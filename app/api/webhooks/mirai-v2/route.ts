// POST /api/webhooks/mirai-v2 — Mirai Minds v2 call and campaign events (X-Mirai-Signature).
import { handleWebhook } from '@/lib/ingest/handle-webhook';
import { miraiV2 } from '@/lib/providers/mirai-v2';

export const POST = (request: Request) => handleWebhook(miraiV2, request);
