CREATE TABLE "meeting_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"request_id" uuid,
	"state" text NOT NULL,
	"decline_reason" text,
	"is_proposal" boolean DEFAULT false NOT NULL,
	"proposed_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_agenda_item_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_text" text,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_contribution_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"description" text NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"request_id" uuid,
	"done_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_follow_up_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"guest_name" text,
	"guest_email" text,
	"guest_kind" text,
	"is_optional" boolean DEFAULT false NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"invited_sequence" integer,
	"invited_at" timestamp with time zone,
	"attended" boolean,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_participant_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_proposed_by_fk" FOREIGN KEY ("municipality_id","proposed_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contribution" ADD CONSTRAINT "meeting_contribution_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contribution" ADD CONSTRAINT "meeting_contribution_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contribution" ADD CONSTRAINT "meeting_contribution_assignee_fk" FOREIGN KEY ("municipality_id","assignee_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_owner_fk" FOREIGN KEY ("municipality_id","owner_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_request_fk" FOREIGN KEY ("municipality_id","request_id") REFERENCES "public"."request"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up" ADD CONSTRAINT "meeting_follow_up_created_by_fk" FOREIGN KEY ("municipality_id","created_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_author_fk" FOREIGN KEY ("municipality_id","author_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meeting"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_item_meeting_idx" ON "meeting_agenda_item" USING btree ("municipality_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_contribution_meeting_idx" ON "meeting_contribution" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_contribution_due_idx" ON "meeting_contribution" USING btree ("due_on") WHERE "meeting_contribution"."delivered_at" is null and "meeting_contribution"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "meeting_follow_up_meeting_idx" ON "meeting_follow_up" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_follow_up_neighbourhood_idx" ON "meeting_follow_up" USING btree ("municipality_id","neighbourhood_id","state","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participant_user_key" ON "meeting_participant" USING btree ("meeting_id","user_id") WHERE "meeting_participant"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_participant_meeting_idx" ON "meeting_participant" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_user_idx" ON "meeting_participant" USING btree ("municipality_id","user_id");