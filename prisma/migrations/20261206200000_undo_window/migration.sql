-- Until when a decision can be undone (APPROVAL_UNDO_SECONDS after it). The decision's outbox
-- row is written with next_attempt_at = undo_until, so nothing is claimed before the window
-- closes; an undo inside the window deletes that row in the same transaction.
ALTER TABLE "action" ADD COLUMN "undo_until" TIMESTAMPTZ(3);
