import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { notifyUsers } from '../notifications/index.ts';
import { findScopeMembers } from '../users/index.ts';
import type { AdviceRequestListQuery, CreateAdviceRequest } from './advice-request.contract.ts';
import { presentAdviceRequest, presentAdviceRequestSummary } from './advice-request.presenter.ts';
import { createAdviceRequestRepository } from './advice-request.repository.ts';
import { isStaff } from './request.policy.ts';
import { createRequestRepository } from './request.repository.ts';
import type { RequestServiceDependencies } from './request-steps.ts';
import { requestNotices } from './request.notices.ts';
import { requestPermissions } from './request.permissions.ts';

/**
 * The municipality asks councils for advice (§3.1 "gevraagd advies"): the question, its documents, a due date and
 * whether it is formal inspraak. Each council answers with an advice in the answer protocol, linked back here.
 */
export function createAdviceRequestService(dependencies: RequestServiceDependencies) {
  const { db, clock } = dependencies;
  const publicUrl = dependencies.publicUrl ?? 'http://localhost:3000';

  /** Staff see every advice request; a council member those sent to their council. */
  function visibleCouncilIds(context: UseCaseContext): string[] | undefined {
    if (isStaff(context.actor)) return undefined;
    return scopeIdsOf(context.actor, 'council_member');
  }

  return {
    async createAdviceRequest(context: UseCaseContext, input: CreateAdviceRequest) {
      if (!can(context.actor, requestPermissions['adviceRequest.create'])) throw new DomainError('FORBIDDEN');
      const today = dateInAmsterdam(clock.now());
      const problems: FieldProblem[] = [];
      if (input.dueOn < today) problems.push({ field: 'body.dueOn', code: 'dateInPast' });
      const councilIds = [...new Set(input.councilIds)];
      return inTransaction(db, async (tx) => {
        const requests = createRequestRepository(tx);
        if (!(await requests.councilsExist(context.municipalityId, councilIds))) problems.push({ field: 'body.councilIds', code: 'unknownReference' });
        if (input.departmentId && !(await requests.departmentExists(context.municipalityId, [input.departmentId]))) problems.push({ field: 'body.departmentId', code: 'unknownReference' });
        if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
        const now = clock.now();
        const repository = createAdviceRequestRepository(tx);
        const row = await repository.insert(
          {
            municipalityId: context.municipalityId,
            title: input.title,
            question: input.question,
            documents: input.documents,
            dueOn: input.dueOn,
            isFormalInspraak: input.isFormalInspraak,
            departmentId: input.departmentId ?? null,
            requestedByUserId: context.actor!.userId,
            createdAt: now,
            updatedAt: now,
          },
          councilIds,
        );
        await recordAudit(tx, clock, context, { action: 'adviceRequest.create', entityType: 'advice_request', entityId: row.id, after: { ...row, councilIds } });
        const members = await findScopeMembers(tx, context.municipalityId, 'council_member', councilIds);
        await notifyUsers(tx, clock, publicUrl, {
          municipalityId: context.municipalityId,
          recipientUserIds: [...new Set(members.map((member) => member.userId))],
          topic: 'adviceRequest.created',
          notice: requestNotices.adviceRequested(row),
          path: context.municipalitySlug ? `/${context.municipalitySlug}/adviesaanvragen/${row.id}` : undefined,
          payload: { adviceRequestId: row.id },
        });
        return presentAdviceRequest(row, await repository.namesFor(row, context.language), await repository.answersOf(context.municipalityId, row.id), []);
      });
    },

    async listAdviceRequests(context: UseCaseContext, query: AdviceRequestListQuery) {
      const own = visibleCouncilIds(context);
      if (own && own.length === 0) throw new DomainError('FORBIDDEN');
      const councilIds = query.councilId ? (own && !own.includes(query.councilId) ? [] : [query.councilId]) : own;
      const { rows, total } = await createAdviceRequestRepository(db).list(context.municipalityId, {
        councilIds,
        dueFrom: query.isOpen === 'true' ? dateInAmsterdam(clock.now()) : undefined,
        offset: offsetOf(query),
        limit: query.pageSize,
      });
      return pageOf(rows.map(presentAdviceRequestSummary), total, query);
    },

    async getAdviceRequest(context: UseCaseContext, adviceRequestId: string) {
      const repository = createAdviceRequestRepository(db);
      const row = await repository.findById(context.municipalityId, adviceRequestId);
      const own = visibleCouncilIds(context);
      const sentTo = row ? await repository.councilIdsOf(context.municipalityId, row.id) : [];
      // One not sent to your council does not exist for you.
      if (!row || (own && !sentTo.some((id) => own.includes(id)))) throw new DomainError('NOT_FOUND');
      const canAnswerFor = sentTo.filter((id) => scopeIdsOf(context.actor, 'council_member').includes(id));
      return presentAdviceRequest(row, await repository.namesFor(row, context.language), await repository.answersOf(context.municipalityId, row.id), canAnswerFor);
    },
  };
}

export type AdviceRequestService = ReturnType<typeof createAdviceRequestService>;
