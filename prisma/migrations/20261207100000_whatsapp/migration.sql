-- WhatsApp, the fifth source (issue 17): every message with a customer, in and out, and every
-- status Meta reported for the ones we sent. Filled by POST /api/webhooks/whatsapp (inbound
-- messages, statuses) and by the outbox when the Cloud API accepts a message (outbound).
CREATE TABLE "whatsapp_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wamid" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "business_phone_id" TEXT NOT NULL,
    "business_number" TEXT,
    "customer_number" TEXT NOT NULL,
    "profile_name" TEXT,
    "type" TEXT NOT NULL,
    "body" TEXT,
    "media" JSONB,
    "context_wamid" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivery_id" UUID,
    "action_id" UUID,

    CONSTRAINT "whatsapp_message_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "whatsapp_message_wamid_key" ON "whatsapp_message"("wamid");
CREATE INDEX "whatsapp_message_customer_number_sent_at_idx" ON "whatsapp_message"("customer_number", "sent_at" DESC);
CREATE INDEX "whatsapp_message_window_idx" ON "whatsapp_message"("business_phone_id", "customer_number", "direction", "sent_at" DESC);
CREATE INDEX "whatsapp_message_action_id_idx" ON "whatsapp_message"("action_id");

ALTER TABLE "whatsapp_message" ADD CONSTRAINT "whatsapp_message_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "whatsapp_message" ADD CONSTRAINT "whatsapp_message_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "whatsapp_status" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wamid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "recipient" TEXT,
    "error_code" INTEGER NOT NULL DEFAULT 0,
    "error_title" TEXT,
    "error_message" TEXT,
    "error_details" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivery_id" UUID,

    CONSTRAINT "whatsapp_status_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "whatsapp_status_wamid_status_at_error_code_key" ON "whatsapp_status"("wamid", "status", "at", "error_code");

ALTER TABLE "whatsapp_status" ADD CONSTRAINT "whatsapp_status_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The action's message as Meta last reported it (lib/whatsapp/message-state.ts): the furthest
-- of sent < delivered < read, or failed when nothing got further; every failure kept.
ALTER TABLE "action" ADD COLUMN "message_state" TEXT;
ALTER TABLE "action" ADD COLUMN "message_state_at" TIMESTAMPTZ(3);
ALTER TABLE "action" ADD COLUMN "message_failures" JSONB;
