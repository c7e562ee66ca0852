import type { z } from 'zod';
import type { meetingSchema } from './meeting.contract.ts';
import type { MeetingRecord } from './meeting.repository.ts';

type Meeting = z.infer<typeof meetingSchema>;

/** Whether outsiders may see anything of the meeting: a public one whole, a closed one only by its public part. */
export function isVisibleToOutsiders(record: Pick<MeetingRecord, 'kind' | 'meeting'>): boolean {
  return record.kind.character === 'public' || record.meeting.publicPartStartsAt !== null;
}

/**
 * A meeting as one reader may see it. Participants and municipal staff see it whole. Anyone else sees a public
 * meeting without its chair's name and the staff's notes, and of a closed meeting only its public part: its times
 * and place, never the closed part's agenda, invitees or who chairs it.
 */
export function presentMeeting(record: MeetingRecord, isInsider: boolean, allowedActions: Meeting['allowedActions'] = []): Meeting {
  const row = record.meeting;
  const publicPart = row.publicPartStartsAt && row.publicPartEndsAt ? { startsAt: row.publicPartStartsAt.toISOString(), endsAt: row.publicPartEndsAt.toISOString(), location: row.publicPartLocation ?? '' } : null;
  const kind = { id: record.kind.id, code: record.kind.code, nameNl: record.kind.nameNl, nameEn: record.kind.nameEn, character: record.kind.character } as Meeting['kind'];
  const neighbourhood = row.neighbourhoodId && record.neighbourhoodName ? { id: row.neighbourhoodId, name: record.neighbourhoodName } : null;
  const whole = {
    id: row.id,
    kind,
    neighbourhood,
    title: row.title,
    state: row.state,
    isInsider,
    isPublicPartOnly: false,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    publicPart,
    initiatorSide: row.initiatorSide,
    chair: row.chairUserId && record.chairName ? { userId: row.chairUserId, name: record.chairName } : null,
    invitedGroups: row.invitedGroups,
    dossierThemeIds: record.themeIds,
    overriddenRules: row.overriddenRules,
    overrideReason: row.overrideReason,
    version: row.version,
    allowedActions,
  };
  if (isInsider) return whole;
  const outsiders = { ...whole, chair: null, overriddenRules: [], overrideReason: null };
  if (kind.character === 'public' || !publicPart) return outsiders;
  return { ...outsiders, isPublicPartOnly: true, startsAt: publicPart.startsAt, endsAt: publicPart.endsAt, location: publicPart.location, initiatorSide: null, invitedGroups: [], dossierThemeIds: [] };
}
