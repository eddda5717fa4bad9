CREATE TYPE "public"."aggregation_rule" AS ENUM('sum', 'weighted_mean', 'ratio', 'none');--> statement-breakpoint
CREATE TYPE "public"."monitor_import_status" AS ENUM('staged', 'committed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('higher_better', 'lower_better', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."observation_origin" AS ENUM('supplied', 'recomputed', 'aggregated', 'derived');--> statement-breakpoint
CREATE TYPE "public"."observation_status" AS ENUM('final', 'provisional', 'estimated', 'missing', 'confidential');--> statement-breakpoint
CREATE TABLE "area_boundaries" (
	"area_id" uuid PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"definition" jsonb,
	"unit" text NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"min_value" double precision,
	"max_value" double precision,
	"source_organisation" text,
	"source_dataset" text,
	"source_url" text,
	"licence" text,
	"direction" "indicator_direction" DEFAULT 'neutral' NOT NULL,
	"domain" text NOT NULL,
	"aggregation" "aggregation_rule" DEFAULT 'none' NOT NULL,
	"weight_indicator_id" uuid,
	"numerator_indicator_id" uuid,
	"denominator_indicator_id" uuid,
	"multiplier" double precision DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_code_format" CHECK ("indicators"."code" ~ '^[a-z0-9][a-z0-9_.-]*$')
);
--> statement-breakpoint
CREATE TABLE "monitor_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"status" "monitor_import_status" DEFAULT 'staged' NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"commit_ms" integer,
	"summary" jsonb,
	"created_by_user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"indicator_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision,
	"status" "observation_status" DEFAULT 'final' NOT NULL,
	"origin" "observation_origin" DEFAULT 'supplied' NOT NULL,
	"import_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_indicator_id_area_id_period_pk" PRIMARY KEY("indicator_id","area_id","period")
);
--> statement-breakpoint
CREATE TABLE "streekfoto_indicators" (
	"region_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"on_radar" boolean DEFAULT false NOT NULL,
	CONSTRAINT "streekfoto_indicators_region_id_indicator_id_pk" PRIMARY KEY("region_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "streekfoto_profiles" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_boundaries" ADD CONSTRAINT "area_boundaries_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_weight_indicator_id_indicators_id_fk" FOREIGN KEY ("weight_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_numerator_indicator_id_indicators_id_fk" FOREIGN KEY ("numerator_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_denominator_indicator_id_indicators_id_fk" FOREIGN KEY ("denominator_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_imports" ADD CONSTRAINT "monitor_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_monitor_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitor_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streekfoto_indicators" ADD CONSTRAINT "streekfoto_indicators_region_id_streekfoto_profiles_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."streekfoto_profiles"("region_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streekfoto_indicators" ADD CONSTRAINT "streekfoto_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streekfoto_profiles" ADD CONSTRAINT "streekfoto_profiles_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "observations_area_idx" ON "observations" USING btree ("area_id","indicator_id","period_start");--> statement-breakpoint
CREATE INDEX "observations_indicator_period_idx" ON "observations" USING btree ("indicator_id","period_start");