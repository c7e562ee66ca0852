import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from './client.ts';

/** A plain role name: quoted as an identifier anyway, but nothing an operator would type differently. */
const roleNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives the role the server runs as what it needs and no more (docs/operations.md, "Two database roles"):
 * connect, use the schema, read and write the tables, except the audit log, which it may only read and
 * append to; use the sequences; read the migrations' bookkeeping (the health check). No CREATE on the
 * schema and no ownership, so no DDL. Run it as the migration role (the tables' owner): the default
 * privileges then also cover the tables later migrations create. Idempotent; run it again after a migration.
 */
export async function grantRuntimeAccess(db: Pick<Executor, 'execute'>, role: string): Promise<void> {
  if (!roleNamePattern.test(role)) throw new Error(`"${role}" is not a plain role name (lower-case letters, digits and _)`);
  const [found] = await queryRows<{ isSuperuser: boolean; ownsAuditLog: boolean; database: string }>(
    db,
    sql`select rolsuper as "isSuperuser",
          pg_has_role(rolname, (select tableowner from pg_tables where schemaname = 'public' and tablename = 'audit_log'), 'MEMBER') as "ownsAuditLog",
          current_database() as "database"
        from pg_roles where rolname = ${role}`,
  );
  if (!found) throw new Error(`role "${role}" does not exist; create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`);
  // Privileges mean nothing to a superuser, and an owner may alter or drop its tables: neither can be the runtime role.
  if (found.isSuperuser) throw new Error(`role "${role}" is a superuser; the runtime role must be an ordinary role`);
  if (found.ownsAuditLog) throw new Error(`role "${role}" owns the tables (or is a member of their owner); the runtime role must be a separate role`);

  const grantee = sql.identifier(role);
  const statements = [
    sql`grant connect on database ${sql.identifier(found.database)} to ${grantee}`,
    sql`revoke create, temporary on database ${sql.identifier(found.database)} from ${grantee}`,
    sql`grant usage on schema public to ${grantee}`,
    sql`revoke create on schema public from ${grantee}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${grantee}`,
    // The audit log: read and append, nothing else (its trigger refuses UPDATE and DELETE to everyone too).
    sql`revoke all on audit_log from ${grantee}`,
    sql`grant select, insert on audit_log to ${grantee}`,
    // The chain's head is the trigger's alone (SECURITY DEFINER): nobody else moves it.
    sql`revoke all on audit_chain_head from ${grantee}`,
    sql`grant usage on all sequences in schema public to ${grantee}`,
    // Retention and erasure clear old audit snapshots only through these SECURITY DEFINER functions (0008_privacy).
    sql`grant execute on function privacy_clear_audit_snapshots(uuid, timestamptz) to ${grantee}`,
    sql`grant execute on function privacy_clear_audit_snapshots_of_user(uuid, uuid) to ${grantee}`,
    sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${grantee}`,
    sql`alter default privileges in schema public grant usage on sequences to ${grantee}`,
  ];
  for (const statement of statements) await db.execute(statement);
  // The health check asks whether every migration has been applied.
  const [bookkeeping] = await queryRows<{ exists: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`);
  if (bookkeeping.exists) {
    await db.execute(sql`grant usage on schema drizzle to ${grantee}`);
    await db.execute(sql`grant select on drizzle.__drizzle_migrations to ${grantee}`);
  }
}
