import { z } from 'zod';
import { int32, requireSomeChange } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { councilLegalForms } from './council.tables.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const contactEmail = z.string().trim().toLowerCase().pipe(z.email()).nullable().optional();
const website = z.url({ protocol: /^https?$/ }).max(300).nullable().optional().describe('http(s) address');

export const councilSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    legalForm: z.enum(councilLegalForms),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }),
    contactEmail: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: 'CouncilSummary' });

export const councilMemberSchema = z.object({ userId: z.uuid(), displayName: z.string(), title: z.string().nullable() }).meta({ id: 'CouncilMember' });

export const councilSchema = councilSummarySchema
  .extend({
    contactPhone: z.string().nullable(),
    postalAddress: z.string().nullable(),
    members: z.array(councilMemberSchema).nullable().describe('Only for municipal staff, partners and council members; null for visitors and residents'),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Council' });

export const councilListSchema = pageSchema(councilSummarySchema).meta({ id: 'CouncilList' });
export const councilListQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  search: z.string().trim().max(100).optional().describe('Part of the name'),
});
export const councilParams = z.object({ municipality: z.string(), councilId: z.uuid() });

export const createCouncilBody = z
  .object({
    name: z.string().trim().min(2).max(150),
    legalForm: z.enum(councilLegalForms).describe('foundation (stichting), association (vereniging) or informal'),
    neighbourhoodId: z.uuid(),
    contactEmail,
    contactPhone: optionalText(40),
    website,
    postalAddress: optionalText(300),
  })
  .meta({ id: 'CreateCouncil' });

export const updateCouncilBody = requireSomeChange(z
  .object({
    version: int32().min(1),
    name: z.string().trim().min(2).max(150).optional(),
    legalForm: z.enum(councilLegalForms).optional(),
    neighbourhoodId: z.uuid().optional(),
    contactEmail,
    contactPhone: optionalText(40),
    website,
    postalAddress: optionalText(300),
  }))
  .meta({ id: 'UpdateCouncil' });

export type CreateCouncil = z.infer<typeof createCouncilBody>;
export type UpdateCouncil = z.infer<typeof updateCouncilBody>;
export type CouncilResponse = z.infer<typeof councilSchema>;
