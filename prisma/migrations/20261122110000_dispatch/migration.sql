-- AlterTable
ALTER TABLE "action" ADD COLUMN     "edited_payload" JSONB;

-- CreateTable
CREATE TABLE "dispatch_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "action_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "lease_token" UUID,
    "last_status" INTEGER,
    "last_error" TEXT,
    "response_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "outbox_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "response_id" TEXT,

    CONSTRAINT "dispatch_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_outbox_action_id_key" ON "dispatch_outbox"("action_id");

-- CreateIndex
CREATE INDEX "dispatch_outbox_status_next_attempt_at_idx" ON "dispatch_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "dispatch_attempt_outbox_id_started_at_idx" ON "dispatch_attempt"("outbox_id", "started_at");

-- AddForeignKey
ALTER TABLE "dispatch_outbox" ADD CONSTRAINT "dispatch_outbox_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_attempt" ADD CONSTRAINT "dispatch_attempt_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "dispatch_outbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
