import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { scopeIdsOf } from '../../platform/permissions.ts';
import { dateInAmsterdam, addWeeks } from '../../platform/working-days.ts';
import { findScopeMembers } from '../users/index.ts';
import type { AnswerRequest, RequestListQuery, RouteRequest, SubmitRequest } from './request.contract.ts';
import { canAnswer, canSubmit, canTriage, isStaff, isSubmitterSide } from './request.policy.ts';
import { presentRequest, presentRequestSummary } from './request.presenter.ts';
import { createRequestRepository, type RequestRow, type RequestViewer } from './request.repository.ts';
import { checkSupportStatement, checkVerdict, deadlinesFor, type Verdict, weightOf } from './request.rules.ts';
import { type RequestAction, transition } from './request.workflow.ts';

const unknown = (field: string) => new DomainError('VALIDATION_FAILED', { fields: [{ field, code: 'unknownReference' }] });

export function createRequestService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  function viewerOf(context: UseCaseContext): RequestViewer {
    if (isStaff(context.actor)) return { isStaff: true };
    return { isStaff: false, userId: context.actor?.userId ?? null, councilIds: scopeIdsOf(context.actor, 'council_member') };
  }

  async function present(tx: Executor, context: UseCaseContext, row: RequestRow) {
    const repository = createRequestRepository(tx);
    const [names, themes, events] = await Promise.all([repository.namesFor(row), repository.themesOf(row.municipalityId, row.id), repository.eventsOf(row.municipalityId, row.id)]);
    return presentRequest(row, names, themes, events, { isStaff: isStaff(context.actor), isSubmitterSide: isSubmitterSide(context.actor, row), now: clock.now() });
  }

  /** Loads a request the actor may see; one they may not see does not exist for them (404, not 403). */
  async function loadVisible(tx: Executor, context: UseCaseContext, requestId: string): Promise<RequestRow> {
    const row = await createRequestRepository(tx).findById(context.municipalityId, requestId);
    if (!row || !(row.isPublic || isStaff(context.actor) || isSubmitterSide(context.actor, row))) throw new DomainError('NOT_FOUND');
    return row;
  }

  function assertTransition(row: RequestRow, action: RequestAction) {
    const result = transition(row.state, action);
    if (!result.isAllowed) throw new DomainError('INVALID_TRANSITION', { params: { state: row.state } });
    return result.to;
  }

  /** One step of the lifecycle: version check, timeline event, audit row and notification in one transaction. */
  async function step(
    context: UseCaseContext,
    requestId: string,
    options: { action: RequestAction; version: number; authorise(row: RequestRow): boolean; prepare(tx: Executor, row: RequestRow): Promise<Partial<RequestRow>>; event: { kind: string; text?: string | null; data?: unknown }; notify?(tx: Executor, row: RequestRow): Promise<void> },
  ) {
    return inTransaction(db, async (tx) => {
      const repository = createRequestRepository(tx);
      const before = await loadVisible(tx, context, requestId);
      if (!options.authorise(before)) throw new DomainError('FORBIDDEN');
      const state = assertTransition(before, options.action);
      const changes = await options.prepare(tx, before);
      const after = await repository.update(context.municipalityId, requestId, options.version, { ...changes, state, updatedAt: clock.now() });
      if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
      await repository.addEvent({ municipalityId: context.municipalityId, requestId, kind: options.event.kind, actorUserId: context.actor?.userId, actorLabel: context.actor?.displayName ?? 'system', text: options.event.text ?? null, data: options.event.data ?? null, occurredAt: clock.now() });
      await recordAudit(tx, clock, context, { action: `request.${options.action}`, entityType: 'request', entityId: requestId, before, after });
      await options.notify?.(tx, after);
      return present(tx, context, after);
    });
  }

  async function notifySubmitter(tx: Executor, row: RequestRow, subject: string, body: string) {
    await enqueueMessage(tx, clock, { municipalityId: row.municipalityId, channel: 'in_app', recipientUserId: row.submitterUserId, topic: 'request.update', subject, body, payload: { requestId: row.id } });
  }

  return {
    async submitRequest(context: UseCaseContext, input: SubmitRequest) {
      if (!canSubmit(context.actor, input)) throw new DomainError('FORBIDDEN');
      const problems = checkSupportStatement(input.kind, Boolean(input.councilId), input.supportStatement);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const actor = context.actor!;
      return inTransaction(db, async (tx) => {
        const repository = createRequestRepository(tx);
        if (input.neighbourhoodId && !(await repository.neighbourhoodExists(context.municipalityId, input.neighbourhoodId))) throw unknown('body.neighbourhoodId');
        if (!(await repository.themesExist(context.municipalityId, input.themeIds))) throw unknown('body.themeIds');
        const now = clock.now();
        const submittedOn = dateInAmsterdam(now);
        const row = await repository.insert(
          {
            municipalityId: context.municipalityId,
            kind: input.kind,
            title: input.title,
            body: input.body,
            neighbourhoodId: input.neighbourhoodId,
            areaId: input.areaId ?? null,
            latitude: input.location?.latitude ?? null,
            longitude: input.location?.longitude ?? null,
            scale: input.scale,
            weight: weightOf(input.scale),
            isPublic: input.isPublic,
            state: 'submitted',
            submitterUserId: actor.userId,
            councilId: input.councilId ?? null,
            partnerOrganisationId: input.partnerOrganisationId ?? null,
            supportStatement: input.supportStatement ?? null,
            ...deadlinesFor(submittedOn),
            createdAt: now,
            updatedAt: now,
          },
          input.themeIds,
        );
        await repository.addEvent({ municipalityId: context.municipalityId, requestId: row.id, kind: 'submitted', actorUserId: actor.userId, actorLabel: actor.displayName, occurredAt: now });
        await recordAudit(tx, clock, context, { action: 'request.submit', entityType: 'request', entityId: row.id, after: row });
        // The neighbourhood's advisors are the first point of contact (§3.3).
        const advisors = input.neighbourhoodId ? await findScopeMembers(tx, context.municipalityId, 'advisor', [input.neighbourhoodId]) : [];
        for (const advisor of advisors) {
          await enqueueMessage(tx, clock, { municipalityId: context.municipalityId, channel: 'in_app', recipientUserId: advisor.userId, topic: 'request.submitted', subject: `Nieuw: ${row.title}`, body: `Te bevestigen vóór ${row.acknowledgeBy}.`, payload: { requestId: row.id } });
        }
        return present(tx, context, row);
      });
    },

    async getRequest(context: UseCaseContext, requestId: string) {
      return present(db, context, await loadVisible(db, context, requestId));
    },

    async listRequests(context: UseCaseContext, query: RequestListQuery) {
      const now = clock.now();
      const { rows, total } = await createRequestRepository(db).list(context.municipalityId, viewerOf(context), {
        ...query,
        overdueOn: query.isOverdue === 'true' ? dateInAmsterdam(now) : undefined,
        offset: offsetOf(query),
        limit: query.pageSize,
      });
      return pageOf(rows.map((row) => presentRequestSummary(row.request, row.neighbourhoodName, now)), total, query);
    },

    async acknowledgeRequest(context: UseCaseContext, requestId: string, input: { version: number }) {
      return step(context, requestId, {
        action: 'acknowledge',
        version: input.version,
        authorise: (row) => canTriage(context.actor, row),
        prepare: async () => ({ acknowledgedAt: clock.now() }),
        event: { kind: 'acknowledged' },
        notify: (tx, row) => notifySubmitter(tx, row, `Ontvangen: ${row.title}`, `Uw vraag is ontvangen. U krijgt uiterlijk ${row.answerBy} antwoord.`),
      });
    },

    async routeRequest(context: UseCaseContext, requestId: string, input: RouteRequest) {
      return step(context, requestId, {
        action: 'route',
        version: input.version,
        authorise: (row) => canTriage(context.actor, row),
        prepare: async (tx) => {
          const repository = createRequestRepository(tx);
          if (!(await repository.departmentExists(context.municipalityId, [input.leadDepartmentId]))) throw unknown('body.leadDepartmentId');
          if (!(await repository.departmentExists(context.municipalityId, input.contributingDepartmentIds))) throw unknown('body.contributingDepartmentIds');
          if (input.leadOfficerUserId) {
            const officers = await findScopeMembers(tx, context.municipalityId, 'officer', [input.leadDepartmentId]);
            if (!officers.some((officer) => officer.userId === input.leadOfficerUserId)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.leadOfficerUserId', code: 'notThisDepartment' }] });
          }
          return { routedAt: clock.now(), leadDepartmentId: input.leadDepartmentId, leadOfficerUserId: input.leadOfficerUserId ?? null, contributingDepartmentIds: input.contributingDepartmentIds };
        },
        event: { kind: 'routed', data: { leadDepartmentId: input.leadDepartmentId, contributingDepartmentIds: input.contributingDepartmentIds } },
        notify: async (tx, row) => {
          const officers = await findScopeMembers(tx, context.municipalityId, 'officer', [input.leadDepartmentId]);
          for (const officer of officers.filter((candidate) => !input.leadOfficerUserId || candidate.userId === input.leadOfficerUserId)) {
            await enqueueMessage(tx, clock, { municipalityId: row.municipalityId, channel: 'in_app', recipientUserId: officer.userId, topic: 'request.routed', subject: `Te beantwoorden: ${row.title}`, body: `Antwoord uiterlijk ${row.answerBy}.`, payload: { requestId: row.id } });
          }
        },
      });
    },

    /** An ooit answer promises regular progress updates until the decision date (§3.4); each moves the next due date. */
    async postUpdate(context: UseCaseContext, requestId: string, input: { version: number; text: string }) {
      const today = dateInAmsterdam(clock.now());
      return step(context, requestId, {
        action: 'postUpdate',
        version: input.version,
        authorise: (row) => canAnswer(context.actor, row),
        prepare: async (_tx, row) => {
          if (row.verdict !== 'ooit') throw new DomainError('INVALID_TRANSITION', { params: { state: `${row.state} (${row.verdict ?? '—'})` } });
          const cadence = Number((row.answer as { updateEveryWeeks?: number } | null)?.updateEveryWeeks ?? 6);
          return { nextUpdateDue: addWeeks(today, cadence) };
        },
        event: { kind: 'updated', text: input.text },
        notify: (tx, row) => notifySubmitter(tx, row, `Voortgang: ${row.title}`, input.text),
      });
    },

    async closeRequest(context: UseCaseContext, requestId: string, input: { version: number }) {
      return step(context, requestId, {
        action: 'close',
        version: input.version,
        authorise: (row) => canTriage(context.actor, row),
        prepare: async () => ({ closedAt: clock.now(), nextUpdateDue: null }),
        event: { kind: 'closed' },
      });
    },

    /** Back to the advisor, with the reason on the timeline; the earlier answer stays in the history. */
    async reopenRequest(context: UseCaseContext, requestId: string, input: { version: number; reason: string }) {
      return step(context, requestId, {
        action: 'reopen',
        version: input.version,
        authorise: (row) => canTriage(context.actor, row),
        prepare: async () => ({ closedAt: null, nextUpdateDue: null }),
        event: { kind: 'reopened', text: input.reason },
        notify: (tx, row) => notifySubmitter(tx, row, `Heropend: ${row.title}`, input.reason),
      });
    },

    /** Exactly one verdict with its motivation (§3.4); the rules say what is missing before anything is saved. */
    async answerRequest(context: UseCaseContext, requestId: string, input: AnswerRequest) {
      const today = dateInAmsterdam(clock.now());
      const { version, ...verdict } = input;
      const problems = checkVerdict(verdict as Verdict, today);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      return step(context, requestId, {
        action: 'answer',
        version,
        authorise: (row) => canAnswer(context.actor, row),
        prepare: async (_tx, row) => ({
          answeredAt: clock.now(),
          acknowledgedAt: row.acknowledgedAt ?? clock.now(),
          verdict: verdict.verdict,
          answer: verdict,
          nextUpdateDue: verdict.verdict === 'ooit' ? addWeeks(today, verdict.updateEveryWeeks) : null,
        }),
        event: { kind: 'answered', text: verdict.motivation, data: { verdict: verdict.verdict } },
        notify: (tx, row) => notifySubmitter(tx, row, `Antwoord (${verdict.verdict}): ${row.title}`, verdict.motivation),
      });
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
