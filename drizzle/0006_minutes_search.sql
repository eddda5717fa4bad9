CREATE INDEX "agenda_items_title_fts_idx" ON "agenda_items" USING gin (to_tsvector('dutch', "title"));--> statement-breakpoint
CREATE INDEX "decisions_fts_idx" ON "decisions" USING gin (to_tsvector('dutch', "title" || ' ' || "text"));--> statement-breakpoint
CREATE INDEX "item_minutes_body_fts_idx" ON "item_minutes" USING gin (to_tsvector('dutch', "body"));