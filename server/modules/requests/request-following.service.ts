import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { accessTo } from './request.policy.ts';
import { requestErrors } from './request.errors.ts';
import { createRequestFollowerRepository } from './request-follower.repository.ts';
import type { RequestSteps } from './request-steps.ts';

/**
 * Following a public request (Decidim's "follow"): anyone logged in hears when it is acknowledged, answered,
 * updated or closed. Its submitter's side hears of all that anyway, so for them there is nothing to follow.
 */
export function createFollowingService(steps: RequestSteps) {
  const { db, clock } = steps;

  async function change(context: UseCaseContext, requestId: string, isFollowing: boolean) {
    const actor = context.actor;
    if (!actor) throw new DomainError('NOT_AUTHENTICATED');
    return inTransaction(db, async (tx) => {
      const row = await steps.loadVisible(tx, context, requestId);
      if (!row.isPublic) throw new DomainError(requestErrors.NOT_FOLLOWABLE);
      const access = accessTo(actor, row, await steps.settingsOf(tx, row.municipalityId));
      if (access.isSubmitterSide) throw new DomainError(requestErrors.NOT_FOLLOWABLE);
      const followers = createRequestFollowerRepository(tx);
      const isChanged = isFollowing
        ? await followers.follow({ municipalityId: context.municipalityId, requestId: row.id, userId: actor.userId, createdAt: clock.now() })
        : await followers.unfollow(context.municipalityId, row.id, actor.userId);
      if (isChanged) await recordAudit(tx, clock, context, { action: isFollowing ? 'request.follow' : 'request.unfollow', entityType: 'request', entityId: row.id });
      return { isFollowing };
    });
  }

  return {
    followRequest: (context: UseCaseContext, requestId: string) => change(context, requestId, true),
    unfollowRequest: (context: UseCaseContext, requestId: string) => change(context, requestId, false),
  };
}
