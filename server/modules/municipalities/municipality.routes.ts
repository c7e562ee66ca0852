import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityListSchema, municipalityParams, municipalitySchema } from './municipality.contract.ts';
import type { MunicipalityService } from './municipality.service.ts';

export function registerMunicipalityRoutes(api: FastifyInstance, service: MunicipalityService) {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/municipalities',
    {
      config: { access: 'public' },
      schema: { operationId: 'listMunicipalities', tags: ['Municipalities'], summary: 'Municipalities served by this installation', response: { 200: municipalityListSchema, ...problemResponses() } },
    },
    async () => ({ items: await service.listMunicipalities() }),
  );
  app.get(
    '/municipalities/:municipality',
    {
      config: { access: 'public' },
      schema: { operationId: 'getMunicipality', tags: ['Municipalities'], params: municipalityParams, response: { 200: municipalitySchema, ...problemResponses(404) } },
    },
    async (request) => service.getMunicipality(request.params.municipality),
  );
}
