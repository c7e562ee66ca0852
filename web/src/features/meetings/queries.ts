import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agendaSchema } from '../../../../server/modules/meetings/meeting-agenda.contract.ts';
import type { meetingKindListSchema, meetingKindSchema } from '../../../../server/modules/meetings/meeting-kind.contract.ts';
import type { acceptedProposalsSchema, blackoutPeriodListSchema, blockedPeriodListSchema, proposalListSchema } from '../../../../server/modules/meetings/meeting-planner.contract.ts';
import type { followUpListSchema, minutesSchema } from '../../../../server/modules/meetings/meeting-minutes.contract.ts';
import type { participantListSchema } from '../../../../server/modules/meetings/meeting-participant.contract.ts';
import type { candidateListSchema, meetingListSchema, meetingSchema } from '../../../../server/modules/meetings/meeting.contract.ts';
import type { meetingFrequencyListSchema, yearlyMeetingTargetSchema } from '../../../../server/modules/meetings/meeting-frequency.contract.ts';
import type { calendarFeedStateSchema, createdCalendarFeedSchema } from '../../../../server/modules/meetings/calendar-feed.contract.ts';
import { ApiProblem, api, tenantPath } from '../../api/client.ts';
import { useAnnounce } from '../requests/components/RequestStatus.tsx';

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
export type MeetingDetail = z.infer<typeof meetingSchema>;
export type Agenda = z.infer<typeof agendaSchema>;
export type ParticipantList = z.infer<typeof participantListSchema>;
export type Minutes = z.infer<typeof minutesSchema>;
export type FollowUpList = z.infer<typeof followUpListSchema>;
export type CandidateList = z.infer<typeof candidateListSchema>;

export const meetingKey = (municipality: string, meetingId: string) => ['meeting', municipality, meetingId];

export function useMeeting(municipality: string, meetingId: string) {
  return useQuery({ queryKey: meetingKey(municipality, meetingId), queryFn: () => api<MeetingDetail>(tenantPath(municipality, `/meetings/${meetingId}`)) });
}

/** One part of a meeting (agenda, participants, minutes); `enabled` keeps readers from asking for what is not theirs. */
export function useMeetingPart<T>(municipality: string, meetingId: string, part: 'agenda' | 'participants' | 'minutes', enabled = true) {
  return useQuery({ queryKey: [...meetingKey(municipality, meetingId), part], enabled, retry: false, queryFn: () => api<T>(tenantPath(municipality, `/meetings/${meetingId}/${part}`)) });
}

export function useMeetingCandidates(municipality: string, neighbourhoodId: string | undefined, enabled = true) {
  const query = neighbourhoodId ? `?neighbourhoodId=${neighbourhoodId}` : '';
  return useQuery({ queryKey: ['meeting-candidates', municipality, neighbourhoodId ?? ''], enabled, queryFn: () => api<CandidateList>(tenantPath(municipality, `/meeting-candidates${query}`)), staleTime: 60_000 });
}

export function useNeighbourhoodFollowUps(municipality: string, neighbourhoodId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['follow-ups', municipality, neighbourhoodId],
    enabled,
    retry: false,
    queryFn: () => api<FollowUpList>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}/follow-ups?state=open&pageSize=20`)),
  });
}

export function useMeetingList(municipality: string, filter: Record<string, string>) {
  const query = new URLSearchParams({ pageSize: '50', ...filter });
  return useQuery({ queryKey: ['meetings', municipality, query.toString()], queryFn: () => api<MeetingList>(tenantPath(municipality, `/meetings?${query}`)) });
}

/**
 * One step on a meeting through its API. Afterwards everything about the meeting is read again (a step on the agenda
 * can change what the meeting allows), and the page says what was done.
 */
export function useMeetingStep<Body = unknown>(municipality: string, meetingId: string, path: string, options: { method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; done(body: Body): string }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const mutation = useMutation({
    mutationFn: (body: Body) => api<unknown>(tenantPath(municipality, path.startsWith('/meeting-follow-ups') ? path : `/meetings/${meetingId}${path}`), { method: options.method ?? 'POST', body: options.method === 'DELETE' ? undefined : (body ?? {}) }),
    onSuccess: async (_answer, body) => {
      await queryClient.invalidateQueries({ queryKey: meetingKey(municipality, meetingId) });
      await queryClient.invalidateQueries({ queryKey: ['follow-ups', municipality] });
      announce(options.done(body));
    },
  });
  const problem = mutation.error instanceof ApiProblem ? mutation.error : undefined;
  return { ...mutation, fieldError: (field: string) => problem?.fieldError(`body.${field}`) };
}

export type MeetingFrequencyList = z.infer<typeof meetingFrequencyListSchema>;
export type MeetingFrequencyRow = MeetingFrequencyList['items'][number];
export type YearlyMeetingTarget = z.infer<typeof yearlyMeetingTargetSchema>;
export const meetingFrequencyKey = (municipality: string) => ['meeting-frequency', municipality];

/** The frequency overview as filtered in the address bar; all neighbourhoods fit on one page of 100 rows or a few. */
export function useMeetingFrequency(municipality: string, query: URLSearchParams, isEnabled: boolean) {
  return useQuery({
    queryKey: [...meetingFrequencyKey(municipality), query.toString()],
    enabled: isEnabled,
    placeholderData: keepPreviousData,
    queryFn: () => api<MeetingFrequencyList>(tenantPath(municipality, `/meeting-frequency?${query}`)),
  });
}

export function useRecordYearlyTarget(municipality: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { neighbourhoodId: string; neighbourhoodName: string; yearlyTarget: number; version: number }) =>
      api<YearlyMeetingTarget>(tenantPath(municipality, `/neighbourhoods/${input.neighbourhoodId}/yearly-meeting-target`), { method: 'PUT', body: { yearlyTarget: input.yearlyTarget, version: input.version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingFrequencyKey(municipality) }),
  });
}

export type CalendarFeedState = z.infer<typeof calendarFeedStateSchema>;
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;
export const calendarFeedKey = (municipality: string) => ['calendar-feed', municipality];

export function useMyCalendarFeed(municipality: string) {
  return useQuery({ queryKey: calendarFeedKey(municipality), queryFn: () => api<CalendarFeedState>(tenantPath(municipality, '/users/me/calendar-feed')) });
}
