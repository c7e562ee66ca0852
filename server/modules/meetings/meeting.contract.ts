import { z } from 'zod';
import { int32, isoDate, isoDateTime } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { meetingStates } from './meeting.tables.ts';
import { meetingActions } from './meeting-access.ts';
import { initiatorSides, meetingCharacters, meetingKindCodes, participantGroups } from './meeting.rules.ts';

export const meetingParams = municipalityParams.extend({ meetingId: z.uuid() });

const publicPart = z.object({ startsAt: isoDateTime(), endsAt: isoDateTime(), location: z.string().trim().min(2).max(300) });

export const createMeetingBody = z
  .object({
    kindId: z.uuid().describe('One of the municipality’s meeting kinds (GET /meeting-kinds)'),
    neighbourhoodId: z.uuid().nullable().default(null),
    title: z.string().trim().min(3).max(200),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    location: z.string().trim().min(2).max(300),
    isLocationInNeighbourhood: z.boolean().default(false).describe('The location lies in the neighbourhood (a wijkbezoek takes place there)'),
    initiatorSide: z.enum(initiatorSides),
    chairUserId: z.uuid().nullable().default(null),
    publicPart: publicPart.nullable().default(null).describe('The public part, where the kind has one: a closing part for the wijktafel, before or after for the wijkwerkoverleg'),
    invitedGroups: z.array(z.enum(participantGroups)).max(participantGroups.length).default([]),
    dossierThemeIds: z.array(z.uuid()).max(20).default([]).describe('The subjects of the dossiers a wijkwerkoverleg is about; they decide which alderman chairs'),
    override: z
      .object({ reason: z.string().trim().min(10).max(1000) })
      .optional()
      .describe('Set aside the note’s rules this plan breaks (advisors and administrators only), with the reason; mistakes such as an end before the start are never set aside'),
  })
  .meta({ id: 'CreateMeeting' });

export const confirmMeetingBody = z
  .object({
    version: int32().min(1),
    location: z.string().trim().min(2).max(300).describe('Where it takes place, now that it is known'),
    publicPartLocation: z.string().trim().min(2).max(300).optional().describe('Where the public part takes place, if elsewhere; the same place when left out'),
  })
  .meta({ id: 'ConfirmMeeting' });
export const rescheduleMeetingBody = z
  .object({
    version: int32().min(1),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    location: z.string().trim().min(2).max(300),
    isLocationInNeighbourhood: z.boolean().default(false),
    publicPart: publicPart.nullable().default(null),
    override: z.object({ reason: z.string().trim().min(10).max(1000) }).optional().describe('As when planning: set aside a rule this change breaks (advisors and administrators)'),
  })
  .meta({ id: 'RescheduleMeeting' });

export const cancelMeetingBody = z.object({ version: int32().min(1), reason: z.string().trim().min(5).max(1000) }).meta({ id: 'CancelMeeting' });

export const meetingListQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  kindCode: z.enum(meetingKindCodes).optional(),
  from: isoDate().optional().describe('Meetings starting on or after this day'),
  to: isoDate().optional().describe('Meetings starting on or before this day'),
  isOverridden: z.enum(['true', 'false']).optional().describe('Only meetings where a rule of the note was set aside (municipal staff; for anyone else the list is empty)'),
  state: z.enum(meetingStates).optional(),
});

const moment = z.iso.datetime({ offset: true });

export const meetingSchema = z
  .object({
    id: z.uuid(),
    kind: z.object({ id: z.uuid(), code: z.enum(meetingKindCodes), nameNl: z.string(), nameEn: z.string(), character: z.enum(meetingCharacters) }),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    title: z.string(),
    state: z.enum(meetingStates),
    isInsider: z.boolean().describe('You are a participant or municipal staff: agenda, participants and minutes of the closed part are yours to read'),
    isPublicPartOnly: z.boolean().describe('You see only the public part of a closed meeting: its times and place are the public part’s'),
    startsAt: moment,
    endsAt: moment,
    location: z.string(),
    publicPart: z.object({ startsAt: moment, endsAt: moment, location: z.string() }).nullable(),
    initiatorSide: z.enum(initiatorSides).nullable(),
    chair: z.object({ userId: z.uuid(), name: z.string() }).nullable().describe('For participants and municipal staff'),
    invitedGroups: z.array(z.enum(participantGroups)),
    dossierThemeIds: z.array(z.uuid()),
    overriddenRules: z.array(z.string()).describe('The note’s rules set aside for this meeting; for municipal staff'),
    overrideReason: z.string().nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(meetingActions)).describe('What you may do with this meeting now; empty in lists'),
  })
  .meta({ id: 'Meeting' });

export const meetingListSchema = pageSchema(meetingSchema).meta({ id: 'MeetingList' });

export type CreateMeeting = z.infer<typeof createMeetingBody>;
export type ConfirmMeeting = z.infer<typeof confirmMeetingBody>;
export type RescheduleMeeting = z.infer<typeof rescheduleMeetingBody>;
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const candidateQuery = z.object({ neighbourhoodId: z.uuid().optional().describe('Adds the members of this neighbourhood’s council') });
export const candidateListSchema = z
  .object({
    items: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        roles: z.array(z.object({ role: z.string(), portfolio: z.string().nullable(), isNeighbourhoodPolicy: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'MeetingCandidateList' });
