CREATE TABLE "request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"neighbourhood_id" uuid,
	"area_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"scale" text NOT NULL,
	"weight" text NOT NULL,
	"is_public" boolean NOT NULL,
	"state" text NOT NULL,
	"submitter_user_id" uuid NOT NULL,
	"council_id" uuid,
	"partner_organisation_id" uuid,
	"support_statement" jsonb,
	"acknowledge_by" date NOT NULL,
	"answer_by" date NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"routed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"lead_department_id" uuid,
	"lead_officer_user_id" uuid,
	"contributing_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"verdict" text,
	"answer" jsonb,
	"next_update_due" date,
	"duplicate_of_request_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "request_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"text" text,
	"data" jsonb,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_theme" (
	"municipality_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "request_theme_request_id_theme_id_pk" PRIMARY KEY("request_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_neighbourhood_id_neighbourhood_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhood"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD CONSTRAINT "request_submitter_user_id_user_account_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_theme" ADD CONSTRAINT "request_theme_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_theme" ADD CONSTRAINT "request_theme_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_theme" ADD CONSTRAINT "request_theme_theme_id_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."theme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_neighbourhood_state_idx" ON "request" USING btree ("municipality_id","neighbourhood_id","state","created_at");--> statement-breakpoint
CREATE INDEX "request_department_state_idx" ON "request" USING btree ("municipality_id","lead_department_id","state");--> statement-breakpoint
CREATE INDEX "request_state_deadline_idx" ON "request" USING btree ("municipality_id","state","answer_by");--> statement-breakpoint
CREATE INDEX "request_created_idx" ON "request" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "request_search_idx" ON "request" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "request_event_request_idx" ON "request_event" USING btree ("municipality_id","request_id","occurred_at");--> statement-breakpoint
CREATE INDEX "request_theme_theme_idx" ON "request_theme" USING btree ("municipality_id","theme_id");