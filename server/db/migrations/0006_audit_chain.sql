ALTER TABLE "audit_log" ADD COLUMN "snapshot_digest" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "row_hash" text;--> statement-breakpoint
CREATE INDEX "audit_log_chain_idx" ON "audit_log" USING btree ("municipality_id","id");--> statement-breakpoint
-- The audit log's hash chain (docs/decisions/0007-audit-log-hash-chain.md). Hashing lives in the database,
-- in one place: the insert trigger, this migration's backfill and the verification all call these functions,
-- so every writer (the application, a script, psql) chains its rows the same way and none can skip it.
--
-- Canonical JSON: object keys sorted by their bytes (collation "C"), no whitespace; strings, numbers, true,
-- false and null as jsonb prints them (strings escaped as JSON.stringify does).
CREATE FUNCTION audit_canonical_json(value jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result text;
BEGIN
  IF value IS NULL THEN
    RETURN 'null';
  END IF;
  CASE jsonb_typeof(value)
    WHEN 'object' THEN
      SELECT '{' || coalesce(string_agg(to_jsonb(entry.key)::text || ':' || audit_canonical_json(entry.value), ',' ORDER BY entry.key COLLATE "C"), '') || '}'
        INTO result FROM jsonb_each(value) AS entry;
    WHEN 'array' THEN
      SELECT '[' || coalesce(string_agg(audit_canonical_json(element.value), ',' ORDER BY element.position), '') || ']'
        INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS element(value, position);
    ELSE
      result := value::text;
  END CASE;
  RETURN result;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_sha256(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(input, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_snapshot_digest(before jsonb, after jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT audit_sha256(audit_canonical_json(jsonb_build_object('before', before, 'after', after)))
$$;
--> statement-breakpoint
-- row_hash = sha256(previous_hash || canonical JSON of the row's own fields). The snapshot counts only through
-- its digest, so that retention may clear an old row's before/after without breaking the chain.
CREATE FUNCTION audit_row_hash(previous_hash text, id bigint, municipality_id uuid, actor_user_id uuid, actor_label text, action text, entity_type text, entity_id text, request_id text, occurred_at timestamptz, snapshot_digest text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_sha256(coalesce(previous_hash, '') || audit_canonical_json(jsonb_build_object(
    'id', id,
    'municipalityId', municipality_id,
    'actorUserId', actor_user_id,
    'actorLabel', actor_label,
    'action', action,
    'entityType', entity_type,
    'entityId', entity_id,
    'requestId', request_id,
    'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'snapshotDigest', snapshot_digest
  )))
$$;
--> statement-breakpoint
-- Rows written before this migration join the chain here, in id order per municipality, as they are now:
-- the chain cannot vouch for what happened to them before, only that they stay as they were from now on.
-- One row at a time because each hash needs the one before; a one-off cost proportional to the log's size.
DO $$
DECLARE
  entry record;
  current_municipality uuid;
  previous text;
  digest text;
  hash text;
BEGIN
  FOR entry IN SELECT * FROM audit_log ORDER BY municipality_id, id LOOP
    IF current_municipality IS DISTINCT FROM entry.municipality_id THEN
      current_municipality := entry.municipality_id;
      previous := NULL;
    END IF;
    digest := audit_snapshot_digest(entry.before, entry.after);
    hash := audit_row_hash(previous, entry.id, entry.municipality_id, entry.actor_user_id, entry.actor_label, entry.action, entry.entity_type, entry.entity_id, entry.request_id, entry.occurred_at, digest);
    UPDATE audit_log SET previous_hash = previous, snapshot_digest = digest, row_hash = hash WHERE id = entry.id;
    previous := hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Chains every new row, whoever inserts it. Writers of one municipality queue on a transaction-level
-- advisory lock, so two transactions never hang their rows on the same predecessor (a fork). The id is
-- taken again under that lock: the column default ran before the lock, so a transaction that waited
-- could otherwise hold a smaller id than the row it follows, and id order would not be chain order.
-- Read committed (the default) gives the SELECT below a snapshot taken after the lock was granted.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_log'), hashtext(NEW.municipality_id::text));
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT row_hash INTO previous FROM audit_log WHERE municipality_id = NEW.municipality_id ORDER BY id DESC LIMIT 1;
  NEW.previous_hash := previous;
  NEW.snapshot_digest := audit_snapshot_digest(NEW.before, NEW.after);
  NEW.row_hash := audit_row_hash(previous, NEW.id, NEW.municipality_id, NEW.actor_user_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id, NEW.occurred_at, NEW.snapshot_digest);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- Append-only for everyone, the table's owner included. The one exception is retention: with
-- wijkwerk.audit_retention = 'on' in the session (clearAuditSnapshots), an UPDATE may set before and after
-- to null and change nothing else. The runtime role has no UPDATE or DELETE grant at all (db:grant-runtime).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: NEW exists only for UPDATE (this function also guards DELETE and TRUNCATE).
  IF TG_OP = 'UPDATE' AND current_setting('wijkwerk.audit_retention', true) = 'on' THEN
    IF NEW.before IS NULL AND NEW.after IS NULL
      AND (NEW.id, NEW.municipality_id, NEW.actor_user_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id, NEW.occurred_at, NEW.snapshot_digest, NEW.previous_hash, NEW.row_hash)
        IS NOT DISTINCT FROM (OLD.id, OLD.municipality_id, OLD.actor_user_id, OLD.actor_label, OLD.action, OLD.entity_type, OLD.entity_id, OLD.request_id, OLD.occurred_at, OLD.snapshot_digest, OLD.previous_hash, OLD.row_hash)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Retention may only clear before and after, with wijkwerk.audit_retention = on.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
