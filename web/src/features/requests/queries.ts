import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { Request, RequestList } from '../../api/types.ts';

/** The page may be open under the id or the reference: an answer after a change updates both. */
export function storeRequest(queryClient: QueryClient, municipality: string, updated: Request) {
  queryClient.setQueryData(['request', municipality, updated.id], updated);
  queryClient.setQueryData(['request', municipality, updated.reference], updated);
}

export function refreshRequest(queryClient: QueryClient, municipality: string) {
  return queryClient.invalidateQueries({ queryKey: ['request', municipality] });
}

export function useRequest(municipality: string, requestId: string) {
  return useQuery({ queryKey: ['request', municipality, requestId], queryFn: () => api<Request>(tenantPath(municipality, `/requests/${requestId}`)) });
}

export function useRequests(municipality: string, filter: Record<string, string | undefined>, enabled = true) {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return useQuery({ queryKey: ['requests', municipality, query.toString()], enabled, queryFn: () => api<RequestList>(tenantPath(municipality, `/requests?${query}`)) });
}

export type RequestSettings = {
  shortTermWeeks: number;
  defaultUpdateEveryWeeks: number;
  requiresAnswerReview: boolean;
  frontLineTeams: { code: string; name: string; description: string }[];
  answerTemplates: { verdict: 'nu' | 'ooit' | 'nooit'; title: string; text: string }[];
  version: string;
};

/** The municipality's answer settings (front-line teams, templates); readable by municipal staff only. */
export function useRequestSettings(municipality: string, enabled: boolean) {
  return useQuery({ queryKey: ['request-settings', municipality], enabled, staleTime: 5 * 60_000, queryFn: () => api<RequestSettings>(tenantPath(municipality, '/request-settings')) });
}
