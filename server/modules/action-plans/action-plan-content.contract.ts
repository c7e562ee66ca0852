import { z } from 'zod';
import { int32, isoDate, requireSomeChange } from '../../platform/input-bounds.ts';
import { attachmentMediaTypes } from '../../platform/uploaded-files.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { contributionStates } from './action-plan-contribution.tables.ts';
import { actionOriginKinds, planPointKinds } from './action-plan-content.tables.ts';
import { progressStatuses } from './action-plan-progress.rules.ts';
import { partyKinds } from './action-plan.tables.ts';

const day = z.iso.date();
const moment = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Indicator values: counts, percentages, euros; bounded so nothing overflows a report. */
const measure = () => z.number().min(-1e12).max(1e12).nullable().optional();

export const challengeParams = municipalityParams.extend({ challengeId: z.uuid() });
export const actionParams = municipalityParams.extend({ actionId: z.uuid() });
export const pointParams = municipalityParams.extend({ pointId: z.uuid() });
export const contributionParams = municipalityParams.extend({ planContributionId: z.uuid() });

export const partySchema = z.object({ kind: z.enum(partyKinds), id: z.uuid(), name: z.string() }).meta({ id: 'ActionPlanParty' });
export const partyInput = z.object({ kind: z.enum(partyKinds), id: z.uuid() });

export const themeRefSchema = z.object({ id: z.uuid(), nameNl: z.string(), nameEn: z.string() });

export const challengeSchema = z
  .object({ id: z.uuid(), position: z.number().int(), title: z.string(), description: z.string().nullable(), themes: z.array(themeRefSchema) })
  .meta({ id: 'ActionPlanChallenge' });

export const challengeBody = z
  .object({
    title: text(200),
    description: optionalText(5000),
    themeIds: z.array(z.uuid()).max(20).default([]),
    position: int32().min(1).max(1000).optional().describe('Defaults to after the last challenge'),
  })
  .meta({ id: 'SaveActionPlanChallenge' });

export const updateChallengeBody = requireSomeChange(
  z.object({ title: text(200).optional(), description: optionalText(5000), themeIds: z.array(z.uuid()).max(20).optional(), position: int32().min(1).max(1000).optional() }),
).meta({ id: 'UpdateActionPlanChallenge' });

/** The SMART fields, shared by an action and a contribution's proposal. */
const smartFields = {
  specific: optionalText(5000).describe('Specific: what exactly is done'),
  location: optionalText(500).describe('Specific: where in the neighbourhood'),
  indicator: optionalText(500).describe('Measurable: what is counted or measured'),
  baseline: measure(),
  target: measure(),
  unit: optionalText(100),
  budgetEuros: int32().min(0).nullable().optional().describe('Realistic: money, in whole euros'),
  hours: int32().min(0).max(1_000_000).nullable().optional().describe('Realistic: hours'),
  fundingSource: optionalText(500).describe('Realistic: where the money or hours come from'),
  startsOn: isoDate().nullable().optional(),
  deadlineOn: isoDate().nullable().optional().describe('Time-bound: within the plan’s period'),
};

const actionFields = {
  title: text(300),
  ...smartFields,
  owner: partyInput.nullable().optional().describe('Acceptable: the department, partner organisation or council that carries it out'),
  contactUserId: z.uuid().nullable().optional().describe('A person of the owner'),
  isOnTopOfRegularWork: z.boolean().optional().describe('The owner confirms this is effort on top of regular work'),
};

export const createActionBody = z
  .object({
    ...actionFields,
    originRequestId: z.uuid().nullable().optional().describe('The request (for example an ooit answer) this action takes up'),
    originFollowUpId: z.uuid().nullable().optional().describe('The agreement from meeting minutes this action carries further'),
  })
  .meta({ id: 'CreateAction' });

export const updateActionBody = requireSomeChange(
  z.object({
    ...actionFields,
    title: text(300).optional(),
    challengeId: z.uuid().optional().describe('Move it under another challenge of the plan'),
    position: int32().min(1).max(1000).optional(),
    version: int32().min(1),
  }),
).meta({ id: 'UpdateAction' });

export const deleteWithVersionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('The version you read; when given, a newer version is a conflict') });

export const actionSchema = z
  .object({
    id: z.uuid(),
    challengeId: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    specific: z.string().nullable(),
    location: z.string().nullable(),
    indicator: z.string().nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    unit: z.string().nullable(),
    owner: partySchema.nullable(),
    contact: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    isOnTopOfRegularWork: z.boolean(),
    budgetEuros: z.number().int().nullable(),
    hours: z.number().int().nullable(),
    fundingSource: z.string().nullable(),
    startsOn: day.nullable(),
    deadlineOn: day.nullable(),
    origin: z
      .object({ kind: z.enum(actionOriginKinds), id: z.uuid(), label: z.string().describe('A request’s reference and title, an agreement’s text, a contribution’s party') })
      .nullable(),
    progress: z.object({
      status: z.enum(progressStatuses),
      currentValue: z.number().nullable(),
      note: z.string().nullable(),
      updatedAt: moment.nullable(),
      doneOn: day.nullable(),
      droppedReason: z.string().nullable(),
    }),
    isOverdue: z.boolean(),
    attention: z.enum(['overdue', 'at_risk', 'delayed', 'deadline_soon']).nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(['edit', 'delete', 'postProgress'])),
  })
  .meta({ id: 'Action' });

export const pointSchema = z
  .object({ id: z.uuid(), kind: z.enum(planPointKinds), text: z.string(), challengeId: z.uuid().nullable(), actionId: z.uuid().nullable(), createdAt: moment })
  .meta({ id: 'ActionPlanPoint' });

export const pointBody = z
  .object({ kind: z.enum(planPointKinds), text: text(2000), challengeId: z.uuid().nullable().default(null), actionId: z.uuid().nullable().default(null) })
  .meta({ id: 'CreateActionPlanPoint' });

export const invitationSchema = z
  .object({
    id: z.uuid(),
    party: partySchema,
    dueOn: day,
    invitedAt: moment,
    contributedAt: moment.nullable(),
    status: z.enum(['contributed', 'pending', 'late']),
  })
  .meta({ id: 'ActionPlanInvitation' });

export const inviteBody = z
  .object({
    parties: z.array(partyInput).min(1).max(100).describe('The council, partners and departments asked to contribute'),
    dueOn: isoDate().optional().describe('Defaults to the plan’s contributions due date'),
  })
  .meta({ id: 'InviteToActionPlan' });

const proposalSchema = z.object({
  specific: z.string().nullable(),
  location: z.string().nullable(),
  indicator: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  unit: z.string().nullable(),
  budgetEuros: z.number().int().nullable(),
  hours: z.number().int().nullable(),
  fundingSource: z.string().nullable(),
  startsOn: day.nullable(),
  deadlineOn: day.nullable(),
});

export const contributionSchema = z
  .object({
    id: z.uuid(),
    party: partySchema,
    challengeTitle: z.string(),
    title: z.string(),
    proposal: proposalSchema,
    state: z.enum(contributionStates),
    declineReason: z.string().nullable(),
    actionId: z.uuid().nullable(),
    submittedAt: moment,
    handledAt: moment.nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(['handle'])),
  })
  .meta({ id: 'ActionPlanContribution' });

export const contributeBody = z
  .object({
    party: partyInput.optional().describe('On behalf of which invited party; needed only when you act for more than one'),
    challengeTitle: text(200).describe('The challenge (opgave) the action is for: an existing one’s title or a new one'),
    title: text(300),
    ...smartFields,
  })
  .meta({ id: 'ContributeToActionPlan' });

export const handleContributionBody = z
  .discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('takeOver'),
      challengeId: z.uuid().nullable().default(null).describe('The challenge to put it under; null makes a new challenge with the proposed title'),
      version: int32().min(1),
    }),
    z.object({ outcome: z.literal('merge'), actionId: z.uuid().describe('The existing action it is merged into'), version: int32().min(1) }),
    z.object({ outcome: z.literal('decline'), reason: text(2000), version: int32().min(1) }),
  ])
  .meta({ id: 'HandleContribution' });

export const postProgressBody = z
  .object({
    status: z.enum(progressStatuses),
    currentValue: measure(),
    note: optionalText(5000),
    reason: optionalText(2000).describe('Required when the action is dropped'),
    version: int32().min(1).describe('The action’s version as read'),
  })
  .meta({ id: 'PostActionProgress' });

export const evidenceSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.enum(attachmentMediaTypes).describe('Sniffed from the bytes at upload, not taken from the name or the browser'),
    sizeBytes: z.number().int(),
    isOwn: z.boolean().describe('Uploaded by the caller'),
    canRemove: z.boolean().describe('The caller may delete it now'),
    createdAt: moment,
  })
  .meta({ id: 'ActionProgressEvidence' });

export const progressEntrySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(progressStatuses),
    currentValue: z.number().nullable(),
    note: z.string().nullable(),
    reason: z.string().nullable(),
    postedBy: z.string(),
    postedAt: moment,
    evidence: z.array(evidenceSchema).describe('Photos and documents that show the progress; only for those who may see the plan'),
    canAddEvidence: z.boolean().describe('The caller may add evidence to this report now'),
  })
  .meta({ id: 'ActionProgressEntry' });

export const progressHistorySchema = z
  .object({
    items: z.array(progressEntrySchema),
    maxEvidenceBytes: z.number().int().describe('Largest file accepted as evidence'),
    maxEvidencePerEntry: z.number().int().describe('Most pieces of evidence per progress report'),
  })
  .meta({ id: 'ActionProgressHistory' });

/** The action after the report, and the report itself, to add evidence to. */
export const postedProgressSchema = actionSchema.extend({ progressEntryId: z.uuid().describe('The progress report just posted: add evidence to it') }).meta({ id: 'PostedActionProgress' });

export const progressEntryParams = actionParams.extend({ progressId: z.uuid() });
export const evidenceParams = actionParams.extend({ evidenceId: z.uuid() });

/** The multipart form, for the documentation: the body is streamed and checked while it is read. */
export const uploadEvidenceForm = z
  .object({ file: z.string().meta({ format: 'binary' }).describe('One PDF, PNG, JPEG, GIF or WebP file; the type is checked on the content') })
  .meta({ id: 'UploadActionProgressEvidence' });

export type ChallengeInput = z.infer<typeof challengeBody>;
export type UpdateChallenge = z.infer<typeof updateChallengeBody>;
export type CreateAction = z.infer<typeof createActionBody>;
export type UpdateAction = z.infer<typeof updateActionBody>;
export type PartyInput = z.infer<typeof partyInput>;
export type PointInput = z.infer<typeof pointBody>;
export type InviteInput = z.infer<typeof inviteBody>;
export type ContributeInput = z.infer<typeof contributeBody>;
export type HandleContribution = z.infer<typeof handleContributionBody>;
export type PostProgress = z.infer<typeof postProgressBody>;
export type ProgressEntry = z.infer<typeof progressEntrySchema>;
export type ProgressHistory = z.infer<typeof progressHistorySchema>;
export type ActionProgressEvidence = z.infer<typeof evidenceSchema>;
