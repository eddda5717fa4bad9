CREATE TYPE "public"."advice_outcome" AS ENUM('confirmed', 'amended', 'rejected', 'decided', 'forwarded');--> statement-breakpoint
CREATE TABLE "advice_hop_documents" (
	"hop_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "advice_hop_documents_hop_id_document_id_pk" PRIMARY KEY("hop_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "advice_hops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advice_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"from_body_id" uuid NOT NULL,
	"to_body_id" uuid NOT NULL,
	"from_item_id" uuid,
	"from_decision_id" uuid,
	"text" text NOT NULL,
	"sent_by_user_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"placed_item_id" uuid,
	"placed_at" timestamp with time zone,
	"placed_by_user_id" uuid,
	"outcome" "advice_outcome",
	"outcome_text" text,
	"outcome_decision_id" uuid,
	"settled_at" timestamp with time zone,
	"settled_by_user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"origin_body_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_shares" (
	"agenda_item_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"shared_by_user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_item_shares_agenda_item_id_body_id_pk" PRIMARY KEY("agenda_item_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "report_body_id" uuid;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "report_snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "standing_items" ADD COLUMN "report_body_id" uuid;--> statement-breakpoint
ALTER TABLE "advice_hop_documents" ADD CONSTRAINT "advice_hop_documents_hop_id_advice_hops_id_fk" FOREIGN KEY ("hop_id") REFERENCES "public"."advice_hops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hop_documents" ADD CONSTRAINT "advice_hop_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "public"."advices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_from_body_id_bodies_id_fk" FOREIGN KEY ("from_body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_to_body_id_bodies_id_fk" FOREIGN KEY ("to_body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_from_item_id_agenda_items_id_fk" FOREIGN KEY ("from_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_from_decision_id_decisions_id_fk" FOREIGN KEY ("from_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_placed_item_id_agenda_items_id_fk" FOREIGN KEY ("placed_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_placed_by_user_id_users_id_fk" FOREIGN KEY ("placed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_outcome_decision_id_decisions_id_fk" FOREIGN KEY ("outcome_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_hops" ADD CONSTRAINT "advice_hops_settled_by_user_id_users_id_fk" FOREIGN KEY ("settled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advices" ADD CONSTRAINT "advices_origin_body_id_bodies_id_fk" FOREIGN KEY ("origin_body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advices" ADD CONSTRAINT "advices_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_shares" ADD CONSTRAINT "agenda_item_shares_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_shares" ADD CONSTRAINT "agenda_item_shares_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_shares" ADD CONSTRAINT "agenda_item_shares_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_hop_documents_doc_idx" ON "advice_hop_documents" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_hops_step_key" ON "advice_hops" USING btree ("advice_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_hops_placed_item_key" ON "advice_hops" USING btree ("placed_item_id");--> statement-breakpoint
CREATE INDEX "advice_hops_to_idx" ON "advice_hops" USING btree ("to_body_id","sent_at");--> statement-breakpoint
CREATE INDEX "advice_hops_from_idx" ON "advice_hops" USING btree ("from_body_id","sent_at");--> statement-breakpoint
CREATE INDEX "advice_hops_from_item_idx" ON "advice_hops" USING btree ("from_item_id");--> statement-breakpoint
CREATE INDEX "advices_origin_idx" ON "advices" USING btree ("origin_body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_key" ON "notification_deliveries" USING btree ("kind","subject_key","user_id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_report_body_id_bodies_id_fk" FOREIGN KEY ("report_body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_items" ADD CONSTRAINT "standing_items_report_body_id_bodies_id_fk" FOREIGN KEY ("report_body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;