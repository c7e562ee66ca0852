import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

/**
 * Writes several inserts as one statement: all but the last become data-modifying common table expressions.
 * One statement commits as a whole or not at all, like a transaction, but in one round trip and without a
 * transaction left open between statements. For a hot path that ends with an audit row: the municipality's
 * audit lock (taken by the row's chaining trigger) is then held only inside the database until the commit, never
 * while this server works on other requests. The inserts must not depend on one another's results (give new rows
 * their id up front); foreign keys between them are checked at the end of the statement, when all rows exist.
 */
export async function insertTogether(db: Executor, inserts: SQLWrapper[]): Promise<void> {
  if (inserts.length === 0) return;
  // As SQL, not as query builders: the sql template puts a builder in parentheses, as a subquery.
  const statements = inserts.map((insert) => insert.getSQL());
  const last = statements[statements.length - 1];
  const expressions = statements.slice(0, -1).map((insert, index) => sql`${sql.raw(`w${index}`)} as (${insert})`);
  const statement: SQL = expressions.length > 0 ? sql`with ${sql.join(expressions, sql`, `)} ${last}` : sql`${last}`;
  await db.execute(statement);
}
