import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import {
  actionParams,
  actionSchema,
  challengeBody,
  challengeParams,
  challengeSchema,
  contributeBody,
  contributionParams,
  contributionSchema,
  createActionBody,
  deleteWithVersionQuery,
  handleContributionBody,
  invitationSchema,
  inviteBody,
  pointBody,
  pointParams,
  pointSchema,
  postProgressBody,
  postedProgressSchema,
  progressHistorySchema,
  updateActionBody,
  updateChallengeBody,
} from './action-plan-content.contract.ts';
import type { ActionPlanContentService } from './action-plan-content.service.ts';
import type { ActionPlanContributionService } from './action-plan-contribution.service.ts';
import { planParams } from './action-plan.contract.ts';
import type { ActionProgressService } from './action-progress.service.ts';

const tags = ['Action plans'];
const writeProblems = problemResponses(401, 403, 404, 409);

export function registerActionPlanContentRoutes(
  scope: FastifyInstance,
  services: { content: ActionPlanContentService; contributions: ActionPlanContributionService; progress: ActionProgressService },
) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { content, contributions, progress } = services;

  app.post(
    '/action-plans/:planId/challenges',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'addActionPlanChallenge', tags, description: 'A challenge (opgave) with its themes.', params: planParams, body: challengeBody, response: { 201: challengeSchema, ...writeProblems } } },
    async (request, reply) => reply.code(201).send(await content.addChallenge(contextOf(request), request.params.planId, request.body)),
  );
  app.patch(
    '/action-plan-challenges/:challengeId',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'updateActionPlanChallenge', tags, params: challengeParams, body: updateChallengeBody, response: { 200: challengeSchema, ...writeProblems } } },
    async (request) => content.updateChallenge(contextOf(request), request.params.challengeId, request.body),
  );
  app.delete(
    '/action-plan-challenges/:challengeId',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'deleteActionPlanChallenge', tags, description: 'Removes the challenge and its actions; contributions taken over into them go back to “submitted”.', params: challengeParams, response: { 204: z.null(), ...writeProblems } } },
    async (request, reply) => {
      await content.deleteChallenge(contextOf(request), request.params.challengeId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/action-plan-challenges/:challengeId/actions',
    {
      config: { access: 'actionPlan.manage' },
      schema: { operationId: 'addAction', tags, description: 'A SMART action under the challenge, optionally taking up a request or an agreement from meeting minutes.', params: challengeParams, body: createActionBody, response: { 201: actionSchema, ...writeProblems } },
    },
    async (request, reply) => reply.code(201).send(await content.addAction(contextOf(request), request.params.challengeId, request.body)),
  );
  app.patch(
    '/action-plan-actions/:actionId',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'updateAction', tags, params: actionParams, body: updateActionBody, response: { 200: actionSchema, ...writeProblems } } },
    async (request) => content.updateAction(contextOf(request), request.params.actionId, request.body),
  );
  app.delete(
    '/action-plan-actions/:actionId',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'deleteAction', tags, params: actionParams, querystring: deleteWithVersionQuery, response: { 204: z.null(), ...writeProblems } } },
    async (request, reply) => {
      await content.deleteAction(contextOf(request), request.params.actionId, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/action-plans/:planId/points',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'addActionPlanPoint', tags, description: 'A discussion or decision point for the wijktafel.', params: planParams, body: pointBody, response: { 201: pointSchema, ...writeProblems } } },
    async (request, reply) => reply.code(201).send(await content.addPoint(contextOf(request), request.params.planId, request.body)),
  );
  app.delete(
    '/action-plan-points/:pointId',
    { config: { access: 'actionPlan.manage' }, schema: { operationId: 'deleteActionPlanPoint', tags, params: pointParams, response: { 204: z.null(), ...writeProblems } } },
    async (request, reply) => {
      await content.deletePoint(contextOf(request), request.params.pointId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/action-plans/:planId/invitations',
    {
      config: { access: 'actionPlan.manage' },
      schema: { operationId: 'inviteToActionPlan', tags, description: 'Asks parties to contribute by a due date; while collecting, they hear at once.', params: planParams, body: inviteBody, response: { 201: z.array(invitationSchema), ...writeProblems } },
    },
    async (request, reply) => reply.code(201).send(await contributions.invite(contextOf(request), request.params.planId, request.body)),
  );
  app.post(
    '/action-plans/:planId/contributions',
    {
      config: { access: 'actionPlan.contribute' },
      schema: { operationId: 'contributeToActionPlan', tags, description: 'An invited party proposes an action under a challenge, while the plan collects contributions.', params: planParams, body: contributeBody, response: { 201: contributionSchema, ...writeProblems } },
    },
    async (request, reply) => reply.code(201).send(await contributions.contribute(contextOf(request), request.params.planId, request.body)),
  );
  app.post(
    '/action-plan-contributions/:planContributionId/handling',
    {
      config: { access: 'actionPlan.manage' },
      schema: {
        operationId: 'handleContribution',
        tags,
        description: 'Takes the contribution over into the plan (as an action owned by the contributing party), merges it into an existing action, or declines it with a reason; the party hears which.',
        params: contributionParams,
        body: handleContributionBody,
        response: { 200: contributionSchema, ...writeProblems },
      },
    },
    async (request) => contributions.handle(contextOf(request), request.params.planContributionId, request.body),
  );

  app.post(
    '/action-plan-actions/:actionId/progress',
    {
      config: { access: 'actionPlan.postProgress' },
      schema: { operationId: 'postActionProgress', tags, description: 'The owner (or the advisor) reports progress: status, the indicator’s current value, a note; dropping needs a reason.', params: actionParams, body: postProgressBody, response: { 200: postedProgressSchema, ...writeProblems } },
    },
    async (request) => progress.postProgress(contextOf(request), request.params.actionId, request.body),
  );
  app.get(
    '/action-plan-actions/:actionId/progress',
    { config: { access: 'actionPlan.view' }, schema: { operationId: 'listActionProgress', tags, description: 'Every progress report on the action, newest first, each with its evidence.', params: actionParams, response: { 200: progressHistorySchema, ...problemResponses(401, 403, 404) } } },
    async (request) => progress.progressHistory(contextOf(request), request.params.actionId),
  );
}
