import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../api/client.ts';
import type { AdviceRequest, AdviceRequestList } from '../../api/types.ts';

export function useAdviceRequests(municipality: string, page: number, enabled: boolean) {
  return useQuery({ queryKey: ['advice-requests', municipality, page], enabled, queryFn: () => api<AdviceRequestList>(tenantPath(municipality, `/advice-requests?page=${page}&pageSize=25`)) });
}

export function useAdviceRequest(municipality: string, adviceRequestId: string) {
  return useQuery({ queryKey: ['advice-request', municipality, adviceRequestId], queryFn: () => api<AdviceRequest>(tenantPath(municipality, `/advice-requests/${adviceRequestId}`)) });
}
