import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { accessibilityStatementSchema, updateAccessibilityStatementBody } from './accessibility-statement.contract.ts';
import type { AccessibilityStatementService } from './accessibility-statement.service.ts';
import { municipalityParams } from './municipality.contract.ts';

export function registerAccessibilityStatementRoutes(scope: FastifyInstance, service: AccessibilityStatementService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['Municipalities'];
  app.get(
    '/accessibility-statement',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getAccessibilityStatement',
        tags,
        summary: 'The municipality’s accessibility statement (toegankelijkheidsverklaring): status, date, known issues, contact',
        params: municipalityParams,
        response: { 200: accessibilityStatementSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.getStatement(contextOf(request)),
  );
  app.put(
    '/accessibility-statement',
    {
      config: { access: 'municipality.manageStatements' },
      schema: {
        operationId: 'updateAccessibilityStatement',
        tags,
        summary: 'The municipality’s own part of the accessibility statement',
        params: municipalityParams,
        body: updateAccessibilityStatementBody,
        response: { 200: accessibilityStatementSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.updateStatement(contextOf(request), request.body),
  );
}
