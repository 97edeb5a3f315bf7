-- What was changed to make a verified delivery storable (NUL removed, a date out of range
-- dropped, ...), one {field, change} per change; NULL when nothing was (lib/ingest/storable.ts).
ALTER TABLE "delivery" ADD COLUMN "warnings" JSONB;
