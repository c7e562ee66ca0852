CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"is_location_in_neighbourhood" boolean NOT NULL,
	"initiator_side" text NOT NULL,
	"chair_user_id" uuid,
	"public_part_starts_at" timestamp with time zone,
	"public_part_ends_at" timestamp with time zone,
	"public_part_location" text,
	"invited_groups" text[] NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"overridden_rules" text[] DEFAULT '{}' NOT NULL,
	"override_reason" text,
	"overridden_by_user_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_theme" (
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "meeting_theme_meeting_id_theme_id_pk" PRIMARY KEY("meeting_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_kind_fk" FOREIGN KEY ("municipality_id","kind_id") REFERENCES "public"."meeting_kind"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_chair_fk" FOREIGN KEY ("municipality_id","chair_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_overridden_by_fk" FOREIGN KEY ("municipality_id","overridden_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_fk" FOREIGN KEY ("municipality_id","created_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_theme" ADD CONSTRAINT "meeting_theme_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_theme" ADD CONSTRAINT "meeting_theme_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_theme" ADD CONSTRAINT "meeting_theme_theme_fk" FOREIGN KEY ("municipality_id","theme_id") REFERENCES "public"."theme"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_neighbourhood_idx" ON "meeting" USING btree ("municipality_id","neighbourhood_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_starts_idx" ON "meeting" USING btree ("municipality_id","starts_at");