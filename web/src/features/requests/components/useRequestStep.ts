import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';

/**
 * One change to a request through its API, with the answer put straight into the page's cache. The body gets the
 * version the user was looking at, so a change made in the meantime gives a clear 409 instead of being overwritten.
 */
export function useRequestStep(municipality: string, request: Request, path: string, options: { method?: 'POST' | 'DELETE'; onSuccess?(): void } = {}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Request>(tenantPath(municipality, `/requests/${request.id}${path}`), { method: options.method ?? 'POST', body: options.method === 'DELETE' ? undefined : { version: request.version, ...body } }),
    onSuccess: async (updated) => {
      if (updated) queryClient.setQueryData(['request', municipality, request.id], updated);
      else await queryClient.invalidateQueries({ queryKey: ['request', municipality, request.id] });
      options.onSuccess?.();
    },
  });
  const problem = mutation.error instanceof ApiProblem ? mutation.error : undefined;
  return { ...mutation, fieldError: (field: string) => problem?.fieldError(`body.${field}`) };
}
