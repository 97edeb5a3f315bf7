-- DropIndex
DROP INDEX "call_status_idx";

-- AlterTable
-- Written by hand: Prisma cannot express a generated column (schema.prisma declares it as
-- Unsupported("tsvector") with an empty dbgenerated() default). Postgres keeps it current on
-- every insert and update, so the ingest path needs no change. The 'simple' part holds ids,
-- numbers and metadata values verbatim, plus the last 10 digits of each phone number, so a
-- number matches with or without '+' and country code. Summary and transcript turns are stemmed
-- in English ("refunds" finds "refund"), and so is search_text, so one query can mix an id
-- with a word ("ORD-1042 refund").
ALTER TABLE "call" ADD COLUMN     "search_vector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
        "search_text"
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 10)
        || ' ' || right(regexp_replace(coalesce("from_number", ''), '\D', '', 'g'), 10)
        || ' ' || right(regexp_replace(coalesce("to_number", ''), '\D', '', 'g'), 10))
    || to_tsvector('english'::regconfig, "search_text")
    || to_tsvector('english'::regconfig, coalesce("summary", ''))
    || to_tsvector('english'::regconfig, coalesce(jsonb_path_query_array("transcript", '$[*].text'), '[]'::jsonb))
) STORED;

-- CreateTable
CREATE TABLE "team_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "team_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "call_status_last_event_at_id_idx" ON "call"("status", "last_event_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_provider_last_event_at_id_idx" ON "call"("provider", "last_event_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_started_at_id_idx" ON "call"("started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_duration_seconds_id_idx" ON "call"("duration_seconds" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_credits_used_id_idx" ON "call"("credits_used" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_search_vector_idx" ON "call" USING GIN ("search_vector");
