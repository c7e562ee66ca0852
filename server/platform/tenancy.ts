import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant: Tenant;
  }
}

/**
 * The tenant is the first path segment after /api/v1/municipalities: explicit in every URL, so links,
 * caches and logs always say which municipality they concern, and one host can serve many.
 */
export function registerTenancy(scope: FastifyInstance, findBySlug: (slug: string) => Promise<Tenant | undefined>) {
  const cache = new Map<string, { tenant: Tenant | undefined; until: number }>();
  const cacheMs = 30_000;

  scope.decorateRequest('tenant', undefined as unknown as Tenant);
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const slug = (request.params as { municipality?: string }).municipality ?? '';
    const now = Date.now();
    let entry = cache.get(slug);
    if (!entry || entry.until < now) {
      entry = { tenant: await findBySlug(slug), until: now + cacheMs };
      if (cache.size > 1000) cache.clear();
      cache.set(slug, entry);
    }
    if (!entry.tenant) throw new DomainError('MUNICIPALITY_NOT_FOUND', { params: { slug: slug.slice(0, 60) } });
    request.tenant = entry.tenant;
  });
}
