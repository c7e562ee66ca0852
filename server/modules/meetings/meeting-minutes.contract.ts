import { z } from 'zod';
import { int32, isoDate } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { followUpStates, minutesStates } from './meeting-minutes.tables.ts';

export const followUpParams = municipalityParams.extend({ followUpId: z.uuid() });

export const markHeldBody = z.object({ version: int32().min(1) }).meta({ id: 'MarkMeetingHeld' });

export const saveMinutesBody = z
  .object({
    body: z.string().trim().min(20).max(50_000).describe('The minutes as plain text; paragraphs separated by an empty line'),
    isPublished: z.boolean().default(false).describe('Publish now: participants and staff (and for a public meeting everyone) can read them; published minutes are final'),
    version: int32().min(0).describe('0 for the first draft, else the version you read'),
  })
  .meta({ id: 'SaveMinutes' });

export const followUpSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    meetingTitle: z.string(),
    neighbourhoodId: z.uuid().nullable(),
    description: z.string(),
    owner: z.object({ userId: z.uuid().nullable(), name: z.string() }),
    dueOn: z.iso.date(),
    isOverdue: z.boolean(),
    state: z.enum(followUpStates),
    requestId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'FollowUp' });

export const minutesSchema = z
  .object({
    meetingId: z.uuid(),
    state: z.enum(minutesStates).nullable().describe('Null while nothing has been written'),
    body: z.string().nullable().describe('A draft is shown only to those who write the minutes'),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    dueOn: z.iso.date().nullable().describe('When the kind sets a term (a wijkwerkoverleg: N working days after the meeting)'),
    isOverdue: z.boolean(),
    version: z.number().int(),
    followUps: z.array(followUpSchema),
  })
  .meta({ id: 'Minutes' });

export const createFollowUpBody = z
  .object({
    description: z.string().trim().min(5).max(2000).describe('What was agreed'),
    ownerUserId: z.uuid().nullable().default(null).describe('Who does it, when they use Wijkwerk'),
    ownerName: z.string().trim().min(2).max(200).nullable().default(null).describe('Who does it otherwise (an organisation or role)'),
    dueOn: isoDate(),
  })
  .meta({ id: 'CreateFollowUp' });

export const completeFollowUpBody = z.object({ version: int32().min(1) }).meta({ id: 'CompleteFollowUp' });

export const followUpListQuery = pageQuery.extend({ state: z.enum(followUpStates).optional() });
export const followUpListSchema = pageSchema(followUpSchema).meta({ id: 'FollowUpList' });

export type SaveMinutes = z.infer<typeof saveMinutesBody>;
export type CreateFollowUp = z.infer<typeof createFollowUpBody>;

export const convertFollowUpBody = z
  .object({
    version: int32().min(1),
    kind: z.enum(['request', 'question', 'initiative']).default('request').describe('What the council makes of the agreement'),
    isPublic: z.boolean().default(true),
  })
  .meta({ id: 'ConvertFollowUp' });
export type ConvertFollowUp = z.infer<typeof convertFollowUpBody>;
