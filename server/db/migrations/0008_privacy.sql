CREATE TABLE "erasure_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"carried_out_at" timestamp with time zone,
	"carried_out_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "erasure_request" ADD CONSTRAINT "erasure_request_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_request" ADD CONSTRAINT "erasure_request_user_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_request" ADD CONSTRAINT "erasure_request_handler_fk" FOREIGN KEY ("municipality_id","carried_out_by_user_id") REFERENCES "public"."user_account"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasure_request_status_idx" ON "erasure_request" USING btree ("municipality_id","status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "erasure_request_pending_key" ON "erasure_request" USING btree ("municipality_id","user_id") WHERE "erasure_request"."status" = 'pending';--> statement-breakpoint
-- Retention of audit snapshots (docs/operations.md, "Retention"). The runtime role may not UPDATE audit_log;
-- this function, owned by the migration role that runs this file, clears before/after of one municipality's
-- rows older than that municipality's own setting (privacy.auditSnapshotDays, at least 90 days) and nothing
-- else. The caller names the moment only to make tests exact; it cannot be later than the database's clock,
-- so no caller can clear more than the setting allows. The chain stays intact: it covers a snapshot only
-- through its digest (audit_row_hash), which stays. search_path is pinned and every name qualified, as a
-- SECURITY DEFINER function must.
CREATE FUNCTION privacy_clear_audit_snapshots(p_municipality_id uuid, p_now timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  retention_days integer;
  cleared integer;
BEGIN
  SELECT coalesce((m.settings #>> '{privacy,auditSnapshotDays}')::integer, 730) INTO retention_days
    FROM public.municipality AS m WHERE m.id = p_municipality_id;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  PERFORM pg_catalog.set_config('wijkwerk.audit_retention', 'on', true);
  UPDATE public.audit_log SET before = NULL, after = NULL
    WHERE municipality_id = p_municipality_id
      AND occurred_at < least(p_now, pg_catalog.now()) - pg_catalog.make_interval(days => greatest(retention_days, 90))
      AND (before IS NOT NULL OR after IS NOT NULL);
  GET DIAGNOSTICS cleared = ROW_COUNT;
  PERFORM pg_catalog.set_config('wijkwerk.audit_retention', 'off', true);
  RETURN cleared;
END;
$$;
--> statement-breakpoint
-- Erasure (AVG art. 17): clears the snapshots that hold the person's data: rows about their account and rows
-- whose before/after mention their e-mail address or name. Works only while an erasure request of theirs is
-- pending, so it serves the erasure and nothing else; call it before the account is anonymised. Who did
-- what and when stays, and so does the chain.
CREATE FUNCTION privacy_clear_audit_snapshots_of_user(p_municipality_id uuid, p_user_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  person_email text;
  person_name text;
  cleared integer;
BEGIN
  SELECT pg_catalog.lower(u.email), pg_catalog.lower(u.display_name) INTO person_email, person_name
    FROM public.user_account AS u
    WHERE u.municipality_id = p_municipality_id AND u.id = p_user_id
      AND EXISTS (SELECT 1 FROM public.erasure_request AS e WHERE e.municipality_id = p_municipality_id AND e.user_id = p_user_id AND e.status = 'pending');
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no pending erasure request for this person' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_catalog.set_config('wijkwerk.audit_retention', 'on', true);
  UPDATE public.audit_log AS a SET before = NULL, after = NULL
    WHERE a.municipality_id = p_municipality_id
      AND (a.before IS NOT NULL OR a.after IS NOT NULL)
      AND ((a.entity_type = 'user' AND a.entity_id = p_user_id::text)
        OR pg_catalog.strpos(pg_catalog.lower(coalesce(a.before::text, '') || coalesce(a.after::text, '')), person_email) > 0
        OR (pg_catalog.length(person_name) >= 4 AND pg_catalog.strpos(pg_catalog.lower(coalesce(a.before::text, '') || coalesce(a.after::text, '')), person_name) > 0));
  GET DIAGNOSTICS cleared = ROW_COUNT;
  PERFORM pg_catalog.set_config('wijkwerk.audit_retention', 'off', true);
  RETURN cleared;
END;
$$;
--> statement-breakpoint
-- Only the roles granted it (the runtime role, by db:grant-runtime) may call them.
REVOKE ALL ON FUNCTION privacy_clear_audit_snapshots(uuid, timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_clear_audit_snapshots_of_user(uuid, uuid) FROM PUBLIC;
