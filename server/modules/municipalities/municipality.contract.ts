import { z } from 'zod';

export const municipalitySchema = z
  .object({
    id: z.uuid(),
    slug: z.string().describe('Code used in every URL of this municipality, e.g. "helmond"'),
    name: z.string(),
    cbsCode: z.string().nullable().describe('CBS municipality code, e.g. GM0794'),
  })
  .meta({ id: 'Municipality' });

export const municipalityListSchema = z.object({ items: z.array(municipalitySchema) }).meta({ id: 'MunicipalityList' });

export const municipalityParams = z.object({
  municipality: z.string().min(1).max(60).describe('The municipality code, e.g. "helmond"'),
});
