import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTableWithColumns } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';

/** The columns every reference list shares: a tenant, an id and a version. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's table type is generic over its column map
export type ReferenceTable = PgTableWithColumns<any> & { id: AnyPgColumn; municipalityId: AnyPgColumn; version: AnyPgColumn };
export type ReferenceRow = Record<string, unknown> & { id: string; municipalityId: string; version: number };

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
