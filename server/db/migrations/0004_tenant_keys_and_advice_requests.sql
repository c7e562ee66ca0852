CREATE TABLE "advice_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_on" date NOT NULL,
	"is_formal_inspraak" boolean DEFAULT false NOT NULL,
	"department_id" uuid,
	"requested_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advice_request_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "advice_request_council" (
	"municipality_id" uuid NOT NULL,
	"advice_request_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	CONSTRAINT "advice_request_council_advice_request_id_council_id_pk" PRIMARY KEY("advice_request_id","council_id")
);
--> statement-breakpoint
ALTER TABLE "council" DROP CONSTRAINT "council_neighbourhood_id_neighbourhood_id_fk";
--> statement-breakpoint
ALTER TABLE "area" DROP CONSTRAINT "area_neighbourhood_id_neighbourhood_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_neighbourhood_id_neighbourhood_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_area_id_area_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_submitter_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_council_id_council_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_partner_organisation_id_partner_organisation_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_lead_department_id_department_id_fk";
--> statement-breakpoint
ALTER TABLE "request" DROP CONSTRAINT "request_lead_officer_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "request_attachment" DROP CONSTRAINT "request_attachment_request_id_request_id_fk";
--> statement-breakpoint
ALTER TABLE "request_attachment" DROP CONSTRAINT "request_attachment_uploaded_by_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "request_event" DROP CONSTRAINT "request_event_request_id_request_id_fk";
--> statement-breakpoint
ALTER TABLE "request_link" DROP CONSTRAINT "request_link_request_id_request_id_fk";
--> statement-breakpoint
ALTER TABLE "request_link" DROP CONSTRAINT "request_link_related_request_id_request_id_fk";
--> statement-breakpoint
ALTER TABLE "request_theme" DROP CONSTRAINT "request_theme_request_id_request_id_fk";
--> statement-breakpoint
ALTER TABLE "request_theme" DROP CONSTRAINT "request_theme_theme_id_theme_id_fk";
--> statement-breakpoint
ALTER TABLE "api_token" DROP CONSTRAINT "api_token_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "user_session" DROP CONSTRAINT "user_session_user_id_user_account_id_fk";
--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD COLUMN "development_agreement" jsonb;
--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "is_formal_inspraak" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "advice_request_id" uuid;
--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "carried_out_on" date;
--> statement-breakpoint
ALTER TABLE "request_event" ADD COLUMN "actor_side" text DEFAULT 'staff' NOT NULL;
--> statement-breakpoint
ALTER TABLE "council" ADD CONSTRAINT "council_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "area" ADD CONSTRAINT "area_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD CONSTRAINT "neighbourhood_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "council_term" ADD CONSTRAINT "council_term_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "department" ADD CONSTRAINT "department_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "partner_organisation" ADD CONSTRAINT "partner_organisation_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "portfolio" ADD CONSTRAINT "portfolio_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "theme" ADD CONSTRAINT "theme_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_tenant_key" UNIQUE("municipality_id","id");
--> statement-breakpoint
ALTER TABLE "advice_request" ADD CONSTRAINT "advice_request_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "advice_request" ADD CONSTRAINT "advice_request_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "advice_request" ADD CONSTRAINT "advice_request_requester_fk" FOREIGN KEY ("municipality_id","requested_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "advice_request_council" ADD CONSTRAINT "advice_request_council_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "advice_request_council" ADD CONSTRAINT "advice_request_council_request_fk" FOREIGN KEY ("municipality_id","advice_request_id") REFERENCES "public"."advice_request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "advice_request_council" ADD CONSTRAINT "advice_request_council_council_fk" FOREIGN KEY ("municipality_id","council_id") REFERENCES "public"."council"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "advice_request_due_idx" ON "advice_request" USING btree ("municipality_id","due_on");
--> statement-breakpoint
CREATE INDEX "advice_request_council_council_idx" ON "advice_request_council" USING btree ("municipality_id","council_id");
--> statement-breakpoint
ALTER TABLE "council" ADD CONSTRAINT "council_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "area" ADD CONSTRAINT "area_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD CONSTRAINT "neighbourhood_programme_manager_fk" FOREIGN KEY ("municipality_id","programme_manager_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_area_fk" FOREIGN KEY ("municipality_id","area_id") REFERENCES "public"."area"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_submitter_fk" FOREIGN KEY ("municipality_id","submitter_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_council_fk" FOREIGN KEY ("municipality_id","council_id") REFERENCES "public"."council"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_partner_fk" FOREIGN KEY ("municipality_id","partner_organisation_id") REFERENCES "public"."partner_organisation"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_lead_department_fk" FOREIGN KEY ("municipality_id","lead_department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_lead_officer_fk" FOREIGN KEY ("municipality_id","lead_officer_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_duplicate_of_fk" FOREIGN KEY ("municipality_id","duplicate_of_request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_advice_request_fk" FOREIGN KEY ("municipality_id","advice_request_id") REFERENCES "public"."advice_request"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_uploader_fk" FOREIGN KEY ("municipality_id","uploaded_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_related_fk" FOREIGN KEY ("municipality_id","related_request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_theme" ADD CONSTRAINT "request_theme_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "request_theme" ADD CONSTRAINT "request_theme_theme_fk" FOREIGN KEY ("municipality_id","theme_id") REFERENCES "public"."theme"("municipality_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "request_advice_request_idx" ON "request" USING btree ("municipality_id","advice_request_id") WHERE "request"."advice_request_id" is not null;
--> statement-breakpoint
-- Who acted on each existing timeline event, as the public may know it (§ privacy: residents, council
-- members and partners are not named in public).
UPDATE "request_event" e SET "actor_side" = CASE
  WHEN e."actor_user_id" IS NULL THEN 'system'
  WHEN e."actor_user_id" = r."submitter_user_id" THEN 'submitterSide'
  WHEN EXISTS (SELECT 1 FROM "role_assignment" ra WHERE ra."user_id" = e."actor_user_id"
    AND ra."role" IN ('advisor', 'officer', 'alderman', 'admin')) THEN 'staff'
  ELSE 'submitterSide' END
FROM "request" r WHERE r."id" = e."request_id"
--> statement-breakpoint
-- "council" meant the municipal council (raad); in Wijkwerk "council" is the neighbourhood council.
UPDATE "request" SET "advice_position" = jsonb_set("advice_position", '{decidingBody}', '"municipalCouncil"')
WHERE "advice_position"->>'decidingBody' = 'council'
--> statement-breakpoint
-- A referral to a front-line team now has a state; existing ones were referred and not yet picked up.
UPDATE "request" SET "referral" = "referral" || '{"state": "referred", "feedback": null}'::jsonb
WHERE "referral" IS NOT NULL AND NOT ("referral" ? 'state');
