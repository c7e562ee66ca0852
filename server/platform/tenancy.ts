import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  /** The CBS municipality code ("GM0794"), for services that filter by it (address lookup). */
  cbsCode?: string | null;
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
  // Callback style with a synchronous cache hit: this runs on every tenant request.
  scope.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    const slug = (request.params as { municipality?: string }).municipality ?? '';
    const entry = cache.get(slug);
    if (entry && entry.until >= Date.now()) return finish(request, slug, entry.tenant, done);
    findBySlug(slug).then(
      (tenant) => {
        if (cache.size > 1000) cache.clear();
        cache.set(slug, { tenant, until: Date.now() + cacheMs });
        finish(request, slug, tenant, done);
      },
      (error) => done(error),
    );
  });
}

function finish(request: FastifyRequest, slug: string, tenant: Tenant | undefined, done: (error?: Error) => void) {
  if (!tenant) return done(new DomainError('MUNICIPALITY_NOT_FOUND', { params: { slug: slug.slice(0, 60) } }));
  request.tenant = tenant;
  done();
}
