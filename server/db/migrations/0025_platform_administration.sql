CREATE TABLE "platform_administrator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administrator_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "platform_session" ADD CONSTRAINT "platform_session_administrator_id_platform_administrator_id_fk" FOREIGN KEY ("administrator_id") REFERENCES "public"."platform_administrator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_administrator_email_key" ON "platform_administrator" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_session_token_key" ON "platform_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "platform_session_administrator_idx" ON "platform_session" USING btree ("administrator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "municipality_cbs_code_key" ON "municipality" USING btree ("cbs_code");