import type { z } from 'zod';
import type { municipalitySchema } from './municipality.contract.ts';
import type { MunicipalityRow } from './municipality.repository.ts';

export function presentMunicipality(row: MunicipalityRow): z.infer<typeof municipalitySchema> {
  return { id: row.id, slug: row.slug, name: row.name, cbsCode: row.cbsCode };
}
