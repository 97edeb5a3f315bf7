-- Alerts (issue 18): a condition that needs a person opens one alert, which stays open while
-- the condition holds and resolves once when it ends (lib/alerts). One open alert per rule and
-- subject, enforced here. Notifications of an opening or a resolution are outbox rows without
-- an action: the same drain sends them exactly once and retries them.
CREATE TABLE "alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "rule" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "link" TEXT,
    "facts" JSONB NOT NULL DEFAULT '{}',
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_true_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "alert_state_opened_at_idx" ON "alert"("state", "opened_at" DESC);
CREATE INDEX "alert_rule_subject_opened_at_idx" ON "alert"("rule", "subject", "opened_at" DESC);
-- One open alert per condition: a second evaluation racing the first cannot open it twice.

CREATE UNIQUE INDEX "alert_one_open_idx" ON "alert"("rule", "subject") WHERE "state" = 'open';

ALTER TABLE "dispatch_outbox" ALTER COLUMN "action_id" DROP NOT NULL;
ALTER TABLE "dispatch_outbox" ADD COLUMN "alert_id" UUID;
ALTER TABLE "dispatch_outbox" ADD COLUMN "alert_event" TEXT;
CREATE UNIQUE INDEX "dispatch_outbox_alert_id_alert_event_destination_key" ON "dispatch_outbox"("alert_id", "alert_event", "destination");
ALTER TABLE "dispatch_outbox" ADD CONSTRAINT "dispatch_outbox_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Each row is for an action or for an alert's notification, never both or neither.
ALTER TABLE "dispatch_outbox" ADD CONSTRAINT "dispatch_outbox_one_subject" CHECK (("action_id" IS NULL) <> ("alert_id" IS NULL));
