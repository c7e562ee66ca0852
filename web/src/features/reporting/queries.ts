import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { MapBox, NearbyReport, Point, PublicReportList, PublicReportMap, PublicReportShow, ReportCategoryTree, ReportStatusView } from './types.ts';

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

/** The public map: what lies in the current view (points, or clusters counted by the server when there are many). */
export function usePublicReportMap(municipality: string, view: { box: MapBox; cells: number } | null, show: PublicReportShow) {
  const box = view?.box;
  const query = box ? new URLSearchParams({ west: box.west.toFixed(5), south: box.south.toFixed(5), east: box.east.toFixed(5), north: box.north.toFixed(5), cells: String(view.cells), show }) : null;
  return useQuery({
    queryKey: ['public-report-map', municipality, query?.toString()],
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
    queryFn: () => api<PublicReportMap>(tenantPath(municipality, `/public-report-map?${query}`)),
  });
}

/** The same public reports as a list: for everyone who cannot use the map, and per neighbourhood. */
export function usePublicReports(municipality: string, filter: { show: PublicReportShow; page: number; pageSize?: number; neighbourhoodId?: string }) {
  const query = new URLSearchParams({ show: filter.show, page: String(filter.page), pageSize: String(filter.pageSize ?? 10) });
  if (filter.neighbourhoodId) query.set('neighbourhoodId', filter.neighbourhoodId);
  return useQuery({
    queryKey: ['public-reports', municipality, query.toString()],
    placeholderData: keepPreviousData,
    queryFn: () => api<PublicReportList>(tenantPath(municipality, `/public-reports?${query}`)),
  });
}
