import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { Request, RequestList } from '../../api/types.ts';

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
