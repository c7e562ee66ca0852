import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { municipality } from './municipality.tables.ts';

export type MunicipalityRow = typeof municipality.$inferSelect;

export function createMunicipalityRepository(db: Executor) {
  return {
    async findBySlug(slug: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipality).where(eq(municipality.slug, slug));
      return row;
    },
    async list(): Promise<MunicipalityRow[]> {
      return db.select().from(municipality).orderBy(asc(municipality.name)).limit(1000);
    },
    async insert(values: typeof municipality.$inferInsert): Promise<MunicipalityRow> {
      const [row] = await db.insert(municipality).values(values).returning();
      return row;
    },
    async count(): Promise<number> {
      const rows = await db.select({ id: municipality.id }).from(municipality).limit(1);
      return rows.length;
    },
  };
}
