CREATE TABLE "report_satisfaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"is_satisfied" boolean NOT NULL,
	"reason_code" text,
	"comment" text DEFAULT '' NOT NULL,
	"did_reopen" boolean DEFAULT false NOT NULL,
	"category_id" uuid NOT NULL,
	"department_id" uuid,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "referral" jsonb;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "report_satisfaction" ADD CONSTRAINT "report_satisfaction_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_satisfaction" ADD CONSTRAINT "report_satisfaction_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_satisfaction" ADD CONSTRAINT "report_satisfaction_category_fk" FOREIGN KEY ("municipality_id","category_id") REFERENCES "public"."report_category"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_satisfaction_report_idx" ON "report_satisfaction" USING btree ("municipality_id","report_id");--> statement-breakpoint
CREATE INDEX "report_satisfaction_answered_idx" ON "report_satisfaction" USING btree ("municipality_id","answered_at");--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_request_idx" ON "report" USING btree ("municipality_id","request_id") WHERE "report"."request_id" is not null;