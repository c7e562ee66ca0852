import { boolean, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';

/** A vakafdeling: the officers who answer requests work in one. */
export const department = pgTable(
  'department',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('department_code_key').on(table.municipalityId, table.code), unique('department_tenant_key').on(table.municipalityId, table.id)],
);

export const partnerKinds = ['police', 'housing_corporation', 'welfare', 'education', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** Professionals outside the municipality: police, housing corporations, welfare organisations. */
export const partnerOrganisation = pgTable(
  'partner_organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    name: text('name').notNull(),
    kind: text('kind').$type<PartnerKind>().notNull(),
    contactEmail: text('contact_email'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('partner_organisation_name_key').on(table.municipalityId, table.name), unique('partner_organisation_tenant_key').on(table.municipalityId, table.id)],
);

/** Subjects requests, actions and signals are tagged with (§3.1 "Schaalniveau"). */
export const theme = pgTable(
  'theme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('theme_code_key').on(table.municipalityId, table.code), unique('theme_tenant_key').on(table.municipalityId, table.id)],
);

/** An alderman's portfolio; the one marked neighbourhood policy (wijkbeleid) chairs wijktafels. */
export const portfolio = pgTable(
  'portfolio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isNeighbourhoodPolicy: boolean('is_neighbourhood_policy').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('portfolio_code_key').on(table.municipalityId, table.code), unique('portfolio_tenant_key').on(table.municipalityId, table.id)],
);

/** A collegeperiode: the wijkbezoek happens once per term. */
export const councilTerm = pgTable(
  'council_term',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('council_term_period_idx').on(table.municipalityId, table.startsOn), unique('council_term_tenant_key').on(table.municipalityId, table.id)],
);
