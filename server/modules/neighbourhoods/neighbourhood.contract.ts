import { z } from 'zod';
import { int32, isoDate, requireSomeChange } from '../../platform/input-bounds.ts';
import { boundarySchema } from '../../platform/geometry.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';

const name = z.string().trim().min(2).max(100);
const cbsNeighbourhoodCode = z
  .string()
  .trim()
  .regex(/^WK\d{6}$/, 'field:cbsNeighbourhoodCode')
  .describe('CBS wijk code: WK followed by six digits, e.g. WK079401');
const cbsAreaCode = z
  .string()
  .trim()
  .regex(/^BU\d{8}$/, 'field:cbsAreaCode')
  .describe('CBS buurt code: BU followed by eight digits, e.g. BU07940101');

export const areaSchema = z.object({ id: z.uuid(), name: z.string(), cbsCode: z.string().nullable() }).meta({ id: 'Area' });

export const neighbourhoodSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    cbsCode: z.string().nullable(),
    isDevelopmentArea: z.boolean(),
  })
  .meta({ id: 'NeighbourhoodSummary' });

export const developmentAgreementDecisions = ['regular', 'adapted', 'suspended'] as const;

/** What the advisor and the programme manager agreed on the wijktafel and wijkwerkoverleg in a development area. */
export const developmentAgreementSchema = z
  .object({
    decision: z.enum(developmentAgreementDecisions).describe('regular: both meetings as everywhere; adapted: in another form; suspended: not while the programme runs'),
    form: z.string().trim().max(1000).describe('The form they take, when adapted'),
    reason: z.string().trim().min(10).max(2000).describe('Why, given the participation the development programme already has'),
    agreedOn: z.iso.date(),
  })
  .meta({ id: 'DevelopmentAgreement' });

export const recordDevelopmentAgreementBody = developmentAgreementSchema.extend({ agreedOn: isoDate(), version: int32().min(1) }).meta({ id: 'RecordDevelopmentAgreement' });

export const neighbourhoodSchema = neighbourhoodSummarySchema
  .extend({
    description: z.string(),
    boundary: boundarySchema.nullable(),
    isBoundaryOfficial: z.boolean().describe('False for schematic shapes that are not the official CBS boundary'),
    programmeManager: z.object({ id: z.uuid(), displayName: z.string() }).nullable().describe('Agrees with the advisor on the standard meetings in a development area'),
    developmentAgreement: developmentAgreementSchema.nullable().describe('Whether, and in what form, the wijktafel and wijkwerkoverleg take place in this development area'),
    areas: z.array(areaSchema),
    allowedActions: z.array(z.enum(['recordDevelopmentAgreement'])).describe('What you may do with this neighbourhood'),
    version: z.number().int().describe('Send back when changing, to detect concurrent edits'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Neighbourhood' });

export const neighbourhoodListSchema = pageSchema(neighbourhoodSummarySchema).meta({ id: 'NeighbourhoodList' });

export const neighbourhoodListQuery = pageQuery.extend({
  search: z.string().trim().max(100).optional().describe('Part of the name or CBS code'),
  slug: z.string().trim().max(100).optional().describe('Exactly this slug (web addresses use it)'),
});

export const boundaryCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.uuid(),
        properties: z.object({ name: z.string(), slug: z.string(), cbsCode: z.string().nullable(), isBoundaryOfficial: z.boolean() }),
        geometry: boundarySchema,
      }),
    ),
  })
  .meta({ id: 'NeighbourhoodBoundaries', description: 'GeoJSON FeatureCollection of the neighbourhoods that have a boundary' });

export const neighbourhoodParams = z.object({ municipality: z.string(), neighbourhoodId: z.uuid() });
export const areaParams = z.object({ municipality: z.string(), areaId: z.uuid() });

export const createNeighbourhoodBody = z
  .object({
    name,
    slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'field:kebabCode').max(100).optional().describe('Defaults to the name in kebab-case'),
    cbsCode: cbsNeighbourhoodCode.nullable().optional(),
    description: z.string().max(5000).default(''),
    boundary: boundarySchema.nullable().optional(),
    isBoundaryOfficial: z.boolean().default(true),
    isDevelopmentArea: z.boolean().default(false),
    programmeManagerUserId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'CreateNeighbourhood' });

export const updateNeighbourhoodBody = requireSomeChange(z
  .object({
    version: int32().min(1),
    name: name.optional(),
    cbsCode: cbsNeighbourhoodCode.nullable().optional(),
    description: z.string().max(5000).optional(),
    boundary: boundarySchema.nullable().optional(),
    isBoundaryOfficial: z.boolean().optional(),
    isDevelopmentArea: z.boolean().optional(),
    programmeManagerUserId: z.uuid().nullable().optional(),
  }))
  .meta({ id: 'UpdateNeighbourhood' });

export const createAreaBody = z.object({ name, cbsCode: cbsAreaCode.nullable().optional(), boundary: boundarySchema.nullable().optional() }).meta({ id: 'CreateArea' });
export const updateAreaBody = requireSomeChange(z
  .object({ name: name.optional(), cbsCode: cbsAreaCode.nullable().optional(), boundary: boundarySchema.nullable().optional() }))
  .meta({ id: 'UpdateArea' });

export type DevelopmentAgreementInput = z.infer<typeof recordDevelopmentAgreementBody>;
export type CreateNeighbourhood = z.infer<typeof createNeighbourhoodBody>;
export type UpdateNeighbourhood = z.infer<typeof updateNeighbourhoodBody>;
export type CreateArea = z.infer<typeof createAreaBody>;
export type UpdateArea = z.infer<typeof updateAreaBody>;
export type NeighbourhoodResponse = z.infer<typeof neighbourhoodSchema>;
