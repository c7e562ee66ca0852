import { z } from 'zod';
import { int32 } from '../../platform/input-bounds.ts';
import { reportPriorities, settableStatuses } from './report.workflow.ts';

const version = int32().min(1).describe('The version you read; a stale one gives 409');

export const assignReportBody = z.object({ assignedUserId: z.uuid().nullable().describe('An officer of the report’s department, or null to unassign'), version }).meta({ id: 'AssignReport' });
export const setReportPriorityBody = z.object({ priority: z.enum(reportPriorities), version }).meta({ id: 'SetReportPriority' });
export const addReportNoteBody = z.object({ note: z.string().trim().min(2).max(4000).describe('Staff only: never shown to the reporter or the public') }).meta({ id: 'AddReportNote' });
export const mergeReportBody = z
  .object({ originalReportId: z.uuid().describe('The report this one duplicates; its reporter follows the original from now on'), version })
  .meta({ id: 'MergeReport' });
export const splitReportBody = z
  .object({
    parts: z
      .array(z.object({ categoryCode: z.string().trim().min(1).max(80), description: z.string().trim().min(5).max(2000) }))
      .min(1)
      .max(5)
      .describe('One sub-report per part, each routed by its own category'),
    version,
  })
  .meta({ id: 'SplitReport' });
export const referReportBody = z.object({ teamCode: z.string().trim().min(2).max(30).describe('A front-line team of the request protocol'), note: z.string().trim().max(2000).optional(), version }).meta({ id: 'ReferReport' });
export const updateReportReferralBody = z.object({ state: z.enum(['pickedUp', 'fedBack']), feedback: z.string().trim().max(4000).optional(), version }).meta({ id: 'UpdateReportReferral' });
export const linkReportRequestBody = z.object({ requestId: z.uuid().nullable().describe('A request of this municipality, or null to unlink'), version }).meta({ id: 'LinkReportRequest' });

export const bulkReportActionBody = z
  .object({
    reportIds: z.array(z.uuid()).min(1).max(100),
    action: z.enum(['changeStatus', 'assign', 'setPriority']),
    status: z.enum(settableStatuses).optional(),
    message: z.string().trim().max(2000).optional(),
    assignedUserId: z.uuid().nullable().optional(),
    priority: z.enum(reportPriorities).optional(),
  })
  .meta({ id: 'BulkReportAction', description: 'One change for a selection, all or nothing: if one report cannot take it, none is changed and the answer says which and why.' });
export type BulkReportAction = z.infer<typeof bulkReportActionBody>;
export const bulkReportResultSchema = z.object({ changed: z.number().int(), references: z.array(z.string()) }).meta({ id: 'BulkReportResult' });

export const satisfactionBody = z
  .object({
    isSatisfied: z.boolean(),
    reasonCode: z.string().trim().max(30).optional().describe('Why not, from the municipality’s list (only when not satisfied)'),
    comment: z.string().trim().max(2000).default(''),
  })
  .meta({ id: 'ReportSatisfaction' });
export type SatisfactionInput = z.infer<typeof satisfactionBody>;
export const satisfactionResultSchema = z.object({ reference: z.string(), isReopened: z.boolean() }).meta({ id: 'ReportSatisfactionResult' });

const isoDate = z.iso.date();
const period = { from: isoDate.describe('First day, inclusive'), to: isoDate.describe('Last day, inclusive; at most 366 days after from') };
const withinAYear = <Query extends { from: string; to: string }>(schema: z.ZodType<Query>) =>
  schema
    .refine((query) => query.from <= query.to, { path: ['to'], error: 'field:endBeforeStart' })
    .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 366 * 86_400_000, { path: ['to'], error: 'field:periodTooLong' });
export const periodQuery = withinAYear(z.object({ ...period, neighbourhoodId: z.uuid().optional() }));
export const satisfactionPeriodQuery = withinAYear(z.object(period));

export const reportSignalsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(z.object({ neighbourhoodId: z.uuid(), neighbourhoodName: z.string(), categoryCode: z.string(), categoryName: z.string(), week: z.string().describe('ISO week, e.g. 2026-W23'), count: z.number().int() })),
  })
  .meta({ id: 'ReportSignals' });

const figure = z.object({ code: z.string().nullable(), name: z.string().nullable(), answers: z.number().int(), satisfied: z.number().int(), reopened: z.number().int(), percentSatisfied: z.number().int().nullable() });
export const satisfactionFiguresSchema = z.object({ from: z.string(), to: z.string(), byCategory: z.array(figure), byDepartment: z.array(figure) }).meta({ id: 'ReportSatisfactionFigures' });
export const satisfactionReasonsSchema = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), reopens: z.boolean() })) }).meta({ id: 'ReportSatisfactionReasons' });

const reporterEmail = z.string().trim().toLowerCase().max(320).pipe(z.email({ error: 'field:invalidEmail' }));
export const reporterQuery = z.object({ email: reporterEmail.describe('The address the reporter used') });
export const reporterErasureBody = z.object({ email: reporterEmail }).meta({ id: 'ReporterErasure' });
export const reporterDataSchema = z
  .object({
    email: z.string(),
    reported: z.array(
      z.object({ reference: z.string(), status: z.string(), reportedAt: z.string(), closedAt: z.string().nullable(), address: z.string(), description: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
    ),
    followed: z.array(z.object({ reference: z.string(), status: z.string(), followingSince: z.string(), email: z.string().nullable() })),
  })
  .meta({ id: 'ReporterData' });
export const reporterErasureResultSchema = z.object({ reports: z.number().int(), followed: z.number().int() }).meta({ id: 'ReporterErasureResult' });

export const turnIntoRequestBody = z
  .object({
    title: z.string().trim().min(5).max(200).describe('The question for the municipality, e.g. “Vaker legen van de prullenbakken bij het speelveld”'),
    explanation: z.string().trim().min(20).max(5000).describe('Why this needs a policy answer (the report’s description is added)'),
    version,
  })
  .meta({ id: 'TurnReportIntoRequest' });
export const turnedIntoRequestSchema = z.object({ requestId: z.uuid(), requestReference: z.string() }).meta({ id: 'TurnedIntoRequest' });
