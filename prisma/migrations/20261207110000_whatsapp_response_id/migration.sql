-- A WhatsApp status names its message by the id the Cloud API returned when it was sent
-- (dispatch_outbox.response_id); the status webhook finds the action by it (lib/whatsapp/reconcile.ts).
CREATE INDEX "dispatch_outbox_response_id_idx" ON "dispatch_outbox"("response_id");
