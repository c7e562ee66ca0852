import type { UseCaseContext } from '../../platform/context.ts';
import { scopeIdsOf } from '../../platform/permissions.ts';
import type { RequestListQuery } from './request.contract.ts';
import type { RequestFilter } from './request.repository.ts';

type ListFilterQuery = Omit<RequestListQuery, 'page' | 'pageSize' | 'sort'> & { sort?: RequestListQuery['sort'] };

/**
 * The query of the list (and the export) as the repository's filter: "overdue" becomes today's date, and "mine"
 * becomes the caller's own scopes, so an advisor's inbox is filtered and paged in SQL, not in the browser.
 */
export function listFilterOf(context: UseCaseContext, query: ListFilterQuery, today: string, settings: { cityWideAdvisorUserId: string | null }): Omit<RequestFilter, 'offset' | 'limit'> {
  const { isOverdue, isOpen, mine, isFollowed, ...rest } = query;
  const actor = context.actor;
  const advisorNeighbourhoods = scopeIdsOf(actor, 'advisor');
  return {
    ...rest,
    overdueOn: isOverdue === 'true' ? today : undefined,
    isOpen: isOpen === 'true',
    mine:
      mine === 'true'
        ? {
            neighbourhoodIds: advisorNeighbourhoods,
            // City-wide requests have no neighbourhood: they are the city-wide advisor's, or while none is set, every
            // advisor's to pick up (§3.3).
            includesCityWide: advisorNeighbourhoods.length > 0 && (settings.cityWideAdvisorUserId === null || settings.cityWideAdvisorUserId === actor?.userId),
            departmentIds: scopeIdsOf(actor, 'officer'),
            councilIds: scopeIdsOf(actor, 'council_member'),
            partnerOrganisationIds: scopeIdsOf(actor, 'partner'),
            portfolioIds: scopeIdsOf(actor, 'alderman'),
            submitterUserId: actor?.userId ?? null,
          }
        : undefined,
    // A visitor follows nothing: the filter then finds nothing rather than everything.
    followedByUserId: isFollowed === 'true' ? (actor?.userId ?? '00000000-0000-0000-0000-000000000000') : undefined,
  };
}
