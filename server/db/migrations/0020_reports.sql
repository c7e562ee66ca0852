CREATE TABLE "report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"category_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"area_id" uuid,
	"department_id" uuid,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"handle_by" date,
	"assigned_user_id" uuid,
	"reporter_email" text,
	"reporter_phone" text,
	"reporter_language" text DEFAULT 'nl' NOT NULL,
	"contact_erased_at" timestamp with time zone,
	"may_publish_photos" boolean DEFAULT false NOT NULL,
	"status_token_hash" text NOT NULL,
	"status_token_sealed" text,
	"idempotency_key" text,
	"idempotency_digest" text,
	"channel" text DEFAULT 'web' NOT NULL,
	"status_notes" text DEFAULT '' NOT NULL,
	"forwarded_to" text,
	"merged_into_report_id" uuid,
	"parent_report_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "report_latitude_range" CHECK ("report"."latitude" between -90 and 90),
	CONSTRAINT "report_longitude_range" CHECK ("report"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "report_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"description" text DEFAULT '' NOT NULL,
	"handling_days" integer,
	"day_kind" text DEFAULT 'working' NOT NULL,
	"department_id" uuid,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_category_tenant_key" UNIQUE("municipality_id","id"),
	CONSTRAINT "report_category_handling_days_range" CHECK ("report_category"."handling_days" between 0 and 365),
	CONSTRAINT "report_category_day_kind" CHECK ("report_category"."day_kind" in ('working', 'calendar'))
);
--> statement-breakpoint
CREATE TABLE "report_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"message_to_reporter" text,
	"internal_note" text,
	"details" jsonb,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_follower" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_follower_has_contact" CHECK ("report_follower"."email" is not null or "report_follower"."phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "report_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_photo_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_reference_counter" (
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "report_reference_counter_municipality_id_year_pk" PRIMARY KEY("municipality_id","year")
);
--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_category_fk" FOREIGN KEY ("municipality_id","category_id") REFERENCES "public"."report_category"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_area_fk" FOREIGN KEY ("municipality_id","area_id") REFERENCES "public"."area"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_assigned_user_fk" FOREIGN KEY ("municipality_id","assigned_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_merged_into_fk" FOREIGN KEY ("municipality_id","merged_into_report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_parent_fk" FOREIGN KEY ("municipality_id","parent_report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_category" ADD CONSTRAINT "report_category_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_category" ADD CONSTRAINT "report_category_parent_fk" FOREIGN KEY ("municipality_id","parent_id") REFERENCES "public"."report_category"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_category" ADD CONSTRAINT "report_category_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE SET NULL ("department_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_actor_fk" FOREIGN KEY ("municipality_id","actor_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_follower" ADD CONSTRAINT "report_follower_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_follower" ADD CONSTRAINT "report_follower_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_report_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."report"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_approved_by_fk" FOREIGN KEY ("municipality_id","approved_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reference_counter" ADD CONSTRAINT "report_reference_counter_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_reference_key" ON "report" USING btree ("municipality_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "report_status_token_key" ON "report" USING btree ("status_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "report_idempotency_key" ON "report" USING btree ("municipality_id","idempotency_key") WHERE "report"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "report_status_deadline_idx" ON "report" USING btree ("municipality_id","status","handle_by");--> statement-breakpoint
CREATE INDEX "report_department_status_idx" ON "report" USING btree ("municipality_id","department_id","status","handle_by");--> statement-breakpoint
CREATE INDEX "report_neighbourhood_created_idx" ON "report" USING btree ("municipality_id","neighbourhood_id","created_at");--> statement-breakpoint
CREATE INDEX "report_category_created_idx" ON "report" USING btree ("municipality_id","category_id","created_at");--> statement-breakpoint
CREATE INDEX "report_created_idx" ON "report" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "report_position_idx" ON "report" USING btree ("municipality_id","latitude","longitude");--> statement-breakpoint
CREATE INDEX "report_contact_retention_idx" ON "report" USING btree ("municipality_id","closed_at") WHERE "report"."reporter_email" is not null or "report"."reporter_phone" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "report_category_code_key" ON "report_category" USING btree ("municipality_id","code");--> statement-breakpoint
CREATE INDEX "report_category_parent_idx" ON "report_category" USING btree ("municipality_id","parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "report_event_report_idx" ON "report_event" USING btree ("municipality_id","report_id","created_at");--> statement-breakpoint
CREATE INDEX "report_follower_report_idx" ON "report_follower" USING btree ("municipality_id","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_follower_email_key" ON "report_follower" USING btree ("municipality_id","report_id","email");--> statement-breakpoint
CREATE INDEX "report_photo_report_idx" ON "report_photo" USING btree ("municipality_id","report_id");