-- Call-less events waiting for a call whose metadata they echo (a Mirai v1 action that arrived
-- before its call's first event). When a call is new or its metadata changes, ingest probes this
-- index once per metadata entry of the call (lib/ingest/link-waiting.ts). Partial, so it holds
-- only the waiting few, not every event; jsonb_path_ops, since the probe is `@>`.
CREATE INDEX "call_event_waiting_idx" ON "call_event" USING GIN ((normalized->'linkMetadata') jsonb_path_ops)
  WHERE "call_id" IS NULL AND normalized ? 'linkMetadata' AND (normalized->>'providerCallId') IS NULL;
