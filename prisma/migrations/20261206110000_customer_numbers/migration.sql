-- Customer numbers are found by the digits people quote: the last 4, 5, … 10 digits of the
-- customer's number ("3210", "43210", "98765 43210"), not only the last 10. The search vector
-- (a generated column, written by hand: see 20261122100000_calls_search) gains those suffixes
-- for customer_number; from_number and to_number keep their last 10 digits only (a suffix of
-- the agent's line would match every call it made). lib/queries/calls/search.ts turns a quoted
-- number into one of these keys.
--
-- Which number is the customer's (metadata keys, action payloads) and its E.164 form are worked
-- out by the fold in Node (lib/ingest/customer-number.ts), with the settings CUSTOMER_NUMBER_KEYS
-- and DEFAULT_PHONE_REGION, which SQL cannot repeat: existing calls get them from
-- `npm run reprocess -- --all`, which refolds every call and writes only the rows that change.
-- Replacing the column recomputes the vector of every existing row from its current numbers.

DROP INDEX IF EXISTS "call_search_vector_idx";

ALTER TABLE "call" DROP COLUMN "search_vector";

ALTER TABLE "call" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
        "search_text"
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 10)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 9)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 8)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 7)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 6)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 5)
        || ' ' || right(regexp_replace(coalesce("customer_number", ''), '\D', '', 'g'), 4)
        || ' ' || right(regexp_replace(coalesce("from_number", ''), '\D', '', 'g'), 10)
        || ' ' || right(regexp_replace(coalesce("to_number", ''), '\D', '', 'g'), 10))
    || to_tsvector('english'::regconfig, "search_text")
    || to_tsvector('english'::regconfig, coalesce("summary", ''))
    || to_tsvector('english'::regconfig, coalesce(jsonb_path_query_array("transcript", '$[*].text'), '[]'::jsonb))
) STORED;

CREATE INDEX "call_search_vector_idx" ON "call" USING GIN ("search_vector");
