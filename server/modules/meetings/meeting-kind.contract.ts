import { z } from 'zod';
import { int32, requireSomeChange } from '../../platform/input-bounds.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { chairRules, frequencyRules, initiatorSides, meetingCharacters, meetingKindCodes, participantGroups } from './meeting.rules.ts';

const name = z.string().trim().min(2).max(80);
const text = z.string().trim().min(2).max(1000);
const groups = z.array(z.enum(participantGroups)).max(participantGroups.length);

export const meetingKindParams = municipalityParams.extend({ meetingKindId: z.uuid() });

export const meetingKindSchema = z
  .object({
    id: z.uuid(),
    code: z.enum(meetingKindCodes).describe('wijktafel, wijkwerkoverleg and wijkbezoek (§3.2 of the note); bilateral and ad_hoc meetings do not count toward the structure'),
    nameNl: z.string(),
    nameEn: z.string(),
    purposeNl: z.string(),
    purposeEn: z.string(),
    expectedResultNl: z.string(),
    expectedResultEn: z.string(),
    initiators: z.array(z.enum(initiatorSides)).describe('Who may take the initiative, and then owns agenda, logistics and minutes'),
    chairRule: z.enum(chairRules).describe('Who chairs: the alderman holding neighbourhood policy, the alderman for the subject, the council, or anyone'),
    requiredParticipants: z.array(z.enum(participantGroups)),
    optionalParticipants: z.array(z.enum(participantGroups)),
    character: z.enum(meetingCharacters).describe('closed; closed with a public closing part; closed with an optional public part before or after; public'),
    frequencyRule: z.enum(frequencyRules).describe('every_years: once every frequencyValue years; yearly_target: the neighbourhood’s own target per year; per_council_term: frequencyValue times per council term; none'),
    frequencyValue: z.number().int().nullable(),
    countsTowardStructure: z.boolean(),
    takesPlaceInNeighbourhood: z.boolean(),
    needsDossiers: z.boolean().describe('The meeting is about one or more dossiers (the wijkwerkoverleg)'),
    minutesDueWorkingDays: z.number().int().nullable().describe('Minutes are due this many working days after the meeting'),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingKind', description: 'A kind of meeting with the note’s rules, as the municipality tailored them' });

export const meetingKindListSchema = z.object({ items: z.array(meetingKindSchema) }).meta({ id: 'MeetingKindList' });

export const updateMeetingKindBody = requireSomeChange(
  z.object({
    version: int32().min(1),
    nameNl: name.optional(),
    nameEn: name.optional(),
    purposeNl: text.optional(),
    purposeEn: text.optional(),
    expectedResultNl: text.optional(),
    expectedResultEn: text.optional(),
    initiators: z.array(z.enum(initiatorSides)).min(1).max(initiatorSides.length).optional(),
    chairRule: z.enum(chairRules).optional(),
    requiredParticipants: groups.optional(),
    optionalParticipants: groups.optional(),
    character: z.enum(meetingCharacters).optional(),
    frequencyRule: z.enum(frequencyRules).optional(),
    frequencyValue: int32().min(1).max(10).nullable().optional(),
    minutesDueWorkingDays: int32().min(1).max(60).nullable().optional(),
  }),
).meta({ id: 'UpdateMeetingKind' });

export type MeetingKind = z.infer<typeof meetingKindSchema>;
export type UpdateMeetingKind = z.infer<typeof updateMeetingKindBody>;
