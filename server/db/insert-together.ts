import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

/**
 * Writes several inserts as one statement: the first is the statement's own, the others ride along as
 * data-modifying common table expressions, which PostgreSQL runs to completion after it. One statement commits as a
 * whole or not at all, like a transaction, but in one round trip and without a transaction left open between
 * statements. For a hot path that ends with an audit row: the municipality's audit lock (taken by the row's chaining
 * trigger) is then held only inside the database, after the change's own work, until the commit; never while this
 * server works on other requests. The inserts must not depend on one another's results (give new rows their id up
 * front); foreign keys between them are checked at the end of the statement, when all rows exist.
 */
export async function insertTogether(db: Executor, [first, ...others]: SQLWrapper[]): Promise<void> {
  if (!first) return;
  // As SQL, not as query builders: the sql template puts a builder in parentheses, as a subquery.
  const expressions = others.map((insert, index) => sql`${sql.raw(`w${index}`)} as (${insert.getSQL()})`);
  const statement: SQL = expressions.length > 0 ? sql`with ${sql.join(expressions, sql`, `)} ${first.getSQL()}` : first.getSQL();
  await db.execute(statement);
}
