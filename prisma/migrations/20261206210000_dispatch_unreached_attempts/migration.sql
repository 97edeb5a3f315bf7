-- Tries that certainly never reached the destination (connection refused, DNS, TLS, a reset
-- while the request was still being written): they are retried on their own count and do not
-- use up the attempts that may have reached it (lib/dispatch/drain.ts).
ALTER TABLE "dispatch_outbox" ADD COLUMN "unreached_attempts" INTEGER NOT NULL DEFAULT 0;
