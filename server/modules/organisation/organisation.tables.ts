import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';

/** A vakafdeling: the officers who answer requests work in one. */
export const department = pgTable(
  'department',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Shown in the English interface; the Dutch name when empty. */
    nameEn: text('name_en'),
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
    nameEn: text('name_en'),
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
    nameEn: text('name_en'),
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
    nameEn: text('name_en'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('council_term_period_idx').on(table.municipalityId, table.startsOn), unique('council_term_tenant_key').on(table.municipalityId, table.id)],
);

/**
 * What a portfolio covers: the departments it steers, the subjects (themes) it holds and the neighbourhoods its
 * alderman looks after as wijkwethouder. Decides which requests an alderman's home shows, and which alderman chairs
 * a wijkwerkoverleg about a subject.
 */
export const portfolioDepartment = pgTable(
  'portfolio_department',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    portfolioId: uuid('portfolio_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.departmentId] }),
    index('portfolio_department_department_idx').on(table.municipalityId, table.departmentId),
    foreignKey({ name: 'portfolio_department_portfolio_fk', columns: [table.municipalityId, table.portfolioId], foreignColumns: [portfolio.municipalityId, portfolio.id] }).onDelete('cascade'),
    foreignKey({ name: 'portfolio_department_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }).onDelete('cascade'),
  ],
);

export const portfolioTheme = pgTable(
  'portfolio_theme',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    portfolioId: uuid('portfolio_id').notNull(),
    themeId: uuid('theme_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.themeId] }),
    index('portfolio_theme_theme_idx').on(table.municipalityId, table.themeId),
    foreignKey({ name: 'portfolio_theme_portfolio_fk', columns: [table.municipalityId, table.portfolioId], foreignColumns: [portfolio.municipalityId, portfolio.id] }).onDelete('cascade'),
    foreignKey({ name: 'portfolio_theme_theme_fk', columns: [table.municipalityId, table.themeId], foreignColumns: [theme.municipalityId, theme.id] }).onDelete('cascade'),
  ],
);

export const portfolioNeighbourhood = pgTable(
  'portfolio_neighbourhood',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    portfolioId: uuid('portfolio_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.neighbourhoodId] }),
    index('portfolio_neighbourhood_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId),
    foreignKey({ name: 'portfolio_neighbourhood_portfolio_fk', columns: [table.municipalityId, table.portfolioId], foreignColumns: [portfolio.municipalityId, portfolio.id] }).onDelete('cascade'),
    foreignKey({ name: 'portfolio_neighbourhood_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }).onDelete('cascade'),
  ],
);
