import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionProgressEvidence, ProgressHistory } from '../../../../server/modules/action-plans/action-plan-content.contract.ts';
import type { attentionListSchema, reportListSchema, subsidyConditionListSchema } from '../../../../server/modules/action-plans/action-plan-monitoring.contract.ts';
import type { actionPlanListSchema, actionPlanMethodSchema, actionPlanSchema, smartCheckSchema } from '../../../../server/modules/action-plans/action-plan.contract.ts';
import { ApiProblem, api, tenantPath } from '../../api/client.ts';
import { useAnnounce } from '../requests/components/RequestStatus.tsx';

export type ActionPlanMethod = z.infer<typeof actionPlanMethodSchema>;
export type ActionPlanList = z.infer<typeof actionPlanListSchema>;
export type ActionPlan = z.infer<typeof actionPlanSchema>;
export type Challenge = ActionPlan['challenges'][number];
export type Action = Challenge['actions'][number];
export type Contribution = ActionPlan['contributions'][number];
export type SmartCheck = z.infer<typeof smartCheckSchema>;
export type { ActionProgressEvidence, ProgressHistory };

export const actionPlanKey = (municipality: string, planId: string) => ['action-plan', municipality, planId];

export function useActionPlanMethod(municipality: string) {
  return useQuery({ queryKey: ['action-plan-method', municipality], queryFn: () => api<ActionPlanMethod>(tenantPath(municipality, '/action-plan-method')) });
}

export function useActionPlanList(municipality: string, filter: Record<string, string>) {
  const query = new URLSearchParams({ pageSize: '50', ...filter });
  return useQuery({ queryKey: ['action-plans', municipality, query.toString()], queryFn: () => api<ActionPlanList>(tenantPath(municipality, `/action-plans?${query}`)) });
}

export function useActionPlan(municipality: string, planId: string) {
  return useQuery({ queryKey: actionPlanKey(municipality, planId), queryFn: () => api<ActionPlan>(tenantPath(municipality, `/action-plans/${planId}`)) });
}

export function useSmartCheck(municipality: string, planId: string, enabled: boolean) {
  return useQuery({ queryKey: [...actionPlanKey(municipality, planId), 'smart-check'], enabled, queryFn: () => api<SmartCheck>(tenantPath(municipality, `/action-plans/${planId}/smart-check`)) });
}

export function useProgressHistory(municipality: string, planId: string, actionId: string, enabled: boolean) {
  return useQuery({ queryKey: [...actionPlanKey(municipality, planId), 'progress', actionId], enabled, queryFn: () => api<ProgressHistory>(tenantPath(municipality, `/action-plan-actions/${actionId}/progress`)) });
}

/** Where a piece of evidence is downloaded. */
export const evidenceHref = (municipality: string, actionId: string, evidenceId: string) => `/api/v1${tenantPath(municipality, `/action-plan-actions/${actionId}/evidence/${evidenceId}`)}`;

/** Sends one file as multipart/form-data to a progress report; the server checks the type on the bytes. */
export function uploadEvidence(municipality: string, actionId: string, progressId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ActionProgressEvidence>(tenantPath(municipality, `/action-plan-actions/${actionId}/progress/${progressId}/evidence`), { method: 'POST', body: form });
}

/** A named thing to choose: a department, partner organisation or council. */
export interface Choice {
  id: string;
  name: string;
}

/** Departments, partner organisations and the neighbourhood's councils, to choose owners and parties from. */
export function useParties(municipality: string, neighbourhoodId: string, enabled: boolean) {
  const list = (path: string) => api<{ items: Choice[] }>(tenantPath(municipality, path)).then((answer) => answer.items);
  return useQuery({
    queryKey: ['action-plan-parties', municipality, neighbourhoodId],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const [department, partner, council] = await Promise.all([list('/departments?pageSize=100'), list('/partner-organisations?pageSize=100'), list(`/councils?neighbourhoodId=${neighbourhoodId}&pageSize=100`)]);
      return { department, partner, council } as Record<'department' | 'partner' | 'council', Choice[]>;
    },
  });
}

/**
 * One step on a plan through its API. Afterwards the whole plan is read again (a step can change what the plan
 * allows, its roll-up and its SMART check), and the page says what was done.
 */
export function usePlanStep<Body = unknown, Answer = unknown>(municipality: string, planId: string, path: string, options: { method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; done(body: Body): string }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const mutation = useMutation({
    mutationFn: (body: Body) => api<Answer>(tenantPath(municipality, path), { method: options.method ?? 'POST', body: options.method === 'DELETE' ? undefined : (body ?? {}) }),
    onSuccess: async (_answer, body) => {
      await queryClient.invalidateQueries({ queryKey: actionPlanKey(municipality, planId) });
      await queryClient.invalidateQueries({ queryKey: ['action-plans', municipality] });
      await queryClient.invalidateQueries({ queryKey: ['action-plan-method', municipality] });
      announce(options.done(body));
    },
  });
  const problem = mutation.error instanceof ApiProblem ? mutation.error : undefined;
  return { ...mutation, fieldError: (field: string) => problem?.fieldError(`body.${field}`) };
}

export type ReportList = z.infer<typeof reportListSchema>;
export type AttentionList = z.infer<typeof attentionListSchema>;
export type SubsidyConditionList = z.infer<typeof subsidyConditionListSchema>;

export function useReports(municipality: string, planId: string, enabled: boolean) {
  return useQuery({ queryKey: [...actionPlanKey(municipality, planId), 'reports'], enabled, queryFn: () => api<ReportList>(tenantPath(municipality, `/action-plans/${planId}/reports`)) });
}

export function useAttention(municipality: string, filter: Record<string, string>) {
  const query = new URLSearchParams({ pageSize: '100', ...filter });
  return useQuery({ queryKey: ['action-plan-attention', municipality, query.toString()], queryFn: () => api<AttentionList>(tenantPath(municipality, `/action-plan-attention?${query}`)) });
}

export function useSubsidyCondition(municipality: string, year: string) {
  return useQuery({ queryKey: ['subsidy-condition', municipality, year], queryFn: () => api<SubsidyConditionList>(tenantPath(municipality, `/action-plan-subsidy-condition?year=${year}&pageSize=100`)) });
}

/** What a new action can take up: the neighbourhood's requests answered "ooit", and open agreements from meeting minutes. */
export function useOriginChoices(municipality: string, neighbourhoodId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['action-origins', municipality, neighbourhoodId],
    enabled,
    staleTime: 30_000,
    queryFn: async () => {
      const [requests, followUps] = await Promise.all([
        api<{ items: { id: string; reference: string; title: string }[] }>(tenantPath(municipality, `/requests?neighbourhoodId=${neighbourhoodId}&verdict=ooit&pageSize=50`)),
        api<{ items: { id: string; description: string }[] }>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}/follow-ups?state=open&pageSize=50`)),
      ]);
      return { requests: requests.items, followUps: followUps.items };
    },
  });
}
