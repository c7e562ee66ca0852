import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';
import { refreshRequest, storeRequest } from '../queries.ts';
import { useAnnounce } from './RequestStatus.tsx';

/**
 * One change to a request through its API, with the answer put straight into the page's cache. The body gets the
 * version the user was looking at, so a change made in the meantime gives a clear 409 instead of being overwritten.
 */
export function useRequestStep<Body extends Record<string, unknown> = Record<string, unknown>>(
  municipality: string,
  request: Request,
  path: string,
  options: { method?: 'POST' | 'DELETE'; onSuccess?(): void; done?(updated: Request | undefined, body: Body): string } = {},
) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const mutation = useMutation({
    mutationFn: (body: Body) => api<Request>(tenantPath(municipality, `/requests/${request.id}${path}`), { method: options.method ?? 'POST', body: options.method === 'DELETE' ? undefined : { version: request.version, ...body } }),
    onSuccess: async (updated, body) => {
      if (updated) storeRequest(queryClient, municipality, updated);
      else await refreshRequest(queryClient, municipality);
      options.onSuccess?.();
      // Every step says what it did (role=status), and focus moves there.
      if (options.done) announce(options.done(updated ?? undefined, body));
    },
  });
  const problem = mutation.error instanceof ApiProblem ? mutation.error : undefined;
  return { ...mutation, fieldError: (field: string) => problem?.fieldError(`body.${field}`) };
}
