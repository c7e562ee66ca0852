import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { ReportDetail, ReportList, ReportMap } from '../../api/types.ts';
import type { MapBox } from '../reporting/types.ts';

const queryOf = (filter: Record<string, string | undefined>) => new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));

export function useReports(municipality: string, filter: Record<string, string | undefined>, enabled = true) {
  const query = queryOf(filter);
  return useQuery({ queryKey: ['reports', municipality, query.toString()], enabled, queryFn: () => api<ReportList>(tenantPath(municipality, `/reports?${query}`)) });
}

/** The queue on the map: the same filters, for what lies in the view (points, or clusters counted by the server). */
export function useReportMap(municipality: string, filter: Record<string, string | undefined>, view: { box: MapBox; cells: number } | null) {
  const box = view?.box;
  const query = queryOf({ ...filter, ...(box ? { west: box.west.toFixed(5), south: box.south.toFixed(5), east: box.east.toFixed(5), north: box.north.toFixed(5), cells: String(view.cells) } : {}) });
  return useQuery({
    // Under 'reports', so a change to a report makes the map stale as it does the list.
    queryKey: ['reports', municipality, 'map', query.toString()],
    enabled: Boolean(view),
    placeholderData: keepPreviousData,
    queryFn: () => api<ReportMap>(tenantPath(municipality, `/report-map?${query}`)),
  });
}

export function useReport(municipality: string, reportId: string, enabled = true) {
  return useQuery({ queryKey: ['report', municipality, reportId], enabled, queryFn: () => api<ReportDetail>(tenantPath(municipality, `/reports/${reportId}`)) });
}

/** The answer to a change is the report as it is now: into the page's cache, and the queue is stale. */
export function storeReport(queryClient: QueryClient, municipality: string, updated: ReportDetail) {
  queryClient.setQueryData(['report', municipality, updated.id], updated);
  return queryClient.invalidateQueries({ queryKey: ['reports', municipality] });
}

export function refreshReport(queryClient: QueryClient, municipality: string, reportId: string) {
  return queryClient.invalidateQueries({ queryKey: ['report', municipality, reportId] });
}

export type ReportCategoryTree = {
  items: { id: string; code: string; name: string; subcategories: { id: string; code: string; name: string; questions: { code: string; question: string; options: { key: string; name: string }[] }[] }[] }[];
};

/** The public category tree: the words of each category's extra questions and their answers. */
export function useReportCategories(municipality: string) {
  return useQuery({ queryKey: ['report-categories', municipality], staleTime: 10 * 60_000, queryFn: () => api<ReportCategoryTree>(tenantPath(municipality, '/report-categories')) });
}
