import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { createRequestService, readRequestSettings } from '../requests/index.ts';
import { findScopeMembers, holdsRole } from '../users/index.ts';
import type { ReportReferral } from './report.tables.ts';
import { mergedNotice, splitOffNotice } from './report.notices.ts';
import { createReportRepository } from './report.repository.ts';
import { canMerge, isClosed } from './report.workflow.ts';
import type { turnIntoRequestBody, addReportNoteBody, assignReportBody, linkReportRequestBody, mergeReportBody, referReportBody, setReportPriorityBody, splitReportBody, updateReportReferralBody } from './report-handling.contract.ts';
import { handleByFor } from './report-category.rules.ts';
import { formatReportReference } from './report-reference.rules.ts';
import { hashOf, type ReportServiceDependencies, type ReportSteps } from './report-steps.ts';
import { invalidField } from './reports.errors.ts';

/**
 * The back office's work on one report besides its status: assign, prioritise, note, merge a duplicate, split per
 * department, refer to a front-line team, link to a neighbourhood request. Each is one change with its history line
 * and audit row; the reporter hears of what concerns them (a merge, a split).
 */
export function createReportHandlingService(steps: ReportSteps, dependencies: ReportServiceDependencies) {
  const { db, clock, secrets } = dependencies;

  return {
    /** Only an officer of the report's own department (or nobody) can be the one who picks it up. */
    async assignReport(context: UseCaseContext, reportId: string, input: z.infer<typeof assignReportBody>) {
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.assign',
        prepare: async (tx, row) => {
          if (input.assignedUserId) {
            const officers = row.report.departmentId ? await findScopeMembers(tx, context.municipalityId, 'officer', [row.report.departmentId]) : [];
            const isAdmin = await holdsRole(tx, context.municipalityId, input.assignedUserId, 'admin');
            if (!officers.some((officer) => officer.userId === input.assignedUserId) && !isAdmin) throw invalidField('body.assignedUserId', 'notAnOfficerOfDepartment');
          }
          return { assignedUserId: input.assignedUserId };
        },
        event: (_before, after) => ({ kind: 'assigned', details: { assignedUserId: after.assignedUserId } }),
      });
    },

    async setReportPriority(context: UseCaseContext, reportId: string, input: z.infer<typeof setReportPriorityBody>) {
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.setPriority',
        prepare: () => ({ priority: input.priority }),
        event: (before, after) => ({ kind: 'priorityChanged', details: { from: before.priority, to: after.priority } }),
      });
    },

    /** A note for colleagues: no version needed, it changes nothing about the report itself. */
    async addReportNote(context: UseCaseContext, reportId: string, input: z.infer<typeof addReportNoteBody>) {
      await inTransaction(db, async (tx) => {
        const { access } = await steps.loadReadable(tx, context, reportId);
        if (!access.canHandle) throw new DomainError('FORBIDDEN');
        await createReportRepository(tx).addEvent({ municipalityId: context.municipalityId, reportId, kind: 'note', internalNote: input.note, actorUserId: context.actor?.userId ?? null, createdAt: clock.now() });
        await recordAudit(tx, clock, context, { action: 'report.addNote', entityType: 'report', entityId: reportId, after: { noteLength: input.note.length } });
      });
    },

    /**
     * A duplicate merged into its original: it ends as merged, its reporter (and followers) follow the original from
     * now on and are told so; the original's history shows what came in.
     */
    async mergeReport(context: UseCaseContext, reportId: string, input: z.infer<typeof mergeReportBody>) {
      if (input.originalReportId === reportId) throw invalidField('body.originalReportId', 'mergeIntoItself');
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.merge',
        prepare: async (tx, row) => {
          if (isClosed(row.report.status)) throw new DomainError('REPORT_CLOSED');
          const original = await createReportRepository(tx).findById(context.municipalityId, input.originalReportId);
          if (!original) throw invalidField('body.originalReportId', 'unknownReference');
          if (original.mergedIntoReportId) throw invalidField('body.originalReportId', 'originalIsMerged');
          if (!canMerge(row.report.status, original.status)) throw invalidField('body.originalReportId', 'mergeNeedsOpenReports');
          return { status: 'merged' as const, mergedIntoReportId: original.id, closedAt: clock.now() };
        },
        event: (before, after) => ({ kind: 'merged', fromStatus: before.status, toStatus: after.status, details: { originalReportId: input.originalReportId } }),
        after: async (tx, before, after) => {
          const repository = createReportRepository(tx);
          const original = (await repository.findById(context.municipalityId, input.originalReportId))!;
          const now = clock.now();
          const notice = mergedNotice({ reference: after.reference, originalReference: original.reference, statusUrl: (await steps.statusUrlFor(tx, original)) ?? '' });
          // Told before they move: the message goes to the duplicate's reporter and followers.
          await steps.tellReporters(tx, after, 'report.merged', notice);
          const contacts = [
            ...(after.reporterEmail ? [{ email: after.reporterEmail, language: after.reporterLanguage }] : []),
            ...(await repository.followers(context.municipalityId, after.id)).filter((follower) => follower.email).map((follower) => ({ email: follower.email!, language: follower.language })),
          ];
          for (const contact of contacts) await repository.addFollower({ municipalityId: context.municipalityId, reportId: original.id, email: contact.email, language: contact.language, createdAt: now });
          await repository.addEvent({ municipalityId: context.municipalityId, reportId: original.id, kind: 'duplicateMerged', details: { duplicateReportId: after.id, duplicateReference: before.report.reference, followersAdded: contacts.length }, actorUserId: context.actor?.userId ?? null, createdAt: now });
        },
      });
    },

    /**
     * One report about several things (a broken bench and litter around it) becomes sub-reports, each routed and
     * timed by its own category; the reporter hears of each. The original stays as the parent.
     */
    async splitReport(context: UseCaseContext, reportId: string, input: z.infer<typeof splitReportBody>) {
      const created: string[] = [];
      const row = await steps.change(context, reportId, {
        version: input.version,
        audit: 'report.split',
        prepare: (_tx, found) => {
          if (isClosed(found.report.status)) throw new DomainError('REPORT_CLOSED');
          return {};
        },
        event: () => ({ kind: 'split', details: { parts: input.parts.length } }),
        after: async (tx, before) => {
          const repository = createReportRepository(tx);
          const now = clock.now();
          const reportedOn = dateInAmsterdam(now);
          const year = Number(reportedOn.slice(0, 4));
          for (const [index, part] of input.parts.entries()) {
            const found = await repository.findCategoryByCode(context.municipalityId, part.categoryCode);
            if (!found?.category.isActive || found.category.parentId === null) throw invalidField(`body.parts.${index}.categoryCode`, 'unknownCategory');
            const token = randomBytes(24).toString('base64url');
            const parent = before.report;
            const child = await repository.insert({
              municipalityId: parent.municipalityId,
              reference: formatReportReference(year, await repository.nextReferenceNumber(parent.municipalityId, year)),
              categoryId: found.category.id,
              neighbourhoodId: parent.neighbourhoodId,
              areaId: parent.areaId,
              departmentId: found.category.departmentId,
              latitude: parent.latitude,
              longitude: parent.longitude,
              address: parent.address,
              description: part.description,
              status: 'reported',
              handleBy: handleByFor(reportedOn, found.category),
              reporterEmail: parent.reporterEmail,
              reporterPhone: parent.reporterPhone,
              reporterLanguage: parent.reporterLanguage,
              mayPublishPhotos: parent.mayPublishPhotos,
              statusTokenHash: hashOf(token),
              statusTokenSealed: secrets.seal(token),
              channel: parent.channel,
              parentReportId: parent.id,
              createdAt: now,
              updatedAt: now,
            });
            await repository.addEvent({ municipalityId: child.municipalityId, reportId: child.id, kind: 'splitFrom', toStatus: 'reported', details: { parentReportId: parent.id, parentReference: parent.reference }, actorUserId: context.actor?.userId ?? null, createdAt: now });
            created.push(child.reference);
            const statusUrl = (await steps.statusUrlFor(tx, child)) ?? '';
            await steps.tellReporters(tx, child, 'report.split', splitOffNotice({ reference: child.reference, parentReference: parent.reference, categoryName: found.category.name, categoryNameEn: found.category.nameEn ?? found.category.name, statusUrl }));
          }
        },
      });
      return { ...row, childReferences: created };
    },

    /** A problem for a front-line team (the request protocol's teams): the note is for them and stays internal. */
    async referReport(context: UseCaseContext, reportId: string, input: z.infer<typeof referReportBody>) {
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.refer',
        prepare: async (tx) => {
          const team = (await readRequestSettings(tx, context.municipalityId)).frontLineTeams.find((candidate) => candidate.code === input.teamCode);
          if (!team) throw invalidField('body.teamCode', 'unknownTeam');
          return { referral: { code: team.code, name: team.name, note: input.note ?? null, state: 'referred', feedback: null } satisfies ReportReferral };
        },
        event: () => ({ kind: 'referred', internalNote: input.note ?? null, details: { teamCode: input.teamCode } }),
      });
    },

    async updateReportReferral(context: UseCaseContext, reportId: string, input: z.infer<typeof updateReportReferralBody>) {
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.updateReferral',
        prepare: (_tx, row) => {
          const referral = row.report.referral;
          if (!referral) throw invalidField('body.state', 'reportNotReferred');
          return { referral: { ...referral, state: input.state, feedback: input.state === 'fedBack' ? (input.feedback ?? null) : referral.feedback } };
        },
        event: () => ({ kind: 'referralUpdated', internalNote: input.feedback ?? null, details: { state: input.state } }),
      });
    },

    /**
     * A recurring problem that needs a policy answer, not a repair: a neighbourhood request under the answer protocol
     * (nu, ooit, nooit), submitted by the staff member in their own name, linked to the report. Only those who may
     * submit requests (the neighbourhood's advisors) do this; the report stays as it is.
     */
    async turnReportIntoRequest(context: UseCaseContext, reportId: string, input: z.infer<typeof turnIntoRequestBody>) {
      return inTransaction(db, async (tx) => {
        const { row, access } = await steps.loadReadable(tx, context, reportId);
        if (!access.canTurnIntoRequest) throw new DomainError('FORBIDDEN');
        const report = row.report;
        if (report.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: report.version } });
        if (report.requestId) throw invalidField('body.title', 'alreadyLinkedToRequest');
        const requests = createRequestService({ db: tx, clock, publicUrl: dependencies.publicUrl });
        const created = await requests.submitRequest(context, {
          kind: 'request',
          title: input.title,
          body: `${input.explanation}\n\nMelding ${report.reference} (${row.categoryName}): ${report.description}`,
          neighbourhoodId: report.neighbourhoodId,
          areaId: report.areaId,
          location: { latitude: report.latitude, longitude: report.longitude },
          scale: 'street',
          themeIds: [],
          isPublic: true,
        });
        const now = clock.now();
        const repository = createReportRepository(tx);
        await repository.update(context.municipalityId, reportId, report.version, { requestId: created.id, updatedAt: now });
        await repository.addEvent({ municipalityId: context.municipalityId, reportId, kind: 'turnedIntoRequest', details: { requestId: created.id, requestReference: created.reference }, actorUserId: context.actor?.userId ?? null, createdAt: now });
        await recordAudit(tx, clock, context, { action: 'report.turnIntoRequest', entityType: 'report', entityId: reportId, after: { requestId: created.id } });
        return { requestId: created.id, requestReference: created.reference };
      });
    },

    /** Links the report to a neighbourhood request of this municipality (or unlinks it). */
    async linkReportRequest(context: UseCaseContext, reportId: string, input: z.infer<typeof linkReportRequestBody>) {
      return steps.change(context, reportId, {
        version: input.version,
        audit: 'report.linkRequest',
        prepare: async (tx) => {
          if (input.requestId && !(await createReportRepository(tx).requestExists(context.municipalityId, input.requestId))) throw invalidField('body.requestId', 'unknownReference');
          return { requestId: input.requestId };
        },
        event: () => ({ kind: input.requestId ? 'linkedToRequest' : 'unlinkedFromRequest', details: { requestId: input.requestId } }),
      });
    },
  };
}
