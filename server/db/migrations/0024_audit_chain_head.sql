CREATE TABLE "audit_chain_head" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"last_id" bigint,
	"row_hash" text
);
--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Each chain's head as the log stands now: its last row by id (the chain's order).
INSERT INTO "audit_chain_head" ("municipality_id", "last_id", "row_hash")
SELECT DISTINCT ON (municipality_id) municipality_id, id, row_hash FROM audit_log ORDER BY municipality_id, id DESC;
--> statement-breakpoint
-- Chains every new row, as 0006 did, with the head row as the municipality's lock and memory instead of an
-- advisory lock and a search for the log's last row. SELECT ... FOR UPDATE waits for a writer holding the head and
-- then reads its committed hash (read committed), so two transactions never hang their rows on the same
-- predecessor. The id is taken again under the lock, so id order stays chain order. SECURITY DEFINER: the runtime
-- role may append to the log but has no rights on the head.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  previous text;
BEGIN
  SELECT row_hash INTO previous FROM audit_chain_head WHERE municipality_id = NEW.municipality_id FOR UPDATE;
  IF NOT FOUND THEN
    -- A municipality's first row: two first writers at once meet on the primary key, the second waits for the first.
    INSERT INTO audit_chain_head (municipality_id) VALUES (NEW.municipality_id) ON CONFLICT DO NOTHING;
    SELECT row_hash INTO previous FROM audit_chain_head WHERE municipality_id = NEW.municipality_id FOR UPDATE;
  END IF;
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.previous_hash := previous;
  NEW.snapshot_digest := audit_snapshot_digest(NEW.before, NEW.after);
  NEW.row_hash := audit_row_hash(previous, NEW.id, NEW.municipality_id, NEW.actor_user_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id, NEW.occurred_at, NEW.snapshot_digest);
  UPDATE audit_chain_head SET last_id = NEW.id, row_hash = NEW.row_hash WHERE municipality_id = NEW.municipality_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON "audit_chain_head" FROM PUBLIC;
