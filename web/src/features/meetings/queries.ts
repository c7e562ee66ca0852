import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meetingKindListSchema, meetingKindSchema } from '../../../../server/modules/meetings/meeting-kind.contract.ts';
import type { meetingListSchema } from '../../../../server/modules/meetings/meeting.contract.ts';
import type { meetingFrequencyListSchema, yearlyMeetingTargetSchema } from '../../../../server/modules/meetings/meeting-frequency.contract.ts';
import type { calendarFeedStateSchema, createdCalendarFeedSchema } from '../../../../server/modules/meetings/calendar-feed.contract.ts';
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
