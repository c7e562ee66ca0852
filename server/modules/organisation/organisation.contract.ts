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

export const referenceListQuery = pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(100) });

export const departmentSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), contactEmail: z.string().nullable(), version: z.number().int() }).meta({ id: 'Department' });
export const createDepartmentBody = z.object({ code, name, contactEmail: email }).meta({ id: 'CreateDepartment' });
export const updateDepartmentBody = requireSomeChange(z.object({ version, code: code.optional(), name: name.optional(), contactEmail: email })).meta({ id: 'UpdateDepartment' });

export const partnerOrganisationSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(partnerKinds), contactEmail: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'PartnerOrganisation' });
export const createPartnerOrganisationBody = z.object({ name, kind: z.enum(partnerKinds), contactEmail: email }).meta({ id: 'CreatePartnerOrganisation' });
export const updatePartnerOrganisationBody = requireSomeChange(z.object({ version, name: name.optional(), kind: z.enum(partnerKinds).optional(), contactEmail: email })).meta({ id: 'UpdatePartnerOrganisation' });

export const themeSchema = z
  .object({ id: z.uuid(), code: z.string(), nameNl: z.string(), nameEn: z.string(), isActive: z.boolean(), sortOrder: z.number().int(), version: z.number().int() })
  .meta({ id: 'Theme' });
export const createThemeBody = z
  .object({ code, nameNl: name, nameEn: name, isActive: z.boolean().default(true), sortOrder: int32().min(0).max(10_000).default(0) })
  .meta({ id: 'CreateTheme' });
export const updateThemeBody = requireSomeChange(z
  .object({ version, code: code.optional(), nameNl: name.optional(), nameEn: name.optional(), isActive: z.boolean().optional(), sortOrder: int32().min(0).max(10_000).optional() }))
  .meta({ id: 'UpdateTheme' });

export const portfolioSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), isNeighbourhoodPolicy: z.boolean().describe('The wijkbeleid portfolio: its alderman chairs the wijktafels'), version: z.number().int() })
  .meta({ id: 'Portfolio' });
export const createPortfolioBody = z.object({ code, name, isNeighbourhoodPolicy: z.boolean().default(false) }).meta({ id: 'CreatePortfolio' });
export const updatePortfolioBody = requireSomeChange(z.object({ version, code: code.optional(), name: name.optional(), isNeighbourhoodPolicy: z.boolean().optional() })).meta({ id: 'UpdatePortfolio' });

export const councilTermSchema = z
  .object({ id: z.uuid(), name: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date(), version: z.number().int() })
  .meta({ id: 'CouncilTerm', description: 'A collegeperiode' });
export const createCouncilTermBody = z.object({ name, startsOn: isoDate(), endsOn: isoDate() }).meta({ id: 'CreateCouncilTerm' });
export const updateCouncilTermBody = requireSomeChange(z.object({ version, name: name.optional(), startsOn: isoDate().optional(), endsOn: isoDate().optional() })).meta({ id: 'UpdateCouncilTerm' });

export const listSchemas = {
  department: pageSchema(departmentSchema).meta({ id: 'DepartmentList' }),
  partnerOrganisation: pageSchema(partnerOrganisationSchema).meta({ id: 'PartnerOrganisationList' }),
  theme: pageSchema(themeSchema).meta({ id: 'ThemeList' }),
  portfolio: pageSchema(portfolioSchema).meta({ id: 'PortfolioList' }),
  councilTerm: pageSchema(councilTermSchema).meta({ id: 'CouncilTermList' }),
};
