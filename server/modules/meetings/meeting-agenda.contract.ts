import { z } from 'zod';
import { isoDate } from '../../platform/input-bounds.ts';
import { agendaItemStates } from './meeting-agenda.tables.ts';
import { meetingParams } from './meeting.contract.ts';

export const agendaItemParams = meetingParams.extend({ agendaItemId: z.uuid() });
export const contributionParams = meetingParams.extend({ contributionId: z.uuid() });

export const addAgendaItemBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(2000).nullable().default(null),
    requestId: z.uuid().nullable().default(null).describe('A request (question, advice, initiative) to discuss; a council member proposes one of their council’s'),
  })
  .meta({ id: 'AddAgendaItem' });

export const decideAgendaItemBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept') }),
    z.object({ decision: z.literal('decline'), reason: z.string().trim().min(5).max(1000).describe('Why it is not on this agenda; the council reads it') }),
  ])
  .meta({ id: 'DecideAgendaItem' });

export const agendaItemSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    request: z.object({ id: z.uuid(), reference: z.string(), title: z.string() }).nullable(),
    state: z.enum(agendaItemStates),
    declineReason: z.string().nullable(),
    isProposedByCouncil: z.boolean(),
  })
  .meta({ id: 'AgendaItem' });

export const contributionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    assignee: z.object({ userId: z.uuid(), name: z.string() }),
    dueOn: z.iso.date(),
    isDelivered: z.boolean(),
    deliveredText: z.string().nullable(),
    isOverdue: z.boolean(),
  })
  .meta({ id: 'Contribution' });

export const agendaSchema = z
  .object({
    meetingId: z.uuid(),
    items: z.array(agendaItemSchema).describe('Outsiders see the accepted items of a public meeting; of a closed meeting nothing'),
    contributions: z.array(contributionSchema).describe('For participants and staff'),
  })
  .meta({ id: 'Agenda' });

export const addContributionBody = z
  .object({
    title: z.string().trim().min(3).max(200).describe('What to prepare'),
    assigneeUserId: z.uuid(),
    dueOn: isoDate(),
  })
  .meta({ id: 'AddContribution' });

export const deliverContributionBody = z.object({ text: z.string().trim().min(5).max(20_000) }).meta({ id: 'DeliverContribution' });

export type AddAgendaItem = z.infer<typeof addAgendaItemBody>;
export type DecideAgendaItem = z.infer<typeof decideAgendaItemBody>;
export type AddContribution = z.infer<typeof addContributionBody>;
