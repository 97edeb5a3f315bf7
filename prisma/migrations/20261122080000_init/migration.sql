-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" BYTEA NOT NULL,
    "body_size" INTEGER NOT NULL,
    "body_truncated" BOOLEAN NOT NULL DEFAULT false,
    "verification" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "event_type" TEXT,
    "event_id" UUID,
    "call_id" UUID,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "call_id" UUID,
    "provider_call_id" TEXT,
    "type" TEXT NOT NULL,
    "known" BOOLEAN NOT NULL DEFAULT true,
    "occurred_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "normalized" JSONB NOT NULL,
    "signed" BOOLEAN NOT NULL DEFAULT true,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "call_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "provider_call_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "provider_status" TEXT,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "end_reason" TEXT,
    "direction" TEXT,
    "customer_number" TEXT,
    "from_number" TEXT,
    "to_number" TEXT,
    "agent_id" TEXT,
    "application_id" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "variables" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "duration_seconds" DOUBLE PRECISION,
    "recording_url" TEXT,
    "detail_url" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "re_attempt_count" INTEGER,
    "rescheduled_count" INTEGER,
    "transcript" JSONB,
    "summary" TEXT,
    "success" BOOLEAN,
    "disposition" TEXT,
    "analysis" JSONB,
    "credits_used" DOUBLE PRECISION,
    "credits_available" DOUBLE PRECISION,
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "first_event_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "call_id" UUID,
    "provider_call_id" TEXT,
    "kind" TEXT NOT NULL,
    "raw_kind" TEXT NOT NULL,
    "reason" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_entry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "call_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "used" DOUBLE PRECISION NOT NULL,
    "available" DOUBLE PRECISION,

    CONSTRAINT "credit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delivery_received_at_idx" ON "delivery"("received_at" DESC);

-- CreateIndex
CREATE INDEX "delivery_provider_received_at_idx" ON "delivery"("provider", "received_at" DESC);

-- CreateIndex
CREATE INDEX "delivery_event_id_idx" ON "delivery"("event_id");

-- CreateIndex
CREATE INDEX "delivery_call_id_idx" ON "delivery"("call_id");

-- CreateIndex
CREATE INDEX "call_event_call_id_received_at_idx" ON "call_event"("call_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "call_event_provider_dedupe_key_key" ON "call_event"("provider", "dedupe_key");

-- CreateIndex
CREATE INDEX "call_last_event_at_id_idx" ON "call"("last_event_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_status_idx" ON "call"("status");

-- CreateIndex
CREATE UNIQUE INDEX "call_provider_provider_call_id_key" ON "call"("provider", "provider_call_id");

-- CreateIndex
CREATE UNIQUE INDEX "action_event_id_key" ON "action"("event_id");

-- CreateIndex
CREATE INDEX "action_status_created_at_idx" ON "action"("status", "created_at");

-- CreateIndex
CREATE INDEX "action_call_id_idx" ON "action"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_entry_event_id_key" ON "credit_entry"("event_id");

-- CreateIndex
CREATE INDEX "credit_entry_at_idx" ON "credit_entry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "call_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_event" ADD CONSTRAINT "call_event_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action" ADD CONSTRAINT "action_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "call_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action" ADD CONSTRAINT "action_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_entry" ADD CONSTRAINT "credit_entry_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "call_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_entry" ADD CONSTRAINT "credit_entry_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
