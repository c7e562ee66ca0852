import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns.ts';

/** The tenant. Everything else in Wijkwerk belongs to exactly one municipality. */
export const municipality = pgTable(
  'municipality',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    cbsCode: text('cbs_code'),
    /** Per-municipality rules (deadlines, weights, short term…) that later features read. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('municipality_slug_key').on(table.slug), uniqueIndex('municipality_cbs_code_key').on(table.cbsCode)],
);

/** The municipality's logo, one at most: kept in the database so that a backup holds it too. */
export const municipalityLogo = pgTable('municipality_logo', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id, { onDelete: 'cascade' }),
  mediaType: text('media_type').notNull(),
  content: bytea('content').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});
