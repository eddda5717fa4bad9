ALTER TABLE "observations" DROP CONSTRAINT "observations_import_id_monitor_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "monitor_import_rows" DROP CONSTRAINT "monitor_import_rows_import_id_monitor_imports_id_fk";
