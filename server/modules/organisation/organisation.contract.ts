import { z } from 'zod';
import { int32, isoDate, requireSomeChange } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { partnerKinds } from './organisation.tables.ts';

const name = z.string().trim().min(2).max(150);
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'field:kebabCode')
  .max(60)
  .describe('Short stable code in kebab-case, e.g. "verkeer"');
const email = z.string().trim().toLowerCase().pipe(z.email()).nullable().optional();
const version = int32().min(1);
/** The name in the English interface; empty or null falls back to the Dutch name. */
const nameEn = z
  .string()
  .trim()
  .max(150)
  .nullable()
  .optional()
  .transform((value) => (value === '' ? null : value))
  .describe('The name in English; leave empty to show the Dutch name');
const storedNameEn = z.string().nullable().describe('The name in English; null: the Dutch name is shown');
const idList = (what: string) => z.array(z.uuid()).max(200).describe(what);

export const referenceListQuery = pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(100) });

export const departmentSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), nameEn: storedNameEn, contactEmail: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'Department' });
export const createDepartmentBody = z.object({ code, name, nameEn, contactEmail: email }).meta({ id: 'CreateDepartment' });
export const updateDepartmentBody = requireSomeChange(z.object({ version, code: code.optional(), name: name.optional(), nameEn, contactEmail: email })).meta({ id: 'UpdateDepartment' });

export const partnerOrganisationSchema = z
  .object({ id: z.uuid(), name: z.string(), nameEn: storedNameEn, kind: z.enum(partnerKinds), contactEmail: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'PartnerOrganisation' });
export const createPartnerOrganisationBody = z.object({ name, nameEn, kind: z.enum(partnerKinds), contactEmail: email }).meta({ id: 'CreatePartnerOrganisation' });
export const updatePartnerOrganisationBody = requireSomeChange(z.object({ version, name: name.optional(), nameEn, kind: z.enum(partnerKinds).optional(), contactEmail: email })).meta({
  id: 'UpdatePartnerOrganisation',
});

export const themeSchema = z
  .object({ id: z.uuid(), code: z.string(), nameNl: z.string(), nameEn: z.string(), isActive: z.boolean(), sortOrder: z.number().int(), version: z.number().int() })
  .meta({ id: 'Theme' });
export const createThemeBody = z
  .object({ code, nameNl: name, nameEn: name, isActive: z.boolean().default(true), sortOrder: int32().min(0).max(10_000).default(0) })
  .meta({ id: 'CreateTheme' });
export const updateThemeBody = requireSomeChange(z
  .object({ version, code: code.optional(), nameNl: name.optional(), nameEn: name.optional(), isActive: z.boolean().optional(), sortOrder: int32().min(0).max(10_000).optional() }))
  .meta({ id: 'UpdateTheme' });

const portfolioCoverage = {
  departmentIds: idList('The departments this portfolio steers'),
  themeIds: idList('The subjects this portfolio holds'),
  neighbourhoodIds: idList('The neighbourhoods whose alderman (wijkwethouder) holds this portfolio'),
};
export const portfolioSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: storedNameEn,
    isNeighbourhoodPolicy: z.boolean().describe('The wijkbeleid portfolio: its alderman chairs the wijktafels'),
    ...portfolioCoverage,
    version: z.number().int(),
  })
  .meta({ id: 'Portfolio', description: 'An alderman’s portfolio and what it covers: its requests are on the alderman’s home' });
export const createPortfolioBody = z
  .object({
    code,
    name,
    nameEn,
    isNeighbourhoodPolicy: z.boolean().default(false),
    departmentIds: portfolioCoverage.departmentIds.default([]),
    themeIds: portfolioCoverage.themeIds.default([]),
    neighbourhoodIds: portfolioCoverage.neighbourhoodIds.default([]),
  })
  .meta({ id: 'CreatePortfolio' });
export const updatePortfolioBody = requireSomeChange(
  z.object({
    version,
    code: code.optional(),
    name: name.optional(),
    nameEn,
    isNeighbourhoodPolicy: z.boolean().optional(),
    departmentIds: portfolioCoverage.departmentIds.optional(),
    themeIds: portfolioCoverage.themeIds.optional(),
    neighbourhoodIds: portfolioCoverage.neighbourhoodIds.optional(),
  }),
).meta({ id: 'UpdatePortfolio' });

export const councilTermSchema = z
  .object({ id: z.uuid(), name: z.string(), nameEn: storedNameEn, startsOn: z.iso.date(), endsOn: z.iso.date(), version: z.number().int() })
  .meta({ id: 'CouncilTerm', description: 'A collegeperiode' });
export const createCouncilTermBody = z.object({ name, nameEn, startsOn: isoDate(), endsOn: isoDate() }).meta({ id: 'CreateCouncilTerm' });
export const updateCouncilTermBody = requireSomeChange(z.object({ version, name: name.optional(), nameEn, startsOn: isoDate().optional(), endsOn: isoDate().optional() })).meta({ id: 'UpdateCouncilTerm' });

export const listSchemas = {
  department: pageSchema(departmentSchema).meta({ id: 'DepartmentList' }),
  partnerOrganisation: pageSchema(partnerOrganisationSchema).meta({ id: 'PartnerOrganisationList' }),
  theme: pageSchema(themeSchema).meta({ id: 'ThemeList' }),
  portfolio: pageSchema(portfolioSchema).meta({ id: 'PortfolioList' }),
  councilTerm: pageSchema(councilTermSchema).meta({ id: 'CouncilTermList' }),
};
