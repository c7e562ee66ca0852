CREATE TABLE "action_plan_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"specific" text,
	"location" text,
	"indicator" text,
	"baseline" double precision,
	"target" double precision,
	"unit" text,
	"owner_kind" text,
	"owner_department_id" uuid,
	"owner_partner_organisation_id" uuid,
	"owner_council_id" uuid,
	"contact_user_id" uuid,
	"is_on_top_of_regular_work" boolean DEFAULT false NOT NULL,
	"budget_euros" integer,
	"hours" integer,
	"funding_source" text,
	"starts_on" date,
	"deadline_on" date,
	"origin_kind" text,
	"origin_request_id" uuid,
	"origin_follow_up_id" uuid,
	"progress_status" text DEFAULT 'not_started' NOT NULL,
	"current_value" double precision,
	"progress_note" text,
	"progress_updated_at" timestamp with time zone,
	"done_on" date,
	"dropped_reason" text,
	"deadline_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_plan_action_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "action_plan_action_owner_check" CHECK (("action_plan_action"."owner_kind" is null and "action_plan_action"."owner_department_id" is null and "action_plan_action"."owner_partner_organisation_id" is null and "action_plan_action"."owner_council_id" is null)
        or ("action_plan_action"."owner_kind" = 'department' and "action_plan_action"."owner_department_id" is not null and "action_plan_action"."owner_partner_organisation_id" is null and "action_plan_action"."owner_council_id" is null)
        or ("action_plan_action"."owner_kind" = 'partner' and "action_plan_action"."owner_partner_organisation_id" is not null and "action_plan_action"."owner_department_id" is null and "action_plan_action"."owner_council_id" is null)
        or ("action_plan_action"."owner_kind" = 'council' and "action_plan_action"."owner_council_id" is not null and "action_plan_action"."owner_department_id" is null and "action_plan_action"."owner_partner_organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "action_plan_challenge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_plan_challenge_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "action_plan_challenge_theme" (
	"municipality_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "action_plan_challenge_theme_challenge_id_theme_id_pk" PRIMARY KEY("challenge_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "action_plan_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"challenge_id" uuid,
	"action_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_plan_point_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "action_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"status" text NOT NULL,
	"current_value" double precision,
	"note" text,
	"reason" text,
	"posted_by_user_id" uuid NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"posted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"council_id" uuid,
	"partner_organisation_id" uuid,
	"department_id" uuid,
	"challenge_title" text NOT NULL,
	"title" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"state" text NOT NULL,
	"decline_reason" text,
	"action_id" uuid,
	"submitted_by_user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"handled_by_user_id" uuid,
	"handled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_plan_contribution_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "action_plan_contribution_party_check" CHECK (("action_plan_contribution"."party_kind" = 'council' and "action_plan_contribution"."council_id" is not null and "action_plan_contribution"."partner_organisation_id" is null and "action_plan_contribution"."department_id" is null)
    or ("action_plan_contribution"."party_kind" = 'partner' and "action_plan_contribution"."partner_organisation_id" is not null and "action_plan_contribution"."council_id" is null and "action_plan_contribution"."department_id" is null)
    or ("action_plan_contribution"."party_kind" = 'department' and "action_plan_contribution"."department_id" is not null and "action_plan_contribution"."council_id" is null and "action_plan_contribution"."partner_organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "action_plan_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"council_id" uuid,
	"partner_organisation_id" uuid,
	"department_id" uuid,
	"due_on" date NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"contributed_at" timestamp with time zone,
	CONSTRAINT "action_plan_invitation_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "action_plan_invitation_party_check" CHECK (("action_plan_invitation"."party_kind" = 'council' and "action_plan_invitation"."council_id" is not null and "action_plan_invitation"."partner_organisation_id" is null and "action_plan_invitation"."department_id" is null)
    or ("action_plan_invitation"."party_kind" = 'partner' and "action_plan_invitation"."partner_organisation_id" is not null and "action_plan_invitation"."council_id" is null and "action_plan_invitation"."department_id" is null)
    or ("action_plan_invitation"."party_kind" = 'department' and "action_plan_invitation"."department_id" is not null and "action_plan_invitation"."council_id" is null and "action_plan_invitation"."partner_organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "action_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"period_starts_on" date NOT NULL,
	"period_ends_on" date NOT NULL,
	"contributions_due_on" date NOT NULL,
	"report_interval_months" integer NOT NULL,
	"current_version_number" integer,
	"adopted_on" date,
	"has_open_revision" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_plan_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "action_plan_meeting_key" UNIQUE("municipality_id","meeting_id"),
	CONSTRAINT "action_plan_period_check" CHECK ("action_plan"."period_ends_on" > "action_plan"."period_starts_on")
);
--> statement-breakpoint
CREATE TABLE "action_plan_method" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb NOT NULL,
	"contribution_steps" jsonb NOT NULL,
	"contribution_weeks_before" integer NOT NULL,
	"report_interval_months" integer NOT NULL,
	"deadline_reminder_days" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"period_starts_on" date NOT NULL,
	"period_ends_on" date NOT NULL,
	"due_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_on" date,
	CONSTRAINT "action_plan_report_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "action_plan_report_number_key" UNIQUE("municipality_id","plan_id","number")
);
--> statement-breakpoint
CREATE TABLE "action_plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"change_log" text,
	"changes" jsonb NOT NULL,
	"accepted_warnings" jsonb NOT NULL,
	"adopted_on" date NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	"adopted_by_user_id" uuid NOT NULL,
	CONSTRAINT "action_plan_version_number_key" UNIQUE("municipality_id","plan_id","number")
);
--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_challenge_fk" FOREIGN KEY ("municipality_id","challenge_id") REFERENCES "public"."action_plan_challenge"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_department_fk" FOREIGN KEY ("municipality_id","owner_department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_partner_fk" FOREIGN KEY ("municipality_id","owner_partner_organisation_id") REFERENCES "public"."partner_organisation"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_council_fk" FOREIGN KEY ("municipality_id","owner_council_id") REFERENCES "public"."council"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_contact_fk" FOREIGN KEY ("municipality_id","contact_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_request_fk" FOREIGN KEY ("municipality_id","origin_request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_follow_up_fk" FOREIGN KEY ("municipality_id","origin_follow_up_id") REFERENCES "public"."meeting_follow_up"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_challenge" ADD CONSTRAINT "action_plan_challenge_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_challenge" ADD CONSTRAINT "action_plan_challenge_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_challenge_theme" ADD CONSTRAINT "action_plan_challenge_theme_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_challenge_theme" ADD CONSTRAINT "action_plan_challenge_theme_challenge_fk" FOREIGN KEY ("municipality_id","challenge_id") REFERENCES "public"."action_plan_challenge"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_challenge_theme" ADD CONSTRAINT "action_plan_challenge_theme_theme_fk" FOREIGN KEY ("municipality_id","theme_id") REFERENCES "public"."theme"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_point" ADD CONSTRAINT "action_plan_point_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_point" ADD CONSTRAINT "action_plan_point_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_point" ADD CONSTRAINT "action_plan_point_challenge_fk" FOREIGN KEY ("municipality_id","challenge_id") REFERENCES "public"."action_plan_challenge"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_point" ADD CONSTRAINT "action_plan_point_action_fk" FOREIGN KEY ("municipality_id","action_id") REFERENCES "public"."action_plan_action"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_point" ADD CONSTRAINT "action_plan_point_created_by_fk" FOREIGN KEY ("municipality_id","created_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_action_fk" FOREIGN KEY ("municipality_id","action_id") REFERENCES "public"."action_plan_action"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_posted_by_fk" FOREIGN KEY ("municipality_id","posted_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_council_fk" FOREIGN KEY ("municipality_id","council_id") REFERENCES "public"."council"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_partner_fk" FOREIGN KEY ("municipality_id","partner_organisation_id") REFERENCES "public"."partner_organisation"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_action_fk" FOREIGN KEY ("municipality_id","action_id") REFERENCES "public"."action_plan_action"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_submitted_by_fk" FOREIGN KEY ("municipality_id","submitted_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_contribution" ADD CONSTRAINT "action_plan_contribution_handled_by_fk" FOREIGN KEY ("municipality_id","handled_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_invitation" ADD CONSTRAINT "action_plan_invitation_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_invitation" ADD CONSTRAINT "action_plan_invitation_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_invitation" ADD CONSTRAINT "action_plan_invitation_council_fk" FOREIGN KEY ("municipality_id","council_id") REFERENCES "public"."council"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_invitation" ADD CONSTRAINT "action_plan_invitation_partner_fk" FOREIGN KEY ("municipality_id","partner_organisation_id") REFERENCES "public"."partner_organisation"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_invitation" ADD CONSTRAINT "action_plan_invitation_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_created_by_fk" FOREIGN KEY ("municipality_id","created_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_method" ADD CONSTRAINT "action_plan_method_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_report" ADD CONSTRAINT "action_plan_report_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_report" ADD CONSTRAINT "action_plan_report_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_version" ADD CONSTRAINT "action_plan_version_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_version" ADD CONSTRAINT "action_plan_version_plan_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."action_plan"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_version" ADD CONSTRAINT "action_plan_version_adopted_by_fk" FOREIGN KEY ("municipality_id","adopted_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_action_plan_idx" ON "action_plan_action" USING btree ("municipality_id","plan_id","challenge_id","position");--> statement-breakpoint
CREATE INDEX "action_plan_action_attention_idx" ON "action_plan_action" USING btree ("municipality_id","deadline_on") WHERE "action_plan_action"."progress_status" not in ('done', 'dropped');--> statement-breakpoint
CREATE INDEX "action_plan_action_origin_request_idx" ON "action_plan_action" USING btree ("municipality_id","origin_request_id") WHERE "action_plan_action"."origin_request_id" is not null;--> statement-breakpoint
CREATE INDEX "action_plan_challenge_plan_idx" ON "action_plan_challenge" USING btree ("municipality_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "action_plan_point_plan_idx" ON "action_plan_point" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "action_progress_action_idx" ON "action_progress" USING btree ("municipality_id","action_id","posted_at");--> statement-breakpoint
CREATE INDEX "action_plan_contribution_plan_idx" ON "action_plan_contribution" USING btree ("municipality_id","plan_id","submitted_at");--> statement-breakpoint
CREATE INDEX "action_plan_contribution_council_idx" ON "action_plan_contribution" USING btree ("municipality_id","council_id","submitted_at") WHERE "action_plan_contribution"."council_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_invitation_party_key" ON "action_plan_invitation" USING btree ("plan_id","party_kind",coalesce("council_id", "partner_organisation_id", "department_id"));--> statement-breakpoint
CREATE INDEX "action_plan_invitation_plan_idx" ON "action_plan_invitation" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "action_plan_invitation_due_idx" ON "action_plan_invitation" USING btree ("due_on") WHERE "action_plan_invitation"."contributed_at" is null and "action_plan_invitation"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "action_plan_neighbourhood_idx" ON "action_plan" USING btree ("municipality_id","neighbourhood_id","period_starts_on");--> statement-breakpoint
CREATE INDEX "action_plan_state_idx" ON "action_plan" USING btree ("municipality_id","state");