ALTER TABLE "revisions" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Revisions written before this migration: their text nodes joined by spaces. New revisions get the
-- renderer's own plain text from appendRevision; this only has to be good enough to find older texts.
UPDATE "revisions" SET "search_text" = coalesce((SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query("body", 'strict $.**.text') AS t), '');--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, "title"), 'A') || setweight(to_tsvector('swedish'::regconfig, "lead"), 'B') || setweight(to_tsvector('swedish'::regconfig, "search_text"), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "revisions_search_idx" ON "revisions" USING gin ("search_vector");