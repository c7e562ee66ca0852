import { z } from 'zod';
import { int32, isoDate as isoDateWithinRange } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { requestEventKinds } from './request-event.rules.ts';
import { requestUserActions } from './request.policy.ts';

export const referralStates = ['referred', 'pickedUp', 'fedBack'] as const;
import { requestStates } from './request.workflow.ts';
import { advicePositions, conditionKinds, decidingBodies, refusalReasons, requestKinds, scales, supportBreadths, supportOrigins } from './request.rules.ts';

const isoDate = isoDateWithinRange();
/** Dates the server wrote itself, in answers. */
const storedDate = z.iso.date();
const version = int32().min(1).describe('The version you read; a stale one gives 409');
const reference = z.object({ id: z.uuid(), name: z.string() });

export const supportStatementSchema = z
  .object({
    origins: z
      .array(z.object({ kind: z.enum(supportOrigins), count: int32().min(0).optional().describe('Respondents of a survey, signatures of a petition'), text: z.string().max(500).optional() }))
      .max(10),
    breadth: z.enum(supportBreadths),
    dissent: z.string().max(4000).default('').describe('Disagreement within the neighbourhood, in words'),
  })
  .meta({ id: 'SupportStatement' });

export const submitRequestBody = z
  .object({
    kind: z.enum(requestKinds),
    title: z.string().trim().min(5).max(200),
    body: z.string().trim().min(20).max(10_000),
    neighbourhoodId: z.uuid().nullable().describe('Null for a city-wide request'),
    areaId: z.uuid().nullable().optional(),
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable().optional(),
    scale: z.enum(scales),
    themeIds: z.array(z.uuid()).max(10).default([]),
    isPublic: z.boolean().default(true).describe('Public requests and their answers appear on the neighbourhood page, without personal data'),
    councilId: z.uuid().nullable().optional().describe('Submit on behalf of this council (you must be a member)'),
    partnerOrganisationId: z.uuid().nullable().optional().describe('Submit on behalf of this partner organisation'),
    supportStatement: supportStatementSchema.optional().describe('Required for advice from a council'),
    adviceRequestId: z.uuid().nullable().optional().describe('The municipality’s request for advice this advice answers (kind advice_solicited, on behalf of a council it was sent to)'),
  })
  .meta({ id: 'SubmitRequest' });

const conditionSchema = z.object({ kind: z.enum(conditionKinds), text: z.string().trim().max(1000) });

export const answerRequestBody = z
  .discriminatedUnion('verdict', [
    z.object({ verdict: z.literal('nu'), version, motivation: z.string().max(5000), action: z.string().trim().max(1000).describe('What will be done'), plannedOn: isoDate }),
    z.object({
      verdict: z.literal('ooit'),
      version,
      motivation: z.string().max(5000),
      conditions: z.array(conditionSchema).max(10),
      decisionDueOn: isoDate.describe('Date by which a definite answer follows'),
      updateEveryWeeks: int32().default(6),
    }),
    z.object({ verdict: z.literal('nooit'), version, motivation: z.string().max(5000), reasons: z.array(z.enum(refusalReasons)).max(5) }),
  ])
  .meta({ id: 'AnswerRequest' });

export const postUpdateBody = z.object({ version, text: z.string().trim().min(20).max(5000).describe('The progress since the last update, in plain language') }).meta({ id: 'PostRequestUpdate' });
export const closeRequestBody = z.object({ version }).meta({ id: 'CloseRequest' });
export const reopenRequestBody = z.object({ version, reason: z.string().trim().min(10).max(2000) }).meta({ id: 'ReopenRequest' });

export const acknowledgeRequestBody = z.object({ version }).meta({ id: 'AcknowledgeRequest' });
export const routeRequestBody = z
  .object({ version, leadDepartmentId: z.uuid(), leadOfficerUserId: z.uuid().nullable().optional(), contributingDepartmentIds: z.array(z.uuid()).max(10).default([]) })
  .meta({ id: 'RouteRequest' });

export const requestEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(requestEventKinds),
    summary: z.string().describe('What happened, in words of the language asked for (Accept-Language), e.g. "Doorgezet naar Verkeer, behandelaar Koen Verhoeven; meewerkend: Groen"'),
    actorSide: z.enum(['staff', 'submitterSide', 'system']).describe('Staff act in public duty; the submitter’s side is named only to itself and to staff'),
    actorLabel: z.string().nullable().describe('Who acted; null where the viewer may not know the name'),
    isInternal: z.boolean(),
    text: z.string().nullable(),
    data: z.unknown(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RequestEvent' });

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string().describe('What people call the request: the municipality’s prefix, the year of submission and a number, e.g. HLM-2026-0142. Usable in the URL instead of the id'),
    kind: z.enum(requestKinds),
    title: z.string(),
    neighbourhood: reference.nullable(),
    state: z.enum(requestStates),
    verdict: z.enum(['nu', 'ooit', 'nooit']).nullable(),
    isPublic: z.boolean(),
    acknowledgeBy: storedDate,
    answerBy: storedDate,
    isOverdue: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RequestSummary' });

export const requestSchema = requestSummarySchema
  .extend({
    body: z.string(),
    scale: z.enum(scales),
    weight: z.enum(['large', 'limited']).describe('The influence that follows from the scale, shown to both sides'),
    themes: z.array(reference),
    council: reference.nullable(),
    submittedBy: z.string().nullable().describe('Only for municipal staff and the submitter’s own side'),
    supportStatement: supportStatementSchema.nullable(),
    leadDepartment: reference.nullable(),
    answer: z.record(z.string(), z.unknown()).nullable(),
    nextUpdateDue: storedDate.nullable(),
    isFormalInspraak: z.boolean().describe('Part of a formal inspraak procedure: deviating from the advice is then for the college or the municipal council'),
    adviceRequest: reference.omit({ name: true }).extend({ title: z.string() }).nullable().describe('The municipality’s request for advice this advice answers'),
    carriedOutOn: storedDate.nullable().describe('When a nu was carried out'),
    referral: z
      .object({
        code: z.string(),
        name: z.string(),
        state: z.enum(referralStates),
        note: z.string().nullable().describe('Staff only'),
        feedback: z.string().nullable().describe('What the team reported back; staff only'),
      })
      .nullable()
      .describe('The front-line team the request was referred to, and how far it got'),
    advicePosition: z
      .object({ position: z.enum(advicePositions), motivation: z.string(), decidingBody: z.enum(decidingBodies).nullable(), recordedOn: storedDate })
      .nullable()
      .describe('For advice: whether the municipality follows it'),
    proposedAnswer: z.record(z.string(), z.unknown()).nullable().describe('With four-eyes review: the answer waiting for the advisor (staff only)'),
    links: z.array(z.object({ id: z.uuid(), kind: z.enum(['duplicateOf', 'duplicatedBy', 'related']), title: z.string(), state: z.enum(requestStates) })),
    timeline: z.array(requestEventSchema),
    allowedActions: z.array(z.enum(requestUserActions)).describe('What you may do with this request now: its state × your roles'),
    isFollowing: z.boolean().nullable().describe('Whether you follow this public request (PUT/DELETE …/following); null when following does not apply to you'),
    version: z.number().int(),
  })
  .meta({ id: 'Request' });

export const requestListSchema = pageSchema(requestSummarySchema).meta({ id: 'RequestList' });
export const requestListQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  state: z.enum(requestStates).optional(),
  kind: z.enum(requestKinds).optional(),
  verdict: z.enum(['nu', 'ooit', 'nooit']).optional(),
  departmentId: z.uuid().optional(),
  themeId: z.uuid().optional(),
  councilId: z.uuid().optional().describe('Only requests submitted on behalf of this council'),
  isOverdue: z.enum(['true', 'false']).optional().describe('Only requests past their acknowledge or answer deadline'),
  isOpen: z.enum(['true', 'false']).optional().describe('Only requests still waiting for an answer (submitted, acknowledged, routed)'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only your own work: an advisor’s neighbourhoods (and city-wide requests), an officer’s departments (lead or contributing), a council member’s council, a partner’s organisation, an alderman’s portfolios (their departments, subjects and neighbourhoods), a resident’s own requests'),
  isFollowed: z.enum(['true', 'false']).optional().describe('Only the public requests you follow'),
  decidingBody: z.enum(decidingBodies).optional().describe('Only advice whose recorded position names this deciding body (college: the advice the college deviates from)'),
  sort: z.enum(['newest', 'deadline']).default('newest').describe('newest first, or the nearest answer deadline first'),
  search: z.string().trim().min(2).max(200).optional().describe('Dutch full-text search in title and text; a reference (HLM-2026-0142) finds exactly that request'),
});
export const postMessageBody = z
  .object({
    text: z.string().trim().min(2).max(5000),
    isInternal: z.boolean().default(false).describe('An internal note: only municipal staff ever see it'),
  })
  .meta({ id: 'PostRequestMessage' });

export const changeVerdictBody = answerRequestBody;

export const advicePositionBody = z
  .object({
    version,
    position: z.enum(advicePositions),
    motivation: z.string().trim().max(5000).default(''),
    decidingBody: z.enum(decidingBodies).nullable().optional().describe('Required when deviating: college or council (raad) in a formal consultation, otherwise the department'),
  })
  .meta({ id: 'RecordAdvicePosition' });

export const linkRequestBody = z
  .object({ version, relatedRequestId: z.uuid(), kind: z.enum(['duplicate', 'related']).describe('duplicate: this request is a duplicate of the other and is closed') })
  .meta({ id: 'LinkRequest' });
export const linkParams = z.object({ municipality: z.string(), requestId: z.uuid(), relatedRequestId: z.uuid() });

export const updateReferralBody = z
  .object({
    version,
    state: z.enum(['pickedUp', 'fedBack']).describe('pickedUp: the team took it on; fedBack: the team reported back'),
    feedback: z.string().trim().max(4000).nullable().optional().describe('What the team reported; required with fedBack. Staff only: it may name people'),
  })
  .refine((body) => body.state !== 'fedBack' || (body.feedback?.length ?? 0) >= 10, { message: 'field:feedbackRequired', path: ['feedback'] })
  .meta({ id: 'UpdateReferral' });

export const setFormalInspraakBody = z
  .object({ version, isFormalInspraak: z.boolean().describe('True when the advice is part of a formal inspraak procedure') })
  .meta({ id: 'SetFormalInspraak' });

export const recordCarriedOutBody = z
  .object({ version, carriedOutOn: isoDate.describe('The day the promised action was done'), text: z.string().trim().max(2000).nullable().optional().describe('What was done, in plain language') })
  .meta({ id: 'RecordCarriedOut' });

export const referRequestBody = z.object({ version, teamCode: z.string().trim().min(2).max(30), note: z.string().trim().max(2000).nullable().optional() }).meta({ id: 'ReferRequest' });

export const reviewAnswerBody = z
  .object({ version, decision: z.enum(['approve', 'return']), comment: z.string().trim().max(2000).nullable().optional().describe('Required when returning: what to change') })
  .refine((body) => body.decision === 'approve' || (body.comment?.length ?? 0) >= 10, { message: 'field:required', path: ['comment'] })
  .meta({ id: 'ReviewAnswer' });

export const requestParams = z.object({ municipality: z.string(), requestId: z.uuid() });
export const followingSchema = z.object({ isFollowing: z.boolean() }).meta({ id: 'Following' });
/** Reading one request takes its id or its reference; anything else is simply not found (404). */
export const requestLookupParams = z.object({ municipality: z.string(), requestId: z.string().max(64).describe('The request’s id or its reference, e.g. HLM-2026-0142') });

export type SubmitRequest = z.infer<typeof submitRequestBody>;
export type AnswerRequest = z.infer<typeof answerRequestBody>;
export type AdvicePositionInput = z.infer<typeof advicePositionBody>;
export type RouteRequest = z.infer<typeof routeRequestBody>;
export type RequestListQuery = z.infer<typeof requestListQuery>;
