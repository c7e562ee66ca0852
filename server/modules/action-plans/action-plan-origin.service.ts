import type { Executor } from '../../db/client.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { isMunicipalStaff } from './action-plan-access.ts';
import { createActionPlanContentRepository } from './action-plan-content.repository.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';

/**
 * Where a request went into an action plan (§3.1: the answer ooit can become an action of the plan). The request's
 * readers see it: everyone for a public request, the submitter for their own, staff for all. Outsiders see only
 * actions of an adopted version, which is public anyway; staff see drafts and revisions too. A request the reader may not see is not found.
 */
export function createActionPlanOriginService(dependencies: { db: Executor }) {
  const { db } = dependencies;
  return {
    async actionsTakingUpRequest(context: UseCaseContext, requestId: string) {
      const content = createActionPlanContentRepository(db);
      const found = await content.findRequest(context.municipalityId, requestId);
      const isStaff = isMunicipalStaff(context);
      const isSubmitter = found !== undefined && context.actor?.userId === found.submitterUserId;
      if (!found || !(found.isPublic || isSubmitter || isStaff)) throw new DomainError('NOT_FOUND');
      const rows = await content.actionsTakingUp(context.municipalityId, requestId);
      // Outsiders see an action once the wijktafel adopted it: it must be in the plan's adopted version.
      const adopted = new Set<string>();
      if (!isStaff) {
        const plans = createActionPlanRepository(db);
        const adoptedPlans = new Map(rows.filter((item) => item.plan.currentVersionNumber !== null).map((item) => [item.plan.id, item.plan.currentVersionNumber!]));
        for (const [planId, number] of adoptedPlans) {
          const version = await plans.findVersion(context.municipalityId, planId, number);
          for (const challenge of version?.snapshot.challenges ?? []) for (const action of challenge.actions) adopted.add(action.id);
        }
      }
      return {
        items: rows
          .filter((row) => isStaff || adopted.has(row.action.id))
          .map((row) => ({
            action: row.action,
            plan: { id: row.plan.id, title: row.plan.title, state: row.plan.state, isAdopted: row.plan.currentVersionNumber !== null },
            neighbourhood: row.neighbourhood,
          })),
      };
    },
  };
}

export type ActionPlanOriginService = ReturnType<typeof createActionPlanOriginService>;
