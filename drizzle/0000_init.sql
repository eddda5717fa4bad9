CREATE TYPE "public"."area_level" AS ENUM('gemeente', 'arrondissement', 'provincie', 'gewest', 'land', 'regio');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipality', 'union', 'employers_organisation', 'province', 'government', 'parliament', 'agency', 'knowledge_institution', 'intermunicipal_association', 'other');--> statement-breakpoint
CREATE TYPE "public"."body_kind" AS ENUM('mayors_consultation', 'taskforce', 'forum', 'steering_group', 'executive', 'working_group', 'other');--> statement-breakpoint
CREATE TYPE "public"."body_link_kind" AS ENUM('reports_to', 'advises');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('chair', 'vice_chair', 'secretary', 'member', 'observer', 'expert', 'support', 'editor');--> statement-breakpoint
CREATE TYPE "public"."seat_type" AS ENUM('member', 'observer', 'expert', 'secretariat');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('system', 'cli', 'user', 'token');--> statement-breakpoint
CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" "area_level" NOT NULL,
	"nis_code" text,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"parent_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"successor_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_members" (
	"region_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "region_members_region_id_area_id_pk" PRIMARY KEY("region_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" jsonb NOT NULL,
	"short_name" text,
	"description" jsonb,
	"area_id" uuid,
	"website" text,
	"archived_at" timestamp with time zone,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"funder" text,
	"region_id" uuid,
	"starts_on" date,
	"ends_on" date,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text,
	"user_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "body_kind" NOT NULL,
	"name" jsonb NOT NULL,
	"short_name" text,
	"purpose" jsonb,
	"region_id" uuid,
	"part_of_id" uuid,
	"organiser_id" uuid,
	"contact" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"started_on" date,
	"ended_on" date,
	"archived_at" timestamp with time zone,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_body_id" uuid NOT NULL,
	"to_body_id" uuid NOT NULL,
	"kind" "body_link_kind" NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_policy_domains" (
	"body_id" uuid NOT NULL,
	"policy_domain_id" uuid NOT NULL,
	CONSTRAINT "body_policy_domains_body_id_policy_domain_id_pk" PRIMARY KEY("body_id","policy_domain_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"organisation_id" uuid,
	"start_on" date,
	"end_on" date,
	"public_name" boolean DEFAULT false NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seat_type" "seat_type" DEFAULT 'member' NOT NULL,
	"start_on" date,
	"end_on" date,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"changes" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_successor_id_areas_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_members" ADD CONSTRAINT "region_members_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_members" ADD CONSTRAINT "region_members_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_part_of_id_bodies_id_fk" FOREIGN KEY ("part_of_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_links" ADD CONSTRAINT "body_links_from_body_id_bodies_id_fk" FOREIGN KEY ("from_body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_links" ADD CONSTRAINT "body_links_to_body_id_bodies_id_fk" FOREIGN KEY ("to_body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_policy_domains" ADD CONSTRAINT "body_policy_domains_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_policy_domains" ADD CONSTRAINT "body_policy_domains_policy_domain_id_policy_domains_id_fk" FOREIGN KEY ("policy_domain_id") REFERENCES "public"."policy_domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "areas_nis_code_key" ON "areas" USING btree ("nis_code");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_level_slug_key" ON "areas" USING btree ("level","slug");--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "region_members_area_idx" ON "region_members" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organisations_area_idx" ON "organisations" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "bodies_slug_key" ON "bodies" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "bodies_region_idx" ON "bodies" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "bodies_part_of_idx" ON "bodies" USING btree ("part_of_id");--> statement-breakpoint
CREATE UNIQUE INDEX "body_links_key" ON "body_links" USING btree ("from_body_id","to_body_id","kind");--> statement-breakpoint
CREATE INDEX "body_links_to_idx" ON "body_links" USING btree ("to_body_id");--> statement-breakpoint
CREATE INDEX "memberships_body_idx" ON "memberships" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "participants_body_idx" ON "participants" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "participants_organisation_idx" ON "participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_domains_slug_key" ON "policy_domains" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "audit_events_record_idx" ON "audit_events" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");