import { z } from 'zod';
import { earliestYear, latestYear } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { progressStatuses } from './action-plan-progress.rules.ts';
import { planParams } from './action-plan.contract.ts';
import { actionPlanStates } from './action-plan.workflow.ts';

const day = z.iso.date();
const moment = z.iso.datetime({ offset: true });

// The advisor's attention list --------------------------------------------------------------------------------------

export const attentionReasons = ['overdue', 'at_risk', 'delayed', 'deadline_soon'] as const;

export const attentionQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  reason: z.enum(attentionReasons).optional().describe('Only actions that need attention for this reason'),
});

export const attentionItemSchema = z
  .object({
    action: z.object({ id: z.uuid(), title: z.string(), deadlineOn: day.nullable(), status: z.enum(progressStatuses) }),
    reason: z.enum(attentionReasons).describe('Overdue wins over the owner’s status; an action at risk or delayed is not also “deadline soon”'),
    ownerName: z.string().nullable().describe('The department, partner organisation or council that owns the action; never a person'),
    plan: z.object({ id: z.uuid(), title: z.string() }),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'ActionPlanAttentionItem' });
export const attentionListSchema = pageSchema(attentionItemSchema).meta({ id: 'ActionPlanAttentionList' });

// Progress reports ------------------------------------------------------------------------------------------------

/** A report by its number within the plan; anything that is no report number is simply not found. */
export const planReportParams = planParams.extend({ reportNumber: z.string().max(60).describe('The report number: 1, 2, …') });

export const reportSummarySchema = z
  .object({
    number: z.number().int(),
    periodStartsOn: day,
    periodEndsOn: day,
    dueOn: day.describe('The last day on which the report is on time'),
    sentOn: day.nullable(),
    isLate: z.boolean(),
  })
  .meta({ id: 'ActionPlanReportSummary' });
export const reportListSchema = z.object({ items: z.array(reportSummarySchema) }).meta({ id: 'ActionPlanReportList' });

const reportActionSchema = z.object({
  actionId: z.uuid(),
  title: z.string(),
  ownerName: z.string().nullable(),
  deadlineOn: day.nullable(),
  status: z.string(),
  currentValue: z.number().nullable(),
  target: z.number().nullable(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
  isOverdue: z.boolean(),
});

export const reportSchema = reportSummarySchema
  .extend({
    planId: z.uuid(),
    generatedAt: moment,
    content: z.object({
      versionNumber: z.number().int(),
      rollup: z.object({ total: z.number().int(), counted: z.number().int(), done: z.number().int(), overdue: z.number().int(), atRisk: z.number().int(), delayed: z.number().int(), dropped: z.number().int(), percentDone: z.number().nullable() }),
      challenges: z.array(z.object({ title: z.string(), actions: z.array(reportActionSchema) })),
      successes: z.array(z.object({ actionId: z.uuid(), title: z.string(), doneOn: day.nullable() })),
    }),
  })
  .meta({ id: 'ActionPlanReport' });

// The subsidy condition -------------------------------------------------------------------------------------------

const year = z.coerce.number().int().min(earliestYear).max(latestYear).describe('The subsidy year, e.g. 2026');
export const subsidyConditionQuery = pageQuery.extend({ year });
export const subsidyExportFormats = ['csv', 'xlsx'] as const;
export const subsidyExportQuery = z.object({ year, format: z.enum(subsidyExportFormats).default('csv') });

export const subsidyConditionItemSchema = z
  .object({
    council: z.object({ id: z.uuid(), name: z.string() }),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }),
    plan: z
      .object({ id: z.uuid(), title: z.string(), state: z.enum(actionPlanStates), periodStartsOn: day, periodEndsOn: day })
      .nullable()
      .describe('The plan whose period overlaps the year (the latest when two do); null when there is none'),
    hasContributed: z.boolean().describe('The council sent at least one contribution to that plan, whatever became of it'),
    firstContributedAt: moment.nullable(),
  })
  .meta({ id: 'SubsidyConditionItem' });
export const subsidyConditionListSchema = pageSchema(subsidyConditionItemSchema).extend({ year: z.number().int() }).meta({ id: 'SubsidyConditionList' });

export type AttentionQuery = z.infer<typeof attentionQuery>;
export type SubsidyConditionQuery = z.infer<typeof subsidyConditionQuery>;
