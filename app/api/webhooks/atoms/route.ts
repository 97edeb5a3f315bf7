// POST /api/webhooks/atoms — Smallest.ai Atoms call events.
import { handleWebhook } from '@/lib/ingest/handle-webhook';
import { atoms } from '@/lib/providers/atoms';

export const POST = (request: Request) => handleWebhook(atoms, request);
