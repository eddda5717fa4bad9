CREATE TYPE "public"."dossier_document_role" AS ENUM('sent', 'answer');--> statement-breakpoint
CREATE TABLE "dossier_addressees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sent_on" date,
	"answered_on" date,
	"answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_decisions" (
	"dossier_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_decisions_dossier_id_decision_id_pk" PRIMARY KEY("dossier_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"role" "dossier_document_role" NOT NULL,
	"addressee_id" uuid,
	"title" text NOT NULL,
	"file_id" uuid NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_plan_items" (
	"dossier_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "dossier_plan_items_dossier_id_item_id_pk" PRIMARY KEY("dossier_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_policy_domains" (
	"dossier_id" uuid NOT NULL,
	"policy_domain_id" uuid NOT NULL,
	CONSTRAINT "dossier_policy_domains_dossier_id_policy_domain_id_pk" PRIMARY KEY("dossier_id","policy_domain_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_reminders" (
	"addressee_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"reminded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_reminders_addressee_id_sent_on_pk" PRIMARY KEY("addressee_id","sent_on")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"answer_days" integer DEFAULT 60 NOT NULL,
	"closed_on" date,
	"closed_note" text,
	"created_by" uuid,
	"revision" integer DEFAULT 0 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_addressees" ADD CONSTRAINT "dossier_addressees_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_addressees" ADD CONSTRAINT "dossier_addressees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_decisions" ADD CONSTRAINT "dossier_decisions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_decisions" ADD CONSTRAINT "dossier_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_addressee_id_dossier_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."dossier_addressees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_plan_items" ADD CONSTRAINT "dossier_plan_items_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_plan_items" ADD CONSTRAINT "dossier_plan_items_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_policy_domains" ADD CONSTRAINT "dossier_policy_domains_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_policy_domains" ADD CONSTRAINT "dossier_policy_domains_policy_domain_id_policy_domains_id_fk" FOREIGN KEY ("policy_domain_id") REFERENCES "public"."policy_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_reminders" ADD CONSTRAINT "dossier_reminders_addressee_id_dossier_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."dossier_addressees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_addressees_key" ON "dossier_addressees" USING btree ("dossier_id","organisation_id");--> statement-breakpoint
CREATE INDEX "dossier_addressees_organisation_idx" ON "dossier_addressees" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "dossier_decisions_decision_idx" ON "dossier_decisions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_plan_items_item_idx" ON "dossier_plan_items" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_slug_key" ON "dossiers" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "dossiers_body_idx" ON "dossiers" USING btree ("body_id");