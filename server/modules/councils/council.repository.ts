import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { council } from './council.tables.ts';

export type CouncilRow = typeof council.$inferSelect;
export type CouncilWithNeighbourhood = CouncilRow & { neighbourhoodName: string };

const columns = { council, neighbourhoodName: neighbourhood.name };

function flatten(row: { council: CouncilRow; neighbourhoodName: string }): CouncilWithNeighbourhood {
  return { ...row.council, neighbourhoodName: row.neighbourhoodName };
}

export function createCouncilRepository(db: Executor) {
  return {
    async list(municipalityId: string, filter: { neighbourhoodId?: string; search?: string; offset: number; limit: number }) {
      const conditions: SQL[] = [eq(council.municipalityId, municipalityId)];
      if (filter.neighbourhoodId) conditions.push(eq(council.neighbourhoodId, filter.neighbourhoodId));
      if (filter.search) conditions.push(ilike(council.name, `%${filter.search.replace(/[%_\\]/g, (character) => `\\${character}`)}%`));
      const where = and(...conditions);
      const [rows, [{ total }]] = await Promise.all([
        db.select(columns).from(council).innerJoin(neighbourhood, eq(neighbourhood.id, council.neighbourhoodId)).where(where).orderBy(asc(council.name), asc(council.id)).offset(filter.offset).limit(filter.limit),
        db.select({ total: count() }).from(council).where(where),
      ]);
      return { rows: rows.map(flatten), total };
    },

    async findById(municipalityId: string, councilId: string): Promise<CouncilWithNeighbourhood | undefined> {
      const [row] = await db
        .select(columns)
        .from(council)
        .innerJoin(neighbourhood, eq(neighbourhood.id, council.neighbourhoodId))
        .where(and(eq(council.municipalityId, municipalityId), eq(council.id, councilId)));
      return row ? flatten(row) : undefined;
    },

    async neighbourhoodExists(municipalityId: string, neighbourhoodId: string): Promise<boolean> {
      const rows = await db.select({ id: neighbourhood.id }).from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return rows.length > 0;
    },

    async insert(values: typeof council.$inferInsert): Promise<CouncilRow> {
      const [row] = await db.insert(council).values(values).returning();
      return row;
    },

    async update(municipalityId: string, councilId: string, expectedVersion: number, values: Partial<typeof council.$inferInsert>, at: Date): Promise<CouncilRow | undefined> {
      const [row] = await db
        .update(council)
        .set({ ...values, version: sql`${council.version} + 1`, updatedAt: at })
        .where(and(eq(council.municipalityId, municipalityId), eq(council.id, councilId), eq(council.version, expectedVersion)))
        .returning();
      return row;
    },

    async delete(municipalityId: string, councilId: string): Promise<void> {
      await db.delete(council).where(and(eq(council.municipalityId, municipalityId), eq(council.id, councilId)));
    },
  };
}
