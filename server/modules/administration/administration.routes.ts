import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { auditListQuery, auditListSchema, outboxListQuery, outboxListSchema, securityEventListQuery, securityEventListSchema } from './administration.contract.ts';
import type { AdministrationService } from './administration.service.ts';

export function registerAdministrationRoutes(scope: FastifyInstance, service: AdministrationService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/audit-log',
    {
      config: { access: 'audit.read' },
      schema: { operationId: 'browseAuditLog', tags: ['Administration'], summary: 'Every change, newest first', params: municipalityParams, querystring: auditListQuery, response: { 200: auditListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.browseAuditLog(contextOf(request), request.query),
  );
  app.get(
    '/security-events',
    {
      config: { access: 'securityEvents.read' },
      schema: {
        operationId: 'browseSecurityEvents',
        tags: ['Administration'],
        summary: 'Refused and suspicious requests, newest first',
        description: 'Failed logins, throttled logins, 401, 403, CSRF failures, rate limits (429) and invalid input (400) in this municipality. Never passwords, tokens, cookies, bodies or query strings.',
        params: municipalityParams,
        querystring: securityEventListQuery,
        response: { 200: securityEventListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.browseSecurityEvents(contextOf(request), request.query),
  );
  app.get(
    '/outbox',
    {
      config: { access: 'outbox.read' },
      schema: { operationId: 'browseOutbox', tags: ['Administration'], summary: 'Notifications sent, stored (no SMTP) or waiting', params: municipalityParams, querystring: outboxListQuery, response: { 200: outboxListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.browseOutbox(contextOf(request), request.query),
  );
}
