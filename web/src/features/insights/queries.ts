import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { responsivenessSchema } from '../../../../server/modules/insights/responsiveness.contract.ts';
import { api, tenantPath } from '../../api/client.ts';
import type { ResponsivenessView } from './period.ts';

export type Responsiveness = z.infer<typeof responsivenessSchema>;
export type ResponsivenessGroup = Responsiveness['groups'][number];

export function useResponsiveness(municipality: string, view: ResponsivenessView, enabled = true) {
  const query = new URLSearchParams({ from: view.from, to: view.to, groupBy: view.groupBy });
  return useQuery({
    queryKey: ['responsiveness', municipality, query.toString()],
    enabled,
    queryFn: () => api<Responsiveness>(tenantPath(municipality, `/responsiveness?${query}`)),
    // Figures of a period change slowly; switching back and forth between groupings should not flash "loading".
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** Whether the figures are public (the default) or for staff and neighbourhood councils only. */
export function useResponsivenessSettings(municipality: string) {
  return useQuery({ queryKey: ['responsiveness-settings', municipality], queryFn: () => api<{ isPublic: boolean }>(tenantPath(municipality, '/responsiveness-settings')), staleTime: 60_000 });
}
