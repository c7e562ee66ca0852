import { createFollowingService } from './request-following.service.ts';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { scopeIdsOf } from '../../platform/permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { RequestListQuery, SubmitRequest } from './request.contract.ts';
import { createAdviceRequestRepository } from './advice-request.repository.ts';
import { canSubmit, checkOnBehalfOf, isStaff } from './request.policy.ts';
import { presentRequestSummary } from './request.presenter.ts';
import { createRequestRepository, type RequestViewer } from './request.repository.ts';
import { checkSupportStatement, deadlinesFor, weightOf } from './request.rules.ts';
import { createAnswerService } from './request-answer.service.ts';
import { createConversationService } from './request-conversation.service.ts';
import { createRequestSettingsService } from './request-settings.service.ts';
import { allocateRequestReference } from './request-reference.ts';
import { deadlinePolicyFor } from './request-settings.rules.ts';
import { listFilterOf } from './request-filter.ts';
import { createRequestSteps, type RequestServiceDependencies, unknownReference } from './request-steps.ts';
import { requestNotices } from './request.notices.ts';
import { createTriageService } from './request-triage.service.ts';

/** The advice request an advice answers: of this municipality, sent to the council the advice is given for. */
async function checkedAdviceRequest(tx: Executor, context: UseCaseContext, input: SubmitRequest) {
  const asked = await createAdviceRequestRepository(tx).findById(context.municipalityId, input.adviceRequestId!);
  if (!asked) throw unknownReference('body.adviceRequestId');
  if (input.kind !== 'advice_solicited') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.kind', code: 'answerIsSolicitedAdvice' }] });
  const sentTo = await createAdviceRequestRepository(tx).councilIdsOf(context.municipalityId, asked.id);
  if (!input.councilId || !sentTo.includes(input.councilId)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.councilId', code: 'notAskedThisCouncil' }] });
  return asked;
}

/** Submitting, reading and listing; the other use cases live beside this file, one concern each. */
export function createRequestService(dependencies: RequestServiceDependencies) {
  const { db, clock } = dependencies;
  const steps = createRequestSteps(dependencies);

  function viewerOf(context: UseCaseContext): RequestViewer {
    if (isStaff(context.actor)) return { isStaff: true };
    return { isStaff: false, userId: context.actor?.userId ?? null, councilIds: scopeIdsOf(context.actor, 'council_member') };
  }

  return {
    ...createTriageService(steps),
    ...createAnswerService(steps),
    ...createConversationService(steps),
    ...createRequestSettingsService(steps),
    ...createFollowingService(steps),

    async submitRequest(context: UseCaseContext, input: SubmitRequest) {
      if (!canSubmit(context.actor)) throw new DomainError('FORBIDDEN');
      const problems = [...checkOnBehalfOf(context.actor, input), ...checkSupportStatement(input.kind, Boolean(input.councilId), input.supportStatement)];
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const actor = context.actor!;
      return inTransaction(db, async (tx: Executor) => {
        const repository = createRequestRepository(tx);
        if (input.neighbourhoodId && !(await repository.neighbourhoodExists(context.municipalityId, input.neighbourhoodId))) throw unknownReference('body.neighbourhoodId');
        const asked = input.adviceRequestId ? await checkedAdviceRequest(tx, context, input) : null;
        if (input.areaId && !(await repository.areaExists(context.municipalityId, input.areaId, input.neighbourhoodId))) throw unknownReference('body.areaId');
        if (!(await repository.themesExist(context.municipalityId, input.themeIds))) throw unknownReference('body.themeIds');
        if (input.partnerOrganisationId && !(await repository.partnerOrganisationExists(context.municipalityId, input.partnerOrganisationId))) throw unknownReference('body.partnerOrganisationId');
        const settings = await steps.settingsOf(tx, context.municipalityId);
        const now = clock.now();
        const submittedOn = dateInAmsterdam(now);
        const row = await repository.insert(
          {
            municipalityId: context.municipalityId,
            reference: await allocateRequestReference(tx, context.municipalityId, now),
            kind: input.kind,
            title: input.title,
            body: input.body,
            neighbourhoodId: input.neighbourhoodId,
            areaId: input.areaId ?? null,
            latitude: input.location?.latitude ?? null,
            longitude: input.location?.longitude ?? null,
            scale: input.scale,
            weight: weightOf(input.scale, settings.weightByScale),
            isPublic: input.isPublic,
            state: 'submitted',
            submitterUserId: actor.userId,
            councilId: input.councilId ?? null,
            partnerOrganisationId: input.partnerOrganisationId ?? null,
            supportStatement: input.supportStatement ?? null,
            adviceRequestId: asked?.id ?? null,
            // Formal inspraak is the municipality's to say: asked advice takes it from the request for advice.
            isFormalInspraak: asked?.isFormalInspraak ?? false,
            ...deadlinesFor(submittedOn, deadlinePolicyFor(settings, input.kind)),
            createdAt: now,
            updatedAt: now,
          },
          input.themeIds,
        );
        await steps.addEvent(tx, context, row.id, { kind: 'submitted' });
        await recordAudit(tx, clock, context, { action: 'request.submit', entityType: 'request', entityId: row.id, after: row });
        // The neighbourhood's advisors, or the city-wide advisor, are the first point of contact (§3.3).
        await steps.notify(tx, row, await steps.advisorsOf(tx, row), { topic: 'request.submitted', notice: requestNotices.submitted(row) }, context);
        // The submitter hears at once that it arrived: the reference, what happens next and by when.
        await steps.notify(tx, row, [actor.userId], { topic: 'request.received', notice: requestNotices.received(row) }, context);
        return steps.present(tx, context, row);
      });
    },

    async getRequest(context: UseCaseContext, requestId: string) {
      return steps.present(db, context, await steps.loadVisible(db, context, requestId));
    },

    async listRequests(context: UseCaseContext, query: RequestListQuery) {
      const now = clock.now();
      const { page: _page, pageSize: _pageSize, ...filter } = query;
      const { rows, total } = await createRequestRepository(db).list(context.municipalityId, viewerOf(context), {
        ...listFilterOf(context, filter, dateInAmsterdam(now), await steps.settingsOf(db, context.municipalityId)),
        offset: offsetOf(query),
        limit: query.pageSize,
      });
      return pageOf(rows.map((row) => presentRequestSummary(row.request, row.neighbourhoodName, now)), total, query);
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
