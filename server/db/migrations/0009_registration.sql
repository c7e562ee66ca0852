CREATE TABLE "registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"home_neighbourhood_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "home_neighbourhood_id" uuid;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_token_key" ON "registration" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "registration_email_idx" ON "registration" USING btree ("municipality_id","email","created_at");--> statement-breakpoint
CREATE INDEX "registration_expiry_idx" ON "registration" USING btree ("expires_at");--> statement-breakpoint
-- Written by hand: the neighbourhood tables refer to user_account, so drizzle's schema cannot hold the reference back.
-- A person's neighbourhood belongs to their municipality; when it goes, the choice is forgotten, not the person.
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_home_neighbourhood_fk" FOREIGN KEY ("municipality_id","home_neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE SET NULL ("home_neighbourhood_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_home_neighbourhood_fk" FOREIGN KEY ("municipality_id","home_neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE SET NULL ("home_neighbourhood_id") ON UPDATE no action;
