-- CreateIndex
CREATE INDEX "call_customer_number_last_event_at_id_idx" ON "call"("customer_number", "last_event_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "credit_entry_call_id_at_idx" ON "credit_entry"("call_id", "at");
