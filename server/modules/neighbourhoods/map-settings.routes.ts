import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../platform/openapi.ts';
import { type MapSettings, mapSettingsSchema } from './map-settings.contract.ts';

/**
 * How maps are drawn, the same for every municipality of this installation: it comes from the configuration,
 * so one web build serves every municipality. Browsers and proxies may keep it a few minutes; a changed
 * configuration (a restart) reaches them within that time.
 */
export function registerMapSettingsRoutes(api: FastifyInstance, settings: MapSettings) {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/map-settings',
    {
      config: { access: 'public' },
      schema: { operationId: 'getMapSettings', tags: ['Neighbourhoods'], summary: 'The base map under the neighbourhood boundaries, if any', response: { 200: mapSettingsSchema, ...problemResponses() } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return settings;
    },
  );
}
