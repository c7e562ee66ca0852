import type { Executor } from '../../db/client.ts';
import { DomainError } from '../../platform/errors.ts';
import { presentMunicipality } from './municipality.presenter.ts';
import { createMunicipalityRepository } from './municipality.repository.ts';

export function createMunicipalityService(dependencies: { db: Executor }) {
  const repository = () => createMunicipalityRepository(dependencies.db);
  return {
    async listMunicipalities() {
      return (await repository().list()).map(presentMunicipality);
    },
    async getMunicipality(slug: string) {
      const row = await repository().findBySlug(slug);
      if (!row) throw new DomainError('MUNICIPALITY_NOT_FOUND', { params: { slug: slug.slice(0, 60) } });
      return presentMunicipality(row);
    },
    async findTenant(slug: string) {
      const row = await repository().findBySlug(slug);
      return row ? { id: row.id, slug: row.slug, name: row.name, cbsCode: row.cbsCode } : undefined;
    },
  };
}

export type MunicipalityService = ReturnType<typeof createMunicipalityService>;
