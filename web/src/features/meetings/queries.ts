import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meetingKindListSchema, meetingKindSchema } from '../../../../server/modules/meetings/meeting-kind.contract.ts';
import { api, tenantPath } from '../../api/client.ts';

export type MeetingKind = z.infer<typeof meetingKindSchema>;
export type MeetingKindList = z.infer<typeof meetingKindListSchema>;

export const meetingKindsKey = (municipality: string) => ['meeting-kinds', municipality];

export function useMeetingKinds(municipality: string) {
  return useQuery({ queryKey: meetingKindsKey(municipality), queryFn: () => api<MeetingKindList>(tenantPath(municipality, '/meeting-kinds')), staleTime: 60_000 });
}
