CREATE TABLE "search_entries" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"revision_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"visible_from" timestamp with time zone NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"head_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "revisions_search_idx";--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_published_idx" ON "search_entries" USING btree ("published_at" DESC NULLS FIRST,"item_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "search_entries_vector_idx" ON "search_entries" USING gin ("search_vector");
--> statement-breakpoint
-- The long vectors out of line, uncompressed: the rows stay narrow (about 400 bytes), so the table
-- and the index visits stay in memory at 100,000 texts, and a vector read back (only the newest
-- texts', see db/queries/search.ts) needs no decompression. Inline they made the table eight times
-- larger, past the embedded database's 128 MB of buffers.
ALTER TABLE "search_entries" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;--> statement-breakpoint
-- search_entries holds exactly the public texts (see db/schema/content.ts). Triggers keep it so: any
-- statement that publishes, withdraws, moves or republishes a text or its issue refreshes its rows,
-- whichever code path (workflow, scheduler, seed, a hand-written fix) runs it.
-- The text's vector plus one lexeme for its month (Stockholm time), '§2025-11': lets the GIN index
-- find a word's matches within some months without visiting the older ones (db/queries/search.ts).
-- The search parser drops '§', so no reader's query can produce or match it.
CREATE FUNCTION search_entries_vector(vector tsvector, published timestamptz) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT vector || array_to_tsvector(ARRAY['§' || to_char(published AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')]);
$$;
--> statement-breakpoint
CREATE FUNCTION search_entries_refresh(item uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries (item_id, revision_id, publication_id, published_at, visible_from, search_vector, head_vector)
  SELECT i.id, r.id, i.publication_id, i.published_at, greatest(i.published_at, n.published_at), search_entries_vector(r.search_vector, i.published_at),
    setweight(to_tsvector('swedish', r.title), 'A') || setweight(to_tsvector('swedish', r.lead), 'B')
  FROM content_items i
  JOIN revisions r ON r.id = i.published_revision_id
  LEFT JOIN newsletter_issues n ON n.id = i.issue_id
  WHERE i.id = item
    AND i.withdrawn_at IS NULL
    AND i.published_at IS NOT NULL
    AND (i.issue_id IS NULL OR (n.published_at IS NOT NULL AND n.withdrawn_at IS NULL))
  ON CONFLICT (item_id) DO UPDATE SET
    revision_id = excluded.revision_id,
    publication_id = excluded.publication_id,
    published_at = excluded.published_at,
    visible_from = excluded.visible_from,
    search_vector = excluded.search_vector,
    head_vector = excluded.head_vector;
  IF NOT FOUND THEN
    DELETE FROM search_entries WHERE item_id = item;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION search_entries_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION search_entries_issue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(i.id) FROM content_items i WHERE i.issue_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER content_items_search_insert
  AFTER INSERT ON content_items
  FOR EACH ROW WHEN (NEW.published_revision_id IS NOT NULL)
  EXECUTE FUNCTION search_entries_item_changed();
--> statement-breakpoint
CREATE TRIGGER content_items_search_update
  AFTER UPDATE OF published_revision_id, published_at, withdrawn_at, issue_id, publication_id ON content_items
  FOR EACH ROW WHEN (
    OLD.published_revision_id IS DISTINCT FROM NEW.published_revision_id
    OR OLD.published_at IS DISTINCT FROM NEW.published_at
    OR OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at
    OR OLD.issue_id IS DISTINCT FROM NEW.issue_id
    OR OLD.publication_id IS DISTINCT FROM NEW.publication_id
  )
  EXECUTE FUNCTION search_entries_item_changed();
--> statement-breakpoint
CREATE TRIGGER newsletter_issues_search_update
  AFTER UPDATE OF published_at, withdrawn_at ON newsletter_issues
  FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at)
  EXECUTE FUNCTION search_entries_issue_changed();
--> statement-breakpoint
-- The texts already public, by the same function the triggers use: one definition of "public".
SELECT search_entries_refresh(id) FROM content_items WHERE published_revision_id IS NOT NULL;
