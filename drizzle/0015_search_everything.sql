-- One search over the platform (src/lib/server/search): Dutch full-text GIN indexes on what the
-- search reads, and trigram indexes on the names it matches with typos. The queries repeat
-- these expressions exactly (src/lib/server/search/vectors.ts).
CREATE INDEX IF NOT EXISTS content_items_fts_idx ON content_items USING gin (to_tsvector('dutch', coalesce(title->>'nl', '') || ' ' || coalesce(title->>'en', '') || ' ' || coalesce(summary->>'nl', '') || ' ' || coalesce(summary->>'en', '') || ' ' || coalesce(body->>'nl', '') || ' ' || coalesce(body->>'en', '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS content_items_title_trgm_idx ON content_items USING gin ((title->>'nl') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organisations_fts_idx ON organisations USING gin (to_tsvector('dutch', coalesce(name->>'nl', '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(description->>'nl', '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS meetings_fts_idx ON meetings USING gin (to_tsvector('dutch', coalesce(title, '') || ' ' || coalesce(location, '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS plans_fts_idx ON plans USING gin (to_tsvector('dutch', coalesce(title->>'nl', '') || ' ' || coalesce(title->>'en', '') || ' ' || vision));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS plans_title_trgm_idx ON plans USING gin ((title->>'nl') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS plan_items_fts_idx ON plan_items USING gin (to_tsvector('dutch', title || ' ' || description || ' ' || challenge));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS dossiers_fts_idx ON dossiers USING gin (to_tsvector('dutch', title || ' ' || position));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS dossiers_title_trgm_idx ON dossiers USING gin (title gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS indicators_fts_idx ON indicators USING gin (to_tsvector('dutch', coalesce(name->>'nl', '') || ' ' || coalesce(name->>'en', '') || ' ' || coalesce(definition->>'nl', '') || ' ' || coalesce(definition->>'en', '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS indicators_name_trgm_idx ON indicators USING gin ((name->>'nl') gin_trgm_ops);
