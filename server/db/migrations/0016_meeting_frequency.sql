CREATE TABLE "calendar_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD COLUMN "yearly_meeting_target" integer;--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD COLUMN "yearly_meeting_target_recorded_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD COLUMN "yearly_meeting_target_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_active_key" ON "calendar_feed" USING btree ("municipality_id","user_id") WHERE "calendar_feed"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "calendar_feed_user_idx" ON "calendar_feed" USING btree ("municipality_id","user_id");--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD CONSTRAINT "neighbourhood_yearly_meeting_target_recorded_by_fk" FOREIGN KEY ("municipality_id","yearly_meeting_target_recorded_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood" ADD CONSTRAINT "neighbourhood_yearly_meeting_target_range" CHECK ("neighbourhood"."yearly_meeting_target" between 1 and 3);