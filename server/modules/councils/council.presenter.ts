import type { CouncilResponse } from './council.contract.ts';
import type { CouncilWithNeighbourhood } from './council.repository.ts';

export function presentCouncilSummary(row: CouncilWithNeighbourhood) {
  return {
    id: row.id,
    name: row.name,
    legalForm: row.legalForm,
    neighbourhood: { id: row.neighbourhoodId, name: row.neighbourhoodName },
    contactEmail: row.contactEmail,
    website: row.website,
  };
}

export function presentCouncil(row: CouncilWithNeighbourhood, members: { userId: string; displayName: string; title: string | null }[] | null): CouncilResponse {
  return {
    ...presentCouncilSummary(row),
    contactPhone: row.contactPhone,
    postalAddress: row.postalAddress,
    members,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
