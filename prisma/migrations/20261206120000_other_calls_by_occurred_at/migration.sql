-- "Other calls with this number" lists a customer's calls by when they happened (occurred_at),
-- the latest active first among calls of the same moment, not by latest activity alone: the
-- index follows the order.
DROP INDEX "call_customer_number_last_event_at_id_idx";
CREATE INDEX "call_customer_number_occurred_at_last_event_at_id_idx" ON "call"("customer_number", "occurred_at" DESC, "last_event_at" DESC, "id" DESC);
