import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';

/** A GeoJSON Polygon or MultiPolygon geometry, stored as given. */
export type BoundaryGeometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

export const neighbourhood = pgTable(
  'neighbourhood',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    cbsCode: text('cbs_code'),
    description: text('description').notNull().default(''),
    boundary: jsonb('boundary').$type<BoundaryGeometry>(),
    /** Schematic demo shapes are labelled so nobody mistakes them for official boundaries. */
    isBoundaryOfficial: boolean('is_boundary_official').notNull().default(true),
    isDevelopmentArea: boolean('is_development_area').notNull().default(false),
    programmeManagerUserId: uuid('programme_manager_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('neighbourhood_slug_key').on(table.municipalityId, table.slug),
    uniqueIndex('neighbourhood_cbs_code_key').on(table.municipalityId, table.cbsCode).where(sql`${table.cbsCode} is not null`),
    index('neighbourhood_municipality_name_idx').on(table.municipalityId, table.name),
  ],
);

/** A buurt: a sub-area of a neighbourhood. */
export const area = pgTable(
  'area',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    neighbourhoodId: uuid('neighbourhood_id').notNull().references(() => neighbourhood.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    cbsCode: text('cbs_code'),
    boundary: jsonb('boundary').$type<BoundaryGeometry>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('area_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId),
    uniqueIndex('area_cbs_code_key').on(table.municipalityId, table.cbsCode).where(sql`${table.cbsCode} is not null`),
  ],
);
