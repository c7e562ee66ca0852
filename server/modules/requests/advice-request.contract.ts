import { z } from 'zod';
import { isoDate as boundedDate } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { requestStates } from './request.workflow.ts';

// Input dates are bounded to what a person could mean; stored ones are shown as they are.
const isoDate = z.iso.date();
const dueOn = boundedDate();

export const adviceRequestDocumentSchema = z.object({
  title: z.string().trim().min(2).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000).describe('Where the document can be read (the document system, the council information system)'),
});

export const createAdviceRequestBody = z
  .object({
    title: z.string().trim().min(5).max(200),
    question: z.string().trim().min(20).max(10_000).describe('What the municipality asks the councils, in plain language'),
    documents: z.array(adviceRequestDocumentSchema).max(20).default([]),
    dueOn: dueOn.describe('The date by which the advice is asked'),
    isFormalInspraak: z.boolean().default(false).describe('Part of a formal inspraak procedure: deviating from the advice is then for the college or the municipal council'),
    councilIds: z.array(z.uuid()).min(1).max(50).describe('The councils asked for advice'),
    departmentId: z.uuid().nullable().optional().describe('The department that asks and will weigh the advice'),
  })
  .meta({ id: 'CreateAdviceRequest' });

const councilAnswerSchema = z.object({
  council: z.object({ id: z.uuid(), name: z.string() }),
  advice: z.object({ id: z.uuid(), title: z.string(), state: z.enum(requestStates) }).nullable().describe('The council’s advice, once given'),
});

export const adviceRequestSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    dueOn: isoDate,
    isFormalInspraak: z.boolean(),
    councilCount: z.number().int(),
    adviceCount: z.number().int().describe('How many of the councils have given their advice'),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AdviceRequestSummary' });

export const adviceRequestSchema = adviceRequestSummarySchema
  .omit({ councilCount: true, adviceCount: true })
  .extend({
    question: z.string(),
    documents: z.array(adviceRequestDocumentSchema),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    requestedBy: z.string().describe('The staff member who asked'),
    councils: z.array(councilAnswerSchema),
    canAnswerFor: z.array(z.uuid()).describe('The councils you may give this advice for'),
    version: z.number().int(),
  })
  .meta({ id: 'AdviceRequest' });

export const adviceRequestListSchema = pageSchema(adviceRequestSummarySchema).meta({ id: 'AdviceRequestList' });
export const adviceRequestListQuery = pageQuery.extend({
  councilId: z.uuid().optional().describe('Only those sent to this council'),
  isOpen: z.enum(['true', 'false']).optional().describe('Only those whose due date has not passed'),
});
export const adviceRequestParams = z.object({ municipality: z.string(), adviceRequestId: z.uuid() });

export type CreateAdviceRequest = z.infer<typeof createAdviceRequestBody>;
export type AdviceRequestListQuery = z.infer<typeof adviceRequestListQuery>;
