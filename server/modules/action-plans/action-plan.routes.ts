import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  actionPlanListQuery,
  actionPlanListSchema,
  actionPlanMethodSchema,
  actionPlanSchema,
  adoptActionPlanBody,
  createActionPlanBody,
  openRevisionBody,
  planParams,
  planTransitionBody,
  planVersionParams,
  planVersionSchema,
  publishActionPlanMethodBody,
  smartCheckSchema,
  updateActionPlanBody,
  versionChangesQuery,
} from './action-plan.contract.ts';
import type { ActionPlanService } from './action-plan.service.ts';

const tags = ['Action plans'];
const writeProblems = problemResponses(401, 403, 404, 409);

export function registerActionPlanRoutes(scope: FastifyInstance, service: ActionPlanService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/action-plan-method',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'getActionPlanMethod',
        tags,
        description: 'The municipality’s way of working for action plans, published for councils and partners: the plan’s sections, who delivers what, how many weeks before the wijktafel, and how often progress is reported.',
        params: municipalityParams,
        response: { 200: actionPlanMethodSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.getMethod(contextOf(request)),
  );
  app.put(
    '/action-plan-method',
    {
      config: { access: 'actionPlan.manageMethod' },
      schema: { operationId: 'publishActionPlanMethod', tags, description: 'Sets and publishes the way of working (advisors and administrators).', params: municipalityParams, body: publishActionPlanMethodBody, response: { 200: actionPlanMethodSchema, ...writeProblems } },
    },
    async (request) => service.publishMethod(contextOf(request), request.body),
  );

  app.get(
    '/action-plans',
    {
      config: { access: 'actionPlan.view' },
      schema: {
        operationId: 'listActionPlans',
        tags,
        description: 'Municipal staff see every plan; a council member the plans of their neighbourhood; a partner the plans it is invited to or owns an action in. Drafts are for staff only.',
        params: municipalityParams,
        querystring: actionPlanListQuery,
        response: { 200: actionPlanListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => service.listPlans(contextOf(request), request.query),
  );
  app.post(
    '/action-plans',
    {
      config: { access: 'actionPlan.manage' },
      schema: { operationId: 'createActionPlan', tags, description: 'The neighbourhood’s advisor starts the plan for a planned wijktafel; it begins as a draft.', params: municipalityParams, body: createActionPlanBody, response: { 201: actionPlanSchema, ...writeProblems } },
    },
    async (request, reply) => reply.code(201).send(await service.createPlan(contextOf(request), request.body)),
  );
  app.get(
    '/action-plans/:planId',
    {
      config: { access: 'actionPlan.view' },
      schema: { operationId: 'getActionPlan', tags, description: 'The plan with its challenges, actions, points, invitations, contributions, versions and roll-up, and what you may do.', params: planParams, response: { 200: actionPlanSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.getPlan(contextOf(request), request.params.planId),
  );
  app.patch(
    '/action-plans/:planId',
    {
      config: { access: 'actionPlan.manage' },
      schema: { operationId: 'updateActionPlan', tags, description: 'Title, period, contributions due date and report interval; not once adopted, unless a new version is open.', params: planParams, body: updateActionPlanBody, response: { 200: actionPlanSchema, ...writeProblems } },
    },
    async (request) => service.updatePlan(contextOf(request), request.params.planId, request.body),
  );
  app.post(
    '/action-plans/:planId/transitions',
    {
      config: { access: 'actionPlan.manage' },
      schema: {
        operationId: 'changeActionPlanPhase',
        tags,
        description:
          'startCollecting (draft → collecting; the invited parties hear), markReady (collecting → ready for the wijktafel), reopenCollecting (ready → collecting), startExecution (adopted → in execution; also happens at the first progress report), close (at the next wijktafel).',
        params: planParams,
        body: planTransitionBody,
        response: { 200: actionPlanSchema, ...writeProblems },
      },
    },
    async (request) => service.transition(contextOf(request), request.params.planId, request.body),
  );
  app.get(
    '/action-plans/:planId/smart-check',
    {
      config: { access: 'actionPlan.view' },
      schema: { operationId: 'checkActionPlanSmart', tags, description: 'Per action and field: what is not yet SMART. Errors block adoption; warnings can be accepted with a reason.', params: planParams, response: { 200: smartCheckSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.smartCheck(contextOf(request), request.params.planId),
  );
  app.post(
    '/action-plans/:planId/versions',
    {
      config: { access: 'actionPlan.manage' },
      schema: {
        operationId: 'adoptActionPlan',
        tags,
        description: 'Adopts the plan as its next numbered version, at or right after the wijktafel. Refused (409) while the SMART check has errors or a warning is not accepted with a reason. From version 2 on a change log is required.',
        params: planParams,
        body: adoptActionPlanBody,
        response: { 200: actionPlanSchema, ...writeProblems },
      },
    },
    async (request) => service.adopt(contextOf(request), request.params.planId, request.body),
  );
  app.post(
    '/action-plans/:planId/revision',
    {
      config: { access: 'actionPlan.manage' },
      schema: { operationId: 'openActionPlanRevision', tags, description: 'Opens a new version of an adopted plan: its content can change until that version is adopted. The adopted versions stay as they are.', params: planParams, body: openRevisionBody, response: { 200: actionPlanSchema, ...writeProblems } },
    },
    async (request) => service.openRevision(contextOf(request), request.params.planId, request.body),
  );
  app.get(
    '/action-plans/:planId/versions/:number',
    {
      config: { access: 'actionPlan.view' },
      schema: { operationId: 'getActionPlanVersion', tags, description: 'An adopted version as it was adopted, with what changed since the previous one.', params: planVersionParams, response: { 200: planVersionSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.getVersion(contextOf(request), request.params.planId, request.params.number),
  );
  app.get(
    '/action-plans/:planId/versions/:number/changes',
    {
      config: { access: 'actionPlan.view' },
      schema: {
        operationId: 'compareActionPlanVersions',
        tags,
        description: 'The differences between an older version (from) and this one: challenges and actions added, removed, moved or changed, field by field.',
        params: planVersionParams,
        querystring: versionChangesQuery,
        response: { 200: z.object({ planId: z.uuid(), from: z.number().int(), to: z.number().int(), changes: z.array(z.unknown()) }).meta({ id: 'ActionPlanVersionChanges' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.versionChanges(contextOf(request), request.params.planId, request.params.number, request.query.from),
  );
}
