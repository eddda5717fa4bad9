-- Unlogged: staging only (a crash loses unfinished imports, nothing else); skips the WAL on PostgreSQL.
CREATE UNLOGGED TABLE "monitor_import_rows" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"line" integer NOT NULL,
	"indicator_code" text,
	"indicator_id" uuid,
	"nis_code" text,
	"area_id" uuid,
	"period" text,
	"period_start" date,
	"value" double precision,
	"status" "observation_status",
	"origin" "observation_origin",
	"error" text,
	"check_error" text,
	CONSTRAINT "monitor_import_rows_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "monitor_import_rows" ADD CONSTRAINT "monitor_import_rows_import_id_monitor_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitor_imports"("id") ON DELETE cascade ON UPDATE no action;