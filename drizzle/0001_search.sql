-- Trigram matching for fuzzy name search and Dutch full-text search over names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organisations_name_trgm_idx ON organisations USING gin ((name->>'nl') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS bodies_name_trgm_idx ON bodies USING gin ((name->>'nl') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS areas_name_trgm_idx ON areas USING gin ((name->>'nl') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS bodies_fts_idx ON bodies USING gin (to_tsvector('dutch', coalesce(name->>'nl', '') || ' ' || coalesce(purpose->>'nl', '')));
