import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { ReportDetail, ReportList } from '../../api/types.ts';

export function useReports(municipality: string, filter: Record<string, string | undefined>) {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return useQuery({ queryKey: ['reports', municipality, query.toString()], queryFn: () => api<ReportList>(tenantPath(municipality, `/reports?${query}`)) });
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
