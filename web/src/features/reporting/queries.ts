import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { NearbyReport, Point, ReportCategoryTree, ReportStatusView } from './types.ts';

export function useReportCategories(municipality: string, language: string) {
  return useQuery({ queryKey: ['report-categories', municipality, language], staleTime: 10 * 60_000, queryFn: () => api<ReportCategoryTree>(tenantPath(municipality, '/report-categories')) });
}

/** "Al gemeld?": asked again whenever the category or the point changes. */
export function useNearbyReports(municipality: string, categoryCode: string, point: Point | null) {
  const query = point ? new URLSearchParams({ categoryCode, latitude: point.latitude.toFixed(6), longitude: point.longitude.toFixed(6) }) : null;
  return useQuery({
    queryKey: ['reports-nearby', municipality, query?.toString()],
    enabled: Boolean(query && categoryCode),
    queryFn: async () => (await api<{ items: NearbyReport[] }>(tenantPath(municipality, `/reports-nearby?${query}`))).items,
  });
}

export function useReportStatus(municipality: string, token: string) {
  return useQuery({ queryKey: ['report-status', municipality, token], retry: false, queryFn: () => api<ReportStatusView>(tenantPath(municipality, `/report-status/${encodeURIComponent(token)}`)) });
}
