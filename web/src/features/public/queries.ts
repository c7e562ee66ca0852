import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { ApiProblem, api, tenantPath } from '../../api/client.ts';
import type { Municipality, Neighbourhood, NeighbourhoodList, PublicActionPlan } from '../../api/types.ts';

export interface PublicCouncil {
  id: string;
  name: string;
  legalForm: string;
  neighbourhood: { id: string; name: string };
  contactEmail: string | null;
  website: string | null;
}

export function useMunicipality(municipality: string) {
  return useQuery({ queryKey: ['municipality', municipality], queryFn: () => api<Municipality>(`/municipalities/${encodeURIComponent(municipality)}`), staleTime: 300_000 });
}

export function useNeighbourhoods(municipality: string) {
  return useQuery({
    queryKey: ['neighbourhoods', municipality, 'all'],
    queryFn: () => api<NeighbourhoodList>(tenantPath(municipality, '/neighbourhoods?pageSize=100')),
  });
}

export function useBoundaries(municipality: string) {
  return useQuery({
    queryKey: ['neighbourhood-boundaries', municipality],
    queryFn: () => api<FeatureCollection>(tenantPath(municipality, '/neighbourhood-boundaries')),
    staleTime: 300_000,
  });
}

/** Web addresses use the slug; the API answers by id, so look the id up first. */
export function useNeighbourhoodBySlug(municipality: string, slug: string) {
  return useQuery({
    queryKey: ['neighbourhood', municipality, slug],
    queryFn: async () => {
      const list = await api<NeighbourhoodList>(tenantPath(municipality, `/neighbourhoods?slug=${encodeURIComponent(slug)}`));
      const found = list.items[0];
      return found ? api<Neighbourhood>(tenantPath(municipality, `/neighbourhoods/${found.id}`)) : null;
    },
  });
}

export function useCouncilsOf(municipality: string, neighbourhoodId: string | undefined) {
  return useQuery({
    queryKey: ['councils', municipality, neighbourhoodId],
    enabled: Boolean(neighbourhoodId),
    queryFn: () => api<{ items: PublicCouncil[] }>(tenantPath(municipality, `/councils?neighbourhoodId=${neighbourhoodId}`)),
  });
}

/** The neighbourhood's adopted action plan, or null when it has none (the API answers 404: nothing to show). */
export function usePublicActionPlan(municipality: string, neighbourhoodId: string) {
  return useQuery({
    queryKey: ['public-action-plan', municipality, neighbourhoodId],
    retry: false,
    queryFn: async () => {
      try {
        return await api<PublicActionPlan>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}/action-plan`));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
  });
}
