import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { findScopeMembers } from '../users/index.ts';
import type { RouteRequest } from './request.contract.ts';
import { hasRole } from '../../platform/permissions.ts';
import { createRequestRepository } from './request.repository.ts';
import { deadlinesFor, isAdvice, type RequestKind } from './request.rules.ts';
import type { StoredReferral } from './request.presenter.ts';
import { deadlinePolicyFor } from './request-settings.rules.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { requestNotices } from './request.notices.ts';
import { type RequestSteps, unknownReference } from './request-steps.ts';

/** The advisor's part (§3.3): confirm receipt, route, refer to a front-line team, link, close and reopen. */
export function createTriageService(steps: RequestSteps) {
  const { clock } = steps;

  return {
    async acknowledgeRequest(context: UseCaseContext, requestId: string, input: { version: number }) {
      return steps.step(context, requestId, {
        action: 'acknowledge',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async () => ({ acknowledgedAt: clock.now() }),
        event: { kind: 'acknowledged' },
        notify: (tx, row) => steps.notifySubmitterSide(tx, row, { notice: requestNotices.acknowledged(row) }, context),
      });
    },

    async routeRequest(context: UseCaseContext, requestId: string, input: RouteRequest) {
      const routing: { leadDepartmentName: string | null; leadDepartmentNameEn: string | null; leadOfficerName: string | null; contributingDepartmentNames: string[]; contributingDepartmentNamesEn: string[] } = {
        leadDepartmentName: null,
        leadDepartmentNameEn: null,
        leadOfficerName: null,
        contributingDepartmentNames: [],
        contributingDepartmentNamesEn: [],
      };
      return steps.step(context, requestId, {
        action: 'route',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async (tx) => {
          const repository = createRequestRepository(tx);
          if (!(await repository.departmentExists(context.municipalityId, [input.leadDepartmentId]))) throw unknownReference('body.leadDepartmentId');
          if (!(await repository.departmentExists(context.municipalityId, input.contributingDepartmentIds))) throw unknownReference('body.contributingDepartmentIds');
          if (input.leadOfficerUserId) {
            const officers = await findScopeMembers(tx, context.municipalityId, 'officer', [input.leadDepartmentId]);
            const officer = officers.find((candidate) => candidate.userId === input.leadOfficerUserId);
            if (!officer) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.leadOfficerUserId', code: 'notThisDepartment' }] });
            routing.leadOfficerName = officer.displayName;
          }
          const names = await repository.departmentNames(context.municipalityId, [input.leadDepartmentId, ...input.contributingDepartmentIds]);
          routing.leadDepartmentName = names.get(input.leadDepartmentId)?.nl ?? null;
          routing.leadDepartmentNameEn = names.get(input.leadDepartmentId)?.en ?? null;
          const contributing = input.contributingDepartmentIds.map((id) => names.get(id)).filter((name) => name !== undefined);
          routing.contributingDepartmentNames = contributing.map((name) => name.nl);
          routing.contributingDepartmentNamesEn = contributing.map((name) => name.en);
          return { routedAt: clock.now(), leadDepartmentId: input.leadDepartmentId, leadOfficerUserId: input.leadOfficerUserId ?? null, contributingDepartmentIds: input.contributingDepartmentIds };
        },
        // Names as they were at the time, so the timeline says in words where it went and stays true when a
        // department is renamed later.
        event: () => ({ kind: 'routed', data: { leadDepartmentId: input.leadDepartmentId, contributingDepartmentIds: input.contributingDepartmentIds, ...routing } }),
        notify: async (tx, row) => {
          const officers = await findScopeMembers(tx, context.municipalityId, 'officer', [input.leadDepartmentId]);
          const recipients = officers.filter((candidate) => !input.leadOfficerUserId || candidate.userId === input.leadOfficerUserId).map((officer) => officer.userId);
          await steps.notify(tx, row, recipients, { topic: 'request.routed', notice: requestNotices.routed(row) }, context);
          // Contributing departments work on it too: their officers hear of it and find it among their own work.
          const contributors = (await findScopeMembers(tx, context.municipalityId, 'officer', input.contributingDepartmentIds)).map((officer) => officer.userId).filter((userId) => !recipients.includes(userId));
          await steps.notify(tx, row, contributors, { topic: 'request.contributing', notice: requestNotices.contributing(row, routing.leadDepartmentName) }, context);
        },
      });
    },

    /** Complex, urgent problems go to a front-line team (§2.3); the request stays with the advisor. */
    async referRequest(context: UseCaseContext, requestId: string, input: { version: number; teamCode: string; note?: string | null }) {
      return steps.step(context, requestId, {
        action: 'refer',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async (tx) => {
          const team = (await steps.settingsOf(tx, context.municipalityId)).frontLineTeams.find((candidate) => candidate.code === input.teamCode);
          if (!team) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.teamCode', code: 'unknownTeam' }] });
          return { referral: { code: team.code, name: team.name, note: input.note ?? null, state: 'referred', feedback: null } satisfies StoredReferral };
        },
        // The note is for the team and the municipality: it may name people, so it stays internal.
        event: { kind: 'referred', isInternal: true, text: input.note ?? null, data: { teamCode: input.teamCode } },
      });
    },

    /** The team took the referral on, or reported back; the feedback may name people and stays with staff. */
    async updateReferral(context: UseCaseContext, requestId: string, input: { version: number; state: 'pickedUp' | 'fedBack'; feedback?: string | null }) {
      return steps.step(context, requestId, {
        action: 'updateReferral',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async (_tx, row) => {
          const referral = row.referral as StoredReferral | null;
          if (!referral) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.state', code: 'notReferred' }] });
          return { referral: { ...referral, state: input.state, feedback: input.state === 'fedBack' ? (input.feedback ?? null) : (referral.feedback ?? null) } };
        },
        event: { kind: 'referralUpdated', data: { state: input.state } },
      });
    },

    /**
     * Whether advice is part of a formal inspraak procedure; only then does deviating from it need the college or
     * the municipal council (§3.1). Staff set it, since the submitter cannot know.
     */
    async setFormalInspraak(context: UseCaseContext, requestId: string, input: { version: number; isFormalInspraak: boolean }) {
      return steps.step(context, requestId, {
        action: 'setFormalInspraak',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async (_tx, row) => {
          if (!isAdvice(row.kind as RequestKind)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isFormalInspraak', code: 'notAdvice' }] });
          return { isFormalInspraak: input.isFormalInspraak };
        },
        event: { kind: 'formalInspraakChanged', data: { isFormalInspraak: input.isFormalInspraak } },
      });
    },

    /**
     * Links this request to another one. A duplicate is closed with a pointer to the request that carries on;
     * a related link only shows both ways.
     */
    async linkRequest(context: UseCaseContext, requestId: string, input: { version: number; relatedRequestId: string; kind: 'duplicate' | 'related' }) {
      if (input.relatedRequestId === requestId) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.relatedRequestId', code: 'selfLink' }] });
      const addLink = async (tx: Parameters<RequestSteps['present']>[0]) => {
        const related = await createRequestRepository(tx).findById(context.municipalityId, input.relatedRequestId);
        if (!related) throw unknownReference('body.relatedRequestId');
        await createRequestRepository(tx).addLink({ municipalityId: context.municipalityId, requestId, relatedRequestId: input.relatedRequestId, kind: input.kind, createdAt: clock.now() });
        return related;
      };
      if (input.kind === 'duplicate') {
        return steps.step(context, requestId, {
          action: 'markDuplicate',
          version: input.version,
          authorise: (access) => access.canTriage,
          prepare: async (tx) => {
            await addLink(tx);
            return { duplicateOfRequestId: input.relatedRequestId, closedAt: clock.now() };
          },
          event: { kind: 'markedDuplicate', data: { relatedRequestId: input.relatedRequestId } },
          notify: (tx, row) => steps.notifySubmitterSide(tx, row, { notice: requestNotices.markedDuplicate(row) }, context),
        });
      }
      return inTransaction(steps.db, async (tx) => {
        const row = await steps.loadVisible(tx, context, requestId);
        if (!(await steps.accessOf(tx, context, row)).canTriage) throw new DomainError('FORBIDDEN');
        if (row.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: row.version } });
        await addLink(tx);
        await steps.addEvent(tx, context, requestId, { kind: 'linked', isInternal: true, data: { relatedRequestId: input.relatedRequestId } });
        await recordAudit(tx, clock, context, { action: 'request.link', entityType: 'request', entityId: requestId, after: { relatedRequestId: input.relatedRequestId, kind: input.kind } });
        return steps.present(tx, context, row);
      });
    },

    async unlinkRequest(context: UseCaseContext, requestId: string, relatedRequestId: string) {
      return inTransaction(steps.db, async (tx) => {
        const row = await steps.loadVisible(tx, context, requestId);
        if (!(await steps.accessOf(tx, context, row)).canTriage) throw new DomainError('FORBIDDEN');
        if (!(await createRequestRepository(tx).removeLink(context.municipalityId, requestId, relatedRequestId))) throw new DomainError('NOT_FOUND');
        await steps.addEvent(tx, context, requestId, { kind: 'unlinked', isInternal: true, data: { relatedRequestId } });
        await recordAudit(tx, clock, context, { action: 'request.unlink', entityType: 'request', entityId: requestId, before: { relatedRequestId } });
      });
    },

    /** The officers a request can be routed to within a department: names and titles, no contact details. */
    async listDepartmentOfficers(context: UseCaseContext, departmentId: string) {
      // Any advisor (or admin) may look: routing happens in their own neighbourhoods, which the routing step itself checks.
      if (!hasRole(context.actor, 'advisor') && !hasRole(context.actor, 'admin')) throw new DomainError('FORBIDDEN');
      if (!(await createRequestRepository(steps.db).departmentExists(context.municipalityId, [departmentId]))) throw new DomainError('NOT_FOUND');
      const officers = await findScopeMembers(steps.db, context.municipalityId, 'officer', [departmentId]);
      return { items: officers.map((officer) => ({ id: officer.userId, displayName: officer.displayName, title: officer.title ?? null })) };
    },

    async closeRequest(context: UseCaseContext, requestId: string, input: { version: number }) {
      return steps.step(context, requestId, {
        action: 'close',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async () => ({ closedAt: clock.now(), nextUpdateDue: null }),
        event: { kind: 'closed' },
      });
    },

    /** Back to the advisor, with the reason on the timeline; the earlier answer stays in the history. */
    async reopenRequest(context: UseCaseContext, requestId: string, input: { version: number; reason: string }) {
      return steps.step(context, requestId, {
        action: 'reopen',
        version: input.version,
        authorise: (access) => access.canTriage,
        // A reopened request gets a fresh answer deadline; otherwise it would be overdue the moment it reopens.
        prepare: async (tx, row) => {
          const settings = await steps.settingsOf(tx, context.municipalityId);
          const { answerBy } = deadlinesFor(dateInAmsterdam(clock.now()), deadlinePolicyFor(settings, row.kind as RequestKind));
          return { closedAt: null, nextUpdateDue: null, overdueNotifiedAt: null, duplicateOfRequestId: null, answerBy };
        },
        event: { kind: 'reopened', text: input.reason },
        notify: (tx, row) => steps.notifySubmitterSide(tx, row, { notice: requestNotices.reopened(row, input.reason) }, context),
      });
    },
  };
}
