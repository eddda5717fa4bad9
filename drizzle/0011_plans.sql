CREATE TYPE "public"."decision_plan_effect" AS ENUM('adopts', 'amends', 'creates', 'changes');--> statement-breakpoint
CREATE TYPE "public"."plan_item_kind" AS ENUM('theme', 'objective', 'action');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'adopted', 'running', 'closed');--> statement-breakpoint
CREATE TYPE "public"."plan_reminder_schedule" AS ENUM('monthly', 'quarterly', 'none');--> statement-breakpoint
CREATE TYPE "public"."track_status" AS ENUM('not_started', 'on_track', 'at_risk', 'off_track', 'done');--> statement-breakpoint
CREATE TYPE "public"."measure_trajectory" AS ENUM('linear', 'stepped');--> statement-breakpoint
CREATE TABLE "agenda_item_actions" (
	"agenda_item_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "agenda_item_actions_agenda_item_id_item_id_pk" PRIMARY KEY("agenda_item_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "decision_plan_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid,
	"effect" "decision_plan_effect" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action_partners" (
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "plan_action_partners_item_id_organisation_id_pk" PRIMARY KEY("item_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "plan_indicators_plan_id_indicator_id_pk" PRIMARY KEY("plan_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" "plan_item_kind" NOT NULL,
	"external_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"challenge" text DEFAULT '' NOT NULL,
	"is_priority" boolean DEFAULT false NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"status_override" "track_status",
	"override_reason" text,
	"override_by_user_id" uuid,
	"lead_organisation_id" uuid,
	"owner_person_id" uuid,
	"start_date" date,
	"due_date" date,
	"budget_planned" numeric(14, 2),
	"budget_spent" numeric(14, 2),
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_items_progress" CHECK ("plan_items"."progress" between 0 and 100),
	CONSTRAINT "plan_items_weight" CHECK ("plan_items"."weight" >= 0),
	CONSTRAINT "plan_items_dates" CHECK ("plan_items"."due_date" is null or "plan_items"."start_date" is null or "plan_items"."due_date" >= "plan_items"."start_date"),
	CONSTRAINT "plan_items_budget" CHECK (coalesce("plan_items"."budget_planned", 0) >= 0 and coalesce("plan_items"."budget_spent", 0) >= 0),
	CONSTRAINT "plan_items_shape" CHECK (("plan_items"."kind" = 'theme' and "plan_items"."parent_id" is null) or ("plan_items"."kind" <> 'theme' and "plan_items"."parent_id" is not null)),
	CONSTRAINT "plan_items_override_reason" CHECK ("plan_items"."status_override" is null or coalesce("plan_items"."override_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "plan_measure_targets" (
	"measure_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "plan_measure_targets_measure_id_period_pk" PRIMARY KEY("measure_id","period")
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_period" text NOT NULL,
	"baseline_period_start" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_period" text NOT NULL,
	"target_period_start" date NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"trajectory" "measure_trajectory" DEFAULT 'linear' NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"status_override" "track_status",
	"override_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_measures_target_after_baseline" CHECK ("plan_measures"."target_period_start" > "plan_measures"."baseline_period_start"),
	CONSTRAINT "plan_measures_direction" CHECK ("plan_measures"."direction" <> 'neutral'),
	CONSTRAINT "plan_measures_weight" CHECK ("plan_measures"."weight" >= 0),
	CONSTRAINT "plan_measures_override_reason" CHECK ("plan_measures"."status_override" is null or coalesce("plan_measures"."override_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_update_attachments" (
	"update_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "plan_update_attachments_update_id_file_id_pk" PRIMARY KEY("update_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "plan_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid,
	"measure_id" uuid,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"progress" integer,
	"status_proposal" "track_status",
	"author_user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_updates_target" CHECK (("plan_updates"."item_id" is null) <> ("plan_updates"."measure_id" is null)),
	CONSTRAINT "plan_updates_progress" CHECK ("plan_updates"."progress" is null or "plan_updates"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"decision_id" uuid,
	"reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"body_id" uuid,
	"region_id" uuid,
	"title" jsonb NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"adopted_by_decision_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"reminders" "plan_reminder_schedule" DEFAULT 'quarterly' NOT NULL,
	"tolerances" jsonb,
	"status_override" "track_status",
	"override_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_owner" CHECK ("plans"."body_id" is not null or "plans"."region_id" is not null),
	CONSTRAINT "plans_period" CHECK ("plans"."period_end" >= "plans"."period_start"),
	CONSTRAINT "plans_override_reason" CHECK ("plans"."status_override" is null or coalesce("plans"."override_reason", '') <> '')
);
--> statement-breakpoint
ALTER TABLE "agenda_item_actions" ADD CONSTRAINT "agenda_item_actions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_actions" ADD CONSTRAINT "agenda_item_actions_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_plan_links" ADD CONSTRAINT "decision_plan_links_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_plan_links" ADD CONSTRAINT "decision_plan_links_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_plan_links" ADD CONSTRAINT "decision_plan_links_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_partners" ADD CONSTRAINT "plan_action_partners_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_partners" ADD CONSTRAINT "plan_action_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_parent_id_plan_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_override_by_user_id_users_id_fk" FOREIGN KEY ("override_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_targets" ADD CONSTRAINT "plan_measure_targets_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_update_attachments" ADD CONSTRAINT "plan_update_attachments_update_id_plan_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."plan_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_update_attachments" ADD CONSTRAINT "plan_update_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_adopted_by_decision_id_decisions_id_fk" FOREIGN KEY ("adopted_by_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_actions_item_idx" ON "agenda_item_actions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "decision_plan_links_decision_idx" ON "decision_plan_links" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_plan_links_plan_idx" ON "decision_plan_links" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "decision_plan_links_item_idx" ON "decision_plan_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "plan_action_partners_org_idx" ON "plan_action_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_indicator_idx" ON "plan_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_external_key" ON "plan_items" USING btree ("plan_id","external_id");--> statement-breakpoint
CREATE INDEX "plan_items_tree_idx" ON "plan_items" USING btree ("plan_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "plan_items_parent_idx" ON "plan_items" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_items_owner_idx" ON "plan_items" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "plan_items_lead_idx" ON "plan_items" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "plan_items_override_user_idx" ON "plan_items" USING btree ("override_by_user_id");--> statement-breakpoint
CREATE INDEX "plan_measures_item_idx" ON "plan_measures" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "plan_measures_series_idx" ON "plan_measures" USING btree ("indicator_id","area_id");--> statement-breakpoint
CREATE INDEX "plan_measures_area_idx" ON "plan_measures" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "plan_milestones_item_idx" ON "plan_milestones" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "plan_update_attachments_file_idx" ON "plan_update_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "plan_updates_item_idx" ON "plan_updates" USING btree ("item_id","reported_on");--> statement-breakpoint
CREATE INDEX "plan_updates_measure_idx" ON "plan_updates" USING btree ("measure_id","reported_on");--> statement-breakpoint
CREATE INDEX "plan_updates_author_idx" ON "plan_updates" USING btree ("author_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_key" ON "plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "plan_versions_decision_idx" ON "plan_versions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "plan_versions_user_idx" ON "plan_versions" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_slug_key" ON "plans" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "plans_body_idx" ON "plans" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "plans_region_idx" ON "plans" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "plans_adopted_by_decision_idx" ON "plans" USING btree ("adopted_by_decision_id");