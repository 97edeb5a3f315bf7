-- Call-less events waiting for a call whose metadata they echo (a Mirai v1 action that arrived
-- before its call's first event). When a call is new or its metadata changes, ingest looks up
-- each subset of the call's metadata here (lib/ingest/link-waiting.ts). Partial, so it holds
-- only the waiting few, not every event; hash, since the lookups are equality on a whole jsonb
-- (and a hash entry has no size limit, unlike a btree one, whatever metadata a provider sends).
CREATE INDEX "call_event_waiting_idx" ON "call_event" USING HASH ((normalized->'linkMetadata'))
  WHERE "call_id" IS NULL AND normalized ? 'linkMetadata' AND (normalized->>'providerCallId') IS NULL;
