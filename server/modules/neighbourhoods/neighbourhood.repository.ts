import { and, asc, count, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { area, neighbourhood } from './neighbourhood.tables.ts';

export type NeighbourhoodRow = typeof neighbourhood.$inferSelect;
export type AreaRow = typeof area.$inferSelect;

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (character) => `\\${character}`);
}

export function createNeighbourhoodRepository(db: Executor) {
  return {
    async list(municipalityId: string, filter: { search?: string; slug?: string; offset: number; limit: number }) {
      const conditions: SQL[] = [eq(neighbourhood.municipalityId, municipalityId)];
      if (filter.slug) conditions.push(eq(neighbourhood.slug, filter.slug));
      if (filter.search) {
        const pattern = `%${escapeLike(filter.search)}%`;
        conditions.push(or(ilike(neighbourhood.name, pattern), ilike(neighbourhood.cbsCode, pattern))!);
      }
      const where = and(...conditions);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({ id: neighbourhood.id, name: neighbourhood.name, slug: neighbourhood.slug, cbsCode: neighbourhood.cbsCode, isDevelopmentArea: neighbourhood.isDevelopmentArea })
          .from(neighbourhood)
          .where(where)
          .orderBy(asc(neighbourhood.name), asc(neighbourhood.id))
          .offset(filter.offset)
          .limit(filter.limit),
        db.select({ total: count() }).from(neighbourhood).where(where),
      ]);
      return { rows, total };
    },

    /** For the map: every neighbourhood with a boundary, in one query. */
    async listBoundaries(municipalityId: string) {
      return db
        .select({ id: neighbourhood.id, name: neighbourhood.name, slug: neighbourhood.slug, cbsCode: neighbourhood.cbsCode, isBoundaryOfficial: neighbourhood.isBoundaryOfficial, boundary: neighbourhood.boundary })
        .from(neighbourhood)
        .where(and(eq(neighbourhood.municipalityId, municipalityId), isNotNull(neighbourhood.boundary)))
        .orderBy(asc(neighbourhood.name))
        .limit(1000);
    },

    async findById(municipalityId: string, neighbourhoodId: string): Promise<NeighbourhoodRow | undefined> {
      const [row] = await db.select().from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return row;
    },

    async findBySlug(municipalityId: string, slug: string): Promise<NeighbourhoodRow | undefined> {
      const [row] = await db.select().from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.slug, slug)));
      return row;
    },

    async findByCbsCode(municipalityId: string, cbsCode: string): Promise<NeighbourhoodRow | undefined> {
      const [row] = await db.select().from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.cbsCode, cbsCode)));
      return row;
    },

    async insert(values: typeof neighbourhood.$inferInsert): Promise<NeighbourhoodRow> {
      const [row] = await db.insert(neighbourhood).values(values).returning();
      return row;
    },

    /** Optimistic update: only when the stored version is the one the caller saw. */
    async update(municipalityId: string, neighbourhoodId: string, expectedVersion: number, values: Partial<typeof neighbourhood.$inferInsert>, at: Date) {
      const [row] = await db
        .update(neighbourhood)
        .set({ ...values, version: sql`${neighbourhood.version} + 1`, updatedAt: at })
        .where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId), eq(neighbourhood.version, expectedVersion)))
        .returning();
      return row;
    },

    async delete(municipalityId: string, neighbourhoodId: string): Promise<void> {
      await db.delete(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
    },

    async areasOf(municipalityId: string, neighbourhoodId: string): Promise<AreaRow[]> {
      return db
        .select()
        .from(area)
        .where(and(eq(area.municipalityId, municipalityId), eq(area.neighbourhoodId, neighbourhoodId)))
        .orderBy(asc(area.name))
        .limit(500);
    },

    async findArea(municipalityId: string, areaId: string): Promise<AreaRow | undefined> {
      const [row] = await db.select().from(area).where(and(eq(area.municipalityId, municipalityId), eq(area.id, areaId)));
      return row;
    },

    async findAreaByCbsCode(municipalityId: string, cbsCode: string): Promise<AreaRow | undefined> {
      const [row] = await db.select().from(area).where(and(eq(area.municipalityId, municipalityId), eq(area.cbsCode, cbsCode)));
      return row;
    },

    async insertArea(values: typeof area.$inferInsert): Promise<AreaRow> {
      const [row] = await db.insert(area).values(values).returning();
      return row;
    },

    async updateArea(municipalityId: string, areaId: string, values: Partial<typeof area.$inferInsert>): Promise<AreaRow | undefined> {
      const [row] = await db.update(area).set(values).where(and(eq(area.municipalityId, municipalityId), eq(area.id, areaId))).returning();
      return row;
    },

    async deleteArea(municipalityId: string, areaId: string): Promise<void> {
      await db.delete(area).where(and(eq(area.municipalityId, municipalityId), eq(area.id, areaId)));
    },
  };
}

export type NeighbourhoodRepository = ReturnType<typeof createNeighbourhoodRepository>;
