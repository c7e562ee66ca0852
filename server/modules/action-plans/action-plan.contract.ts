import { z } from 'zod';
import { int32, isoDate } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { actionSchema, challengeSchema, contributionSchema, invitationSchema, partySchema, pointSchema } from './action-plan-content.contract.ts';
import { smartFindingCodes } from './action-plan-smart.rules.ts';
import { partyKinds } from './action-plan.tables.ts';
import { actionPlanStates } from './action-plan.workflow.ts';

const day = z.iso.date();
const moment = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

// The way of working ----------------------------------------------------------------------------------------------

const sectionSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, 'field:codeFormat'),
  titleNl: text(200),
  titleEn: text(200),
  guidanceNl: z.string().trim().max(2000),
  guidanceEn: z.string().trim().max(2000),
});

const contributionStepSchema = z.object({ party: z.enum(partyKinds), deliversNl: text(1000), deliversEn: text(1000) });

export const actionPlanMethodSchema = z
  .object({
    sections: z.array(sectionSchema),
    contributionSteps: z.array(contributionStepSchema),
    contributionWeeksBefore: z.number().int().describe('How many weeks before the wijktafel the contributions are due'),
    reportIntervalMonths: z.number().int().describe('How often a progress report goes to the council'),
    deadlineReminderDays: z.number().int().describe('How many days before an action’s deadline its owner is reminded'),
    publishedAt: moment.nullable().describe('Null: nothing has been published yet; these are the defaults'),
    version: z.number().int().describe('0 while nothing has been published; send it back when publishing'),
    allowedActions: z.array(z.enum(['publish'])),
  })
  .meta({ id: 'ActionPlanMethod' });

export const publishActionPlanMethodBody = z
  .object({
    sections: z.array(sectionSchema).min(1).max(20),
    contributionSteps: z.array(contributionStepSchema).min(1).max(20),
    contributionWeeksBefore: int32().min(1).max(26),
    reportIntervalMonths: int32().min(1).max(12),
    deadlineReminderDays: int32().min(1).max(90),
    version: int32().min(0).describe('The version you read; 0 when nothing was published yet'),
  })
  .meta({ id: 'PublishActionPlanMethod' });

// Plans -----------------------------------------------------------------------------------------------------------

export const planParams = municipalityParams.extend({ planId: z.uuid() });

/** A PDF in the language the reader chose in the app; without it, the browser's Accept-Language decides. */
export const documentLanguageQuery = z.object({ lang: z.enum(['nl', 'en']).optional().describe('The document’s language: nl or en. Without it, Accept-Language decides.') });

/** The context with the document's language as asked for. */
export function withDocumentLanguage<Context extends { language: 'nl' | 'en' }>(context: Context, lang: 'nl' | 'en' | undefined): Context {
  return lang ? { ...context, language: lang } : context;
}
/** A version by its number; anything that is no version number is simply not found. */
export const planVersionParams = planParams.extend({ number: z.string().max(60).describe('The version number: 1, 2, …') });

export const planTransitions = ['startCollecting', 'markReady', 'reopenCollecting', 'startExecution', 'close'] as const;
export const planActions = [...planTransitions, 'edit', 'invite', 'addPoint', 'adopt', 'openRevision', 'contribute', 'handleContributions'] as const;

export const createActionPlanBody = z
  .object({
    meetingId: z.uuid().describe('The planned wijktafel this plan is for'),
    title: text(200).optional().describe('Defaults to “Wijkactieplan <neighbourhood> <years>”'),
    periodStartsOn: isoDate(),
    periodEndsOn: isoDate().describe('Normally the next wijktafel, about two years later'),
    contributionsDueOn: isoDate().optional().describe('Defaults to the published number of weeks before the wijktafel'),
  })
  .meta({ id: 'CreateActionPlan' });

export const updateActionPlanBody = z
  .object({
    title: text(200).optional(),
    periodStartsOn: isoDate().optional(),
    periodEndsOn: isoDate().optional(),
    contributionsDueOn: isoDate().optional(),
    reportIntervalMonths: int32().min(1).max(12).optional(),
    version: int32().min(1),
  })
  .meta({ id: 'UpdateActionPlan' });

export const planTransitionBody = z.object({ transition: z.enum(planTransitions), version: int32().min(1) }).meta({ id: 'ActionPlanTransition' });

const acceptedWarningSchema = z.object({
  actionId: z.uuid().nullable().default(null),
  challengeId: z.uuid().nullable().default(null),
  code: z.enum(smartFindingCodes),
  reason: text(1000),
});

export const adoptActionPlanBody = z
  .object({
    acceptedWarnings: z.array(acceptedWarningSchema).max(2000).default([]).describe('Every warning of the SMART check, accepted with a reason'),
    changeLog: z.string().trim().max(5000).optional().describe('Required from the second version on: what changed'),
    adoptedOn: isoDate().optional().describe('The day of the wijktafel that adopted it; defaults to today'),
    version: int32().min(1),
  })
  .meta({ id: 'AdoptActionPlan' });

export const openRevisionBody = z.object({ version: int32().min(1) }).meta({ id: 'OpenActionPlanRevision' });

export const smartFindingSchema = z
  .object({
    actionId: z.uuid().nullable(),
    challengeId: z.uuid().nullable(),
    field: z.string(),
    code: z.enum(smartFindingCodes),
    severity: z.enum(['error', 'warning']),
    letter: z.enum(['S', 'M', 'A', 'R', 'T']).nullable(),
    message: z.string().describe('In the language asked for'),
    subject: z.string().describe('The action or challenge the finding is about, by title'),
    acceptedReason: z.string().nullable().describe('The reason it was accepted with, for a warning accepted at the last adoption'),
  })
  .meta({ id: 'SmartFinding' });

export const smartCheckSchema = z
  .object({ errors: z.number().int(), warnings: z.number().int(), isAdoptable: z.boolean().describe('No errors (warnings still need a reason)'), findings: z.array(smartFindingSchema) })
  .meta({ id: 'SmartCheck' });

export const rollupSchema = z
  .object({
    total: z.number().int(),
    counted: z.number().int().describe('Without dropped actions'),
    byStatus: z.record(z.string(), z.number().int()),
    overdue: z.number().int(),
    percentDone: z.number().int().nullable(),
    indicatorPercent: z.number().int().nullable().describe('How far the indicators are from baseline to target, on average'),
  })
  .meta({ id: 'ActionPlanRollup' });

const planSummaryFields = {
  id: z.uuid(),
  title: z.string(),
  state: z.enum(actionPlanStates),
  neighbourhood: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  meeting: z.object({ id: z.uuid(), title: z.string(), startsAt: moment, state: z.string() }),
  periodStartsOn: day,
  periodEndsOn: day,
  contributionsDueOn: day,
  currentVersionNumber: z.number().int().nullable(),
  adoptedOn: day.nullable(),
  hasOpenRevision: z.boolean(),
};

export const actionPlanSummarySchema = z
  .object({ ...planSummaryFields, rollup: rollupSchema.pick({ total: true, overdue: true, percentDone: true }) })
  .meta({ id: 'ActionPlanSummary' });

export const actionPlanSchema = z
  .object({
    ...planSummaryFields,
    reportIntervalMonths: z.number().int(),
    version: z.number().int(),
    challenges: z.array(challengeSchema.extend({ actions: z.array(actionSchema), rollup: rollupSchema })),
    points: z.array(pointSchema),
    invitations: z.array(invitationSchema),
    contributions: z.array(contributionSchema),
    versions: z.array(z.object({ number: z.number().int(), adoptedOn: day, changeLog: z.string().nullable() })),
    rollup: rollupSchema,
    myParties: z.array(partySchema).describe('The parties you act for in this plan (your council, organisation or department)'),
    allowedActions: z.array(z.enum(planActions)),
  })
  .meta({ id: 'ActionPlan' });

export const actionPlanListQuery = pageQuery.extend({ neighbourhoodId: z.uuid().optional(), state: z.enum(actionPlanStates).optional() });
export const actionPlanListSchema = pageSchema(actionPlanSummarySchema).meta({ id: 'ActionPlanList' });

export const planVersionSchema = z
  .object({
    planId: z.uuid(),
    number: z.number().int(),
    adoptedOn: day,
    adoptedAt: moment,
    changeLog: z.string().nullable(),
    snapshot: z.unknown().describe('The plan as adopted: title, period, challenges and their actions'),
    changes: z.array(z.unknown()).describe('What changed since the previous version'),
    acceptedWarnings: z.array(z.object({ actionId: z.uuid().nullable(), challengeId: z.uuid().nullable(), code: z.string(), reason: z.string() })),
  })
  .meta({ id: 'ActionPlanVersion' });

export const versionChangesQuery = z.object({ from: z.coerce.number().int().min(1).max(100_000).optional().describe('The older version to compare with; the previous one when left out') });

export type PublishActionPlanMethod = z.infer<typeof publishActionPlanMethodBody>;
export type CreateActionPlan = z.infer<typeof createActionPlanBody>;
export type UpdateActionPlan = z.infer<typeof updateActionPlanBody>;
export type AdoptActionPlan = z.infer<typeof adoptActionPlanBody>;
export type ActionPlanListQuery = z.infer<typeof actionPlanListQuery>;
export type PlanAction = (typeof planActions)[number];
