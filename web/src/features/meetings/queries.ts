import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meetingKindListSchema, meetingKindSchema } from '../../../../server/modules/meetings/meeting-kind.contract.ts';
import type { acceptedProposalsSchema, blackoutPeriodListSchema, blockedPeriodListSchema, proposalListSchema } from '../../../../server/modules/meetings/meeting-planner.contract.ts';
import type { meetingListSchema } from '../../../../server/modules/meetings/meeting.contract.ts';
import { api, tenantPath } from '../../api/client.ts';

export type MeetingKind = z.infer<typeof meetingKindSchema>;
export type MeetingKindList = z.infer<typeof meetingKindListSchema>;

export const meetingKindsKey = (municipality: string) => ['meeting-kinds', municipality];

export function useMeetingKinds(municipality: string) {
  return useQuery({ queryKey: meetingKindsKey(municipality), queryFn: () => api<MeetingKindList>(tenantPath(municipality, '/meeting-kinds')), staleTime: 60_000 });
}

export type MeetingList = z.infer<typeof meetingListSchema>;
export type Meeting = MeetingList['items'][number];

/** The neighbourhood's meetings from a day on, soonest first; each reader gets what they may see. */
export function useUpcomingMeetings(municipality: string, neighbourhoodId: string | undefined, from: string) {
  const query = new URLSearchParams({ neighbourhoodId: neighbourhoodId ?? '', from, pageSize: '10' });
  return useQuery({
    queryKey: ['meetings', municipality, query.toString()],
    enabled: Boolean(neighbourhoodId),
    queryFn: () => api<MeetingList>(tenantPath(municipality, `/meetings?${query}`)),
  });
}

export type MeetingPlanProposals = z.infer<typeof proposalListSchema>;
export type MeetingProposal = MeetingPlanProposals['proposals'][number];
export type AcceptedProposals = z.infer<typeof acceptedProposalsSchema>;

export type BlackoutPeriodList = z.infer<typeof blackoutPeriodListSchema>;
export type BlockedPeriodList = z.infer<typeof blockedPeriodListSchema>;
