import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { municipality, municipalityLogo } from './municipality.tables.ts';

export type MunicipalityRow = typeof municipality.$inferSelect;

export function createMunicipalityRepository(db: Executor) {
  return {
    async findBySlug(slug: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipality).where(eq(municipality.slug, slug));
      return row;
    },
    async findById(id: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipality).where(eq(municipality.id, id));
      return row;
    },
    async list(): Promise<MunicipalityRow[]> {
      return db.select().from(municipality).orderBy(asc(municipality.name)).limit(1000);
    },
    async insert(values: typeof municipality.$inferInsert): Promise<MunicipalityRow> {
      const [row] = await db.insert(municipality).values(values).returning();
      return row;
    },
    /** One section of the municipality's settings (e.g. "requests"); undefined when it was never set. */
    async readSettings(municipalityId: string, section: string): Promise<unknown> {
      const [row] = await db.select({ value: sql<unknown>`${municipality.settings} -> ${section}` }).from(municipality).where(eq(municipality.id, municipalityId));
      return row?.value ?? undefined;
    },
    /** Holds the municipality row until the transaction ends, so two settings writes do not interleave. */
    async lockForUpdate(municipalityId: string): Promise<void> {
      await db.select({ id: municipality.id }).from(municipality).where(eq(municipality.id, municipalityId)).for('update');
    },
    /** Replaces one section and leaves the others as they are. */
    async writeSettings(municipalityId: string, section: string, value: unknown): Promise<void> {
      await db
        .update(municipality)
        .set({ settings: sql`jsonb_set(${municipality.settings}, array[${section}]::text[], ${JSON.stringify(value)}::jsonb, true)` })
        .where(eq(municipality.id, municipalityId));
    },
    /** The logo's type and when it was uploaded, without its bytes. */
    async findLogoVersion(municipalityId: string): Promise<{ mediaType: string; uploadedAt: Date } | undefined> {
      const [row] = await db.select({ mediaType: municipalityLogo.mediaType, uploadedAt: municipalityLogo.uploadedAt }).from(municipalityLogo).where(eq(municipalityLogo.municipalityId, municipalityId));
      return row;
    },
    async findLogo(municipalityId: string): Promise<typeof municipalityLogo.$inferSelect | undefined> {
      const [row] = await db.select().from(municipalityLogo).where(eq(municipalityLogo.municipalityId, municipalityId));
      return row;
    },
    async saveLogo(values: typeof municipalityLogo.$inferInsert): Promise<void> {
      await db.insert(municipalityLogo).values(values).onConflictDoUpdate({ target: municipalityLogo.municipalityId, set: { mediaType: values.mediaType, content: values.content, sizeBytes: values.sizeBytes, uploadedAt: values.uploadedAt } });
    },
    /** True when there was a logo to remove. */
    async deleteLogo(municipalityId: string): Promise<boolean> {
      const removed = await db.delete(municipalityLogo).where(eq(municipalityLogo.municipalityId, municipalityId)).returning({ id: municipalityLogo.municipalityId });
      return removed.length > 0;
    },
    async count(): Promise<number> {
      const rows = await db.select({ id: municipality.id }).from(municipality).limit(1);
      return rows.length;
    },
  };
}
