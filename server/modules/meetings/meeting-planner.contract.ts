import { z } from 'zod';
import { isoDate } from '../../platform/input-bounds.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { blackoutKinds, plannableKindCodes, unplacedReasons } from './meeting-planner.rules.ts';

const texts = z.object({ nl: z.string(), en: z.string() });
/** The planner looks at most three years ahead: a wijktafel cycle and a half, bounded so one call stays quick. */
export const maxPlannerDays = 3 * 366;

export const blackoutPeriodParams = municipalityParams.extend({ blackoutPeriodId: z.uuid() });
export const blockedPeriodParams = municipalityParams.extend({ blockedPeriodId: z.uuid() });

export const createBlackoutPeriodBody = z
  .object({
    kind: z.enum(blackoutKinds).describe('school_holiday, council_recess (the municipal council’s recess) or other'),
    from: isoDate().describe('First day without meetings'),
    to: isoDate().describe('Last day without meetings (included)'),
    description: z.string().trim().min(3).max(200),
  })
  .meta({ id: 'CreateBlackoutPeriod' });

export const blackoutPeriodSchema = z
  .object({ id: z.uuid(), kind: z.enum(blackoutKinds), from: z.iso.date(), to: z.iso.date(), description: z.string(), createdAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'BlackoutPeriod' });
export const blackoutPeriodListSchema = z.object({ items: z.array(blackoutPeriodSchema) }).meta({ id: 'BlackoutPeriodList' });

export const blackoutPeriodListQuery = z.object({ from: isoDate().optional().describe('Periods that end on or after this day') });

export const createBlockedPeriodBody = z
  .object({
    userId: z.uuid().optional().describe('Whose days; yourself when left out. Advisors and administrators may block days for others.'),
    from: isoDate(),
    to: isoDate().describe('Last unavailable day (included)'),
    reason: z.string().trim().max(200).optional().describe('For colleagues, e.g. “verlof”; never shown outside the municipality'),
  })
  .meta({ id: 'CreateBlockedPeriod' });

export const blockedPeriodSchema = z
  .object({ id: z.uuid(), user: z.object({ id: z.uuid(), name: z.string() }), from: z.iso.date(), to: z.iso.date(), reason: z.string().nullable(), createdAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'BlockedPeriod' });
export const blockedPeriodListSchema = z.object({ items: z.array(blockedPeriodSchema) }).meta({ id: 'BlockedPeriodList' });

export const blockedPeriodListQuery = z.object({
  userId: z.uuid().optional().describe('Whose days (advisors and administrators); your own when left out'),
  from: isoDate().optional().describe('Periods that end on or after this day'),
});

export const plannerSettingsSchema = z.object({ maxPerAdvisorPerMonth: z.number().int().min(1).max(20) }).meta({ id: 'MeetingPlannerSettings' });
export const updatePlannerSettingsBody = z.object({ maxPerAdvisorPerMonth: z.int().min(1).max(20).describe('At most this many planned meetings per advisor per month') }).meta({ id: 'UpdateMeetingPlannerSettings' });

export const proposalRequestBody = z
  .object({
    from: isoDate().describe('First day of the period to plan'),
    to: isoDate().describe('Last day of the period (included); at most three years after `from`'),
    kindCodes: z
      .array(z.enum(plannableKindCodes))
      .min(1)
      .max(plannableKindCodes.length)
      .default(['wijktafel'])
      .describe('The wijktafel, and optionally the wijkbezoek'),
  })
  .meta({ id: 'MeetingPlanRequest' });

export const proposalSchema = z
  .object({
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }),
    kindCode: z.enum(plannableKindCodes),
    date: z.iso.date(),
    startTime: z.string().describe('Europe/Amsterdam, HH:MM'),
    endTime: z.string(),
    quarter: z.string().describe('The quarter it falls in, e.g. 2027-Q1'),
    explanation: texts.describe('Why this neighbourhood and this day, in Dutch and English'),
  })
  .meta({ id: 'MeetingProposal' });

export const proposalListSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    maxPerAdvisorPerMonth: z.number().int(),
    proposals: z.array(proposalSchema),
    unplaced: z.array(z.object({ neighbourhood: z.object({ id: z.uuid(), name: z.string() }), kindCode: z.enum(plannableKindCodes), reasonCode: z.enum(unplacedReasons), reason: texts })),
  })
  .meta({ id: 'MeetingPlanProposals' });

export const acceptProposalsBody = z
  .object({
    proposals: z
      .array(z.object({ neighbourhoodId: z.uuid(), kindCode: z.enum(plannableKindCodes), date: isoDate() }))
      .min(1)
      .max(500)
      .describe('The proposals to accept, as the planner gave them; each becomes a draft meeting'),
  })
  .meta({ id: 'AcceptMeetingProposals' });

export const acceptedProposalsSchema = z
  .object({ created: z.number().int(), meetings: z.array(z.object({ id: z.uuid(), neighbourhoodId: z.uuid(), kindCode: z.enum(plannableKindCodes), title: z.string(), startsAt: z.iso.datetime({ offset: true }) })) })
  .meta({ id: 'AcceptedMeetingProposals' });

export type CreateBlackoutPeriod = z.infer<typeof createBlackoutPeriodBody>;
export type CreateBlockedPeriod = z.infer<typeof createBlockedPeriodBody>;
export type ProposalRequest = z.infer<typeof proposalRequestBody>;
export type AcceptProposals = z.infer<typeof acceptProposalsBody>;
export type MeetingPlanProposals = z.infer<typeof proposalListSchema>;
