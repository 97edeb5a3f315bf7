-- CreateIndex
-- Analytics: every chart over calls reads a range of last_event_at and only these columns, so
-- Postgres answers from the index alone (an index-only scan) instead of visiting a million rows.
CREATE INDEX "call_analytics_idx" ON "call"("last_event_at", "provider", "status", "credits_used", "duration_seconds", "success", "attempts", "rescheduled_count");
