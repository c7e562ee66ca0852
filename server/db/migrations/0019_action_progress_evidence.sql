ALTER TABLE "action_progress" ADD CONSTRAINT "action_progress_tenant_key" UNIQUE("municipality_id","id");--> statement-breakpoint
CREATE TABLE "action_progress_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"progress_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD CONSTRAINT "action_progress_evidence_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD CONSTRAINT "action_progress_evidence_progress_fk" FOREIGN KEY ("municipality_id","progress_id") REFERENCES "public"."action_progress"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD CONSTRAINT "action_progress_evidence_action_fk" FOREIGN KEY ("municipality_id","action_id") REFERENCES "public"."action_plan_action"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD CONSTRAINT "action_progress_evidence_uploader_fk" FOREIGN KEY ("municipality_id","uploaded_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_progress_evidence_action_idx" ON "action_progress_evidence" USING btree ("municipality_id","action_id","progress_id");--> statement-breakpoint
CREATE INDEX "action_progress_evidence_uploader_idx" ON "action_progress_evidence" USING btree ("municipality_id","uploaded_by_user_id");
