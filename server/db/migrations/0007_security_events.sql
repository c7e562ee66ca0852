CREATE TABLE "rate_limit_bucket" (
	"bucket_key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"client_address" text NOT NULL,
	"method" text NOT NULL,
	"route" text,
	"code" text NOT NULL,
	"reason" text,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "security_event" ADD CONSTRAINT "security_event_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_bucket_expiry_idx" ON "rate_limit_bucket" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "security_event_time_idx" ON "security_event" USING btree ("municipality_id","occurred_at");--> statement-breakpoint
CREATE INDEX "security_event_kind_idx" ON "security_event" USING btree ("municipality_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "security_event_retention_idx" ON "security_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "request_attachment_uploader_idx" ON "request_attachment" USING btree ("municipality_id","uploaded_by_user_id");