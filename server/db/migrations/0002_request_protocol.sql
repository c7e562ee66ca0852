CREATE TABLE "request_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_link" (
	"municipality_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"related_request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_link_request_id_related_request_id_pk" PRIMARY KEY("request_id","related_request_id")
);
--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "referral" jsonb;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "advice_position" jsonb;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "proposed_answer" jsonb;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "update_reminded_for" date;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "decision_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "wants_email_copies" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "wants_daily_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_uploaded_by_user_id_user_account_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_related_request_id_request_id_fk" FOREIGN KEY ("related_request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_attachment_request_idx" ON "request_attachment" USING btree ("municipality_id","request_id","created_at");--> statement-breakpoint
CREATE INDEX "request_link_related_idx" ON "request_link" USING btree ("municipality_id","related_request_id");--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_council_id_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."council"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_partner_organisation_id_partner_organisation_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."partner_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_lead_department_id_department_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_lead_officer_user_id_user_account_id_fk" FOREIGN KEY ("lead_officer_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_next_update_idx" ON "request" USING btree ("municipality_id","next_update_due");