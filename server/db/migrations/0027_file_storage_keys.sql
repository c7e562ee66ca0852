ALTER TABLE "action_progress_evidence" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_photo" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "request_attachment" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "report_photo" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "action_progress_evidence" ADD CONSTRAINT "action_progress_evidence_stored_once" CHECK (("action_progress_evidence"."content" is null) <> ("action_progress_evidence"."storage_key" is null));--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_stored_once" CHECK (("report_photo"."content" is null) <> ("report_photo"."storage_key" is null));--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_stored_once" CHECK (("request_attachment"."content" is null) <> ("request_attachment"."storage_key" is null));