import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { councilTerm, department, partnerOrganisation, portfolio, portfolioDepartment, portfolioNeighbourhood, portfolioTheme, theme } from './organisation.tables.ts';
import { isTermPeriodValid } from './organisation.rules.ts';
import type { ReferenceRow } from './reference-list.repository.ts';
import { createReferenceListService } from './reference-list.service.ts';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** The five reference lists of the municipal organisation, each with its own presenter and rules. */
export function createOrganisationServices(dependencies: { db: Executor; clock: Clock }) {
  return {
    departments: createReferenceListService(dependencies, {
      entityType: 'department',
      table: department,
      orderBy: [department.name],
      // Deleting a department ends the officer roles scoped to it but keeps the officers' accounts: the
      // admin closing a department expects its people to stay, to be given a new department on the users page,
      // rather than having to strip every officer's role first before the delete is allowed.
      scopeType: 'department',
      constraintFields: { department_code_key: 'body.code' },
      present: (row: ReferenceRow) => {
        const item = row as unknown as Row<typeof department>;
        return { id: item.id, code: item.code, name: item.name, nameEn: item.nameEn, contactEmail: item.contactEmail, version: item.version };
      },
    }),

    partnerOrganisations: createReferenceListService(dependencies, {
      entityType: 'partner_organisation',
      table: partnerOrganisation,
      orderBy: [partnerOrganisation.name],
      scopeType: 'partner_organisation',
      constraintFields: { partner_organisation_name_key: 'body.name' },
      present: (row: ReferenceRow) => {
        const item = row as unknown as Row<typeof partnerOrganisation>;
        return { id: item.id, name: item.name, nameEn: item.nameEn, kind: item.kind, contactEmail: item.contactEmail, version: item.version };
      },
    }),

    themes: createReferenceListService(dependencies, {
      entityType: 'theme',
      table: theme,
      orderBy: [theme.sortOrder, theme.nameNl],
      constraintFields: { theme_code_key: 'body.code' },
      // Requests stay tagged with their themes: a theme in use is retired with isActive=false, not deleted.
      referencedBy: 'request',
      present: (row: ReferenceRow) => {
        const item = row as unknown as Row<typeof theme>;
        return { id: item.id, code: item.code, nameNl: item.nameNl, nameEn: item.nameEn, isActive: item.isActive, sortOrder: item.sortOrder, version: item.version };
      },
    }),

    portfolios: createReferenceListService(dependencies, {
      entityType: 'portfolio',
      table: portfolio,
      orderBy: [portfolio.name],
      scopeType: 'portfolio',
      constraintFields: { portfolio_code_key: 'body.code' },
      links: [
        { field: 'departmentIds', table: portfolioDepartment, tenant: portfolioDepartment.municipalityId, owner: portfolioDepartment.portfolioId, target: portfolioDepartment.departmentId, ownerKey: 'portfolioId', targetKey: 'departmentId' },
        { field: 'themeIds', table: portfolioTheme, tenant: portfolioTheme.municipalityId, owner: portfolioTheme.portfolioId, target: portfolioTheme.themeId, ownerKey: 'portfolioId', targetKey: 'themeId' },
        {
          field: 'neighbourhoodIds',
          table: portfolioNeighbourhood,
          tenant: portfolioNeighbourhood.municipalityId,
          owner: portfolioNeighbourhood.portfolioId,
          target: portfolioNeighbourhood.neighbourhoodId,
          ownerKey: 'portfolioId',
          targetKey: 'neighbourhoodId',
        },
      ],
      present: (row: ReferenceRow) => {
        const item = row as unknown as Row<typeof portfolio> & { departmentIds: string[]; themeIds: string[]; neighbourhoodIds: string[] };
        return {
          id: item.id,
          code: item.code,
          name: item.name,
          nameEn: item.nameEn,
          isNeighbourhoodPolicy: item.isNeighbourhoodPolicy,
          departmentIds: item.departmentIds,
          themeIds: item.themeIds,
          neighbourhoodIds: item.neighbourhoodIds,
          version: item.version,
        };
      },
      // One alderman chairs the wijktafels: only one portfolio can be the neighbourhood-policy one.
      async check(repository, municipalityId, merged, id) {
        if (merged.isNeighbourhoodPolicy !== true) return;
        const [other] = (await repository.findWhere(municipalityId, portfolio.isNeighbourhoodPolicy, true)).filter((row) => row.id !== id);
        if (other) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isNeighbourhoodPolicy', code: 'neighbourhoodPolicyTaken', params: { name: String(other.name) } }] });
      },
    }),

    councilTerms: createReferenceListService(dependencies, {
      entityType: 'council_term',
      table: councilTerm,
      orderBy: [councilTerm.startsOn],
      constraintFields: {},
      present: (row: ReferenceRow) => {
        const item = row as unknown as Row<typeof councilTerm>;
        return { id: item.id, name: item.name, nameEn: item.nameEn, startsOn: item.startsOn, endsOn: item.endsOn, version: item.version };
      },
      async check(_repository, _municipalityId, merged) {
        if (!isTermPeriodValid(String(merged.startsOn), String(merged.endsOn))) {
          throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.endsOn', code: 'endBeforeStart' }] });
        }
      },
    }),
  };
}

export type OrganisationServices = ReturnType<typeof createOrganisationServices>;
