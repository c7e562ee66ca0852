import type { Boundary } from '../../platform/geometry.ts';
import type { NeighbourhoodResponse } from './neighbourhood.contract.ts';
import type { AreaRow, NeighbourhoodRow } from './neighbourhood.repository.ts';

export function presentArea(row: AreaRow) {
  return { id: row.id, name: row.name, cbsCode: row.cbsCode };
}

export function presentNeighbourhood(row: NeighbourhoodRow, areas: AreaRow[], programmeManager: { id: string; displayName: string } | null, allowedActions: NeighbourhoodResponse['allowedActions'] = []): NeighbourhoodResponse {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    cbsCode: row.cbsCode,
    isDevelopmentArea: row.isDevelopmentArea,
    description: row.description,
    boundary: (row.boundary as Boundary | null) ?? null,
    isBoundaryOfficial: row.isBoundaryOfficial,
    programmeManager,
    developmentAgreement: row.developmentAgreement ?? null,
    areas: areas.map(presentArea),
    allowedActions,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
