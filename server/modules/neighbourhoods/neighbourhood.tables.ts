import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount } from '../users/user.tables.ts';

/** A GeoJSON Polygon or MultiPolygon geometry, stored as given. */
export type BoundaryGeometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

/**
 * In a development area the advisor and the programme manager agree whether, and in what form, the wijktafel
 * and the wijkwerkoverleg take place there (the wijkbezoek is not part of it).
 */
export interface DevelopmentAgreement {
  decision: 'regular' | 'adapted' | 'suspended';
  form: string;
  reason: string;
  agreedOn: string;
}

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
    developmentAgreement: jsonb('development_agreement').$type<DevelopmentAgreement>(),
    /**
     * How many wijkwerkoverleggen a year this neighbourhood needs (§3.2: tailored, 1 to 3), as recorded by its advisor
     * after sounding out college and council; null until recorded, when the overview counts on once a year.
     */
    yearlyMeetingTarget: integer('yearly_meeting_target'),
    yearlyMeetingTargetRecordedByUserId: uuid('yearly_meeting_target_recorded_by_user_id'),
    yearlyMeetingTargetRecordedAt: timestamp('yearly_meeting_target_recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('neighbourhood_slug_key').on(table.municipalityId, table.slug),
    uniqueIndex('neighbourhood_cbs_code_key').on(table.municipalityId, table.cbsCode).where(sql`${table.cbsCode} is not null`),
    index('neighbourhood_municipality_name_idx').on(table.municipalityId, table.name),
    // Lets other tenant tables reference (municipality_id, id), so an id from another municipality cannot be stored.
    unique('neighbourhood_tenant_key').on(table.municipalityId, table.id),
    check('neighbourhood_yearly_meeting_target_range', sql`${table.yearlyMeetingTarget} between 1 and 3`),
    foreignKey({ name: 'neighbourhood_yearly_meeting_target_recorded_by_fk', columns: [table.municipalityId, table.yearlyMeetingTargetRecordedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'neighbourhood_programme_manager_fk', columns: [table.municipalityId, table.programmeManagerUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** A buurt: a sub-area of a neighbourhood. */
export const area = pgTable(
  'area',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    name: text('name').notNull(),
    cbsCode: text('cbs_code'),
    boundary: jsonb('boundary').$type<BoundaryGeometry>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('area_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId),
    uniqueIndex('area_cbs_code_key').on(table.municipalityId, table.cbsCode).where(sql`${table.cbsCode} is not null`),
    unique('area_tenant_key').on(table.municipalityId, table.id),
    foreignKey({ name: 'area_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }).onDelete('cascade'),
  ],
);
