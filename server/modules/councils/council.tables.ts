import { foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';

export const councilLegalForms = ['foundation', 'association', 'informal'] as const;
export type CouncilLegalForm = (typeof councilLegalForms)[number];

/** A wijkorgaan: the structured dialogue partner of the municipality for one neighbourhood. */
export const council = pgTable(
  'council',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    name: text('name').notNull(),
    legalForm: text('legal_form').$type<CouncilLegalForm>().notNull(),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    website: text('website'),
    postalAddress: text('postal_address'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('council_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId),
    uniqueIndex('council_name_key').on(table.municipalityId, table.name),
    unique('council_tenant_key').on(table.municipalityId, table.id),
    foreignKey({ name: 'council_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }),
  ],
);
