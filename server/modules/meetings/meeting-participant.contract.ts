import { z } from 'zod';
import { guestKinds, invitationAnswers } from './meeting-participant.tables.ts';
import { meetingParams } from './meeting.contract.ts';

export const participantParams = meetingParams.extend({ participantId: z.uuid() });

export const addParticipantBody = z
  .object({
    userId: z.uuid().nullable().default(null).describe('A person who uses Wijkwerk (an officer, a partner, a council member)'),
    guest: z
      .object({ name: z.string().trim().min(2).max(200), email: z.email().max(320), kind: z.enum(guestKinds).describe('municipal_council_member: a member of the municipal council (raadslid)') })
      .nullable()
      .default(null)
      .describe('Someone without an account, invited by e-mail'),
    isOptional: z.boolean().default(false).describe('Welcome but not expected (members of the municipal council at a wijkbezoek)'),
  })
  .meta({ id: 'AddParticipant' });

export const answerInvitationBody = z.object({ answer: z.enum(invitationAnswers) }).meta({ id: 'AnswerInvitation' });

export const recordAttendanceBody = z
  .object({ presentParticipantIds: z.array(z.uuid()).max(500).describe('Everyone else invited by name is recorded as absent') })
  .meta({ id: 'RecordAttendance' });

export const participantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    userId: z.uuid().nullable(),
    guestKind: z.enum(guestKinds).nullable(),
    isOptional: z.boolean(),
    answer: z.enum(invitationAnswers).nullable(),
    isInvited: z.boolean().describe('An invitation went out'),
    isInvitationOutdated: z.boolean().describe('The meeting changed after the invitation; sending invitations again sends the update'),
    attended: z.boolean().nullable(),
  })
  .meta({ id: 'Participant' });

export const participantListSchema = z.object({ items: z.array(participantSchema) }).meta({ id: 'ParticipantList' });
export const invitationResultSchema = z.object({ sentCount: z.number().int(), items: z.array(participantSchema) }).meta({ id: 'InvitationResult' });

export type AddParticipant = z.infer<typeof addParticipantBody>;
