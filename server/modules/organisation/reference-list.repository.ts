import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTableWithColumns } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';

/** The columns every reference list shares: a tenant, an id and a version. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its column map
export type ReferenceTable = PgTableWithColumns<any> & { id: AnyPgColumn; municipalityId: AnyPgColumn; version: AnyPgColumn };
export type ReferenceRow = Record<string, unknown> & { id: string; municipalityId: string; version: number };

/**
 * A many-to-many list a record carries as an array of ids (a portfolio's departmentIds). The link table holds the
 * tenant in each row, with composite foreign keys on both sides, so an id from another municipality is refused.
 */
export interface ReferenceLink {
  /** The field in the API, e.g. "departmentIds". */
  field: string;
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its column map
  table: PgTableWithColumns<any>;
  tenant: AnyPgColumn;
  owner: AnyPgColumn;
  target: AnyPgColumn;
  /** The property names of owner and target in the table's insert values. */
  ownerKey: string;
  targetKey: string;
}

/** The linked ids of each record on a page, one query per link: never a query per record. */
export async function loadLinks(db: Executor, links: ReferenceLink[], municipalityId: string, rows: ReferenceRow[]): Promise<ReferenceRow[]> {
  if (links.length === 0 || rows.length === 0) return rows;
  const ids = rows.map((row) => row.id);
  const withLinks = rows.map((row) => ({ ...row })) as ReferenceRow[];
  for (const link of links) {
    const pairs = await db
      .select({ owner: link.owner, target: link.target })
      .from(link.table)
      .where(and(eq(link.tenant, municipalityId), inArray(link.owner, ids)))
      .orderBy(asc(link.target));
    for (const row of withLinks) row[link.field] = pairs.filter((pair) => pair.owner === row.id).map((pair) => pair.target as string);
  }
  return withLinks;
}

/** Replaces a record's linked ids with the given ones. */
export async function replaceLinks(db: Executor, link: ReferenceLink, municipalityId: string, ownerId: string, targetIds: string[]): Promise<void> {
  await db.delete(link.table).where(and(eq(link.tenant, municipalityId), eq(link.owner, ownerId)));
  const unique = [...new Set(targetIds)];
  if (unique.length > 0) await db.insert(link.table).values(unique.map((targetId) => ({ municipalityId, [link.ownerKey]: ownerId, [link.targetKey]: targetId })));
}

/** SQL for the small lists an admin keeps (departments, partners, themes, portfolios, council terms). */
export function createReferenceListRepository(db: Executor, table: ReferenceTable, orderBy: AnyPgColumn[]) {
  const ofTenant = (municipalityId: string) => eq(table.municipalityId, municipalityId);
  return {
    async list(municipalityId: string, offset: number, limit: number) {
      const [rows, [{ total }]] = await Promise.all([
        db.select().from(table).where(ofTenant(municipalityId)).orderBy(...orderBy.map((column) => asc(column)), asc(table.id)).offset(offset).limit(limit),
        db.select({ total: count() }).from(table).where(ofTenant(municipalityId)),
      ]);
      return { rows: rows as ReferenceRow[], total };
    },

    async findById(municipalityId: string, id: string): Promise<ReferenceRow | undefined> {
      const [row] = await db.select().from(table).where(and(ofTenant(municipalityId), eq(table.id, id)));
      return row as ReferenceRow | undefined;
    },

    async findWhere(municipalityId: string, column: AnyPgColumn, value: unknown): Promise<ReferenceRow[]> {
      return (await db.select().from(table).where(and(ofTenant(municipalityId), eq(column, value))).limit(10)) as ReferenceRow[];
    },

    async insert(values: Record<string, unknown>): Promise<ReferenceRow> {
      const [row] = await db.insert(table).values(values).returning();
      return row as ReferenceRow;
    },

    async update(municipalityId: string, id: string, expectedVersion: number, values: Record<string, unknown>): Promise<ReferenceRow | undefined> {
      const [row] = await db
        .update(table)
        .set({ ...values, version: sql`${table.version} + 1` })
        .where(and(ofTenant(municipalityId), eq(table.id, id), eq(table.version, expectedVersion)))
        .returning();
      return row as ReferenceRow | undefined;
    },

    async delete(municipalityId: string, id: string): Promise<void> {
      await db.delete(table).where(and(ofTenant(municipalityId), eq(table.id, id)));
    },
  };
}

export type ReferenceListRepository = ReturnType<typeof createReferenceListRepository>;
