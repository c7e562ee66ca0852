import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { theme } from '../organisation/organisation.tables.ts';
import { loadPlanAccess } from './action-plan-access.ts';
import { type PlanDocument, renderPlanPdf } from './action-plan-document.ts';
import { type ActionExportRow, actionsCsv, actionsXlsx } from './action-plan-export.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { loadPlanParts, versionNumberOf } from './action-plan.service.ts';
import { snapshotOf } from './action-plan-snapshot.ts';

export const exportFormats = ['csv', 'xlsx'] as const;
const mediaTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** A file name people recognise: "wijkactieplan-brandevoort-v2.pdf". */
function fileNameOf(slug: string, versionNumber: number | null, extension: string) {
  return `wijkactieplan-${slug}-${versionNumber === null ? 'concept' : `v${versionNumber}`}.${extension}`;
}

/** The plan as a tagged PDF (an adopted version, or the working copy as a draft) and its actions as CSV or Excel. */
export function createActionPlanDocumentService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  async function municipalityName(municipalityId: string) {
    const [row] = await db.select({ name: municipality.name }).from(municipality).where(eq(municipality.id, municipalityId));
    return row?.name ?? '';
  }

  async function themeNames(municipalityId: string, ids: string[], language: 'nl' | 'en') {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db.select().from(theme).where(and(eq(theme.municipalityId, municipalityId), inArray(theme.id, ids)));
    return new Map(rows.map((row) => [row.id, language === 'en' ? row.nameEn : row.nameNl]));
  }

  return {
    /** Version `number` as adopted (with each action's progress today), or without a number the working copy. */
    async planPdf(context: UseCaseContext, planId: string, numberInPath: string | undefined) {
      const number = numberInPath === undefined ? undefined : versionNumberOf(numberInPath);
      const access = await loadPlanAccess(db, context, planId);
      const { plan, neighbourhood } = access.record;
      const parts = await loadPlanParts(db, context.municipalityId, planId);
      let snapshot = snapshotOf(plan, parts);
      let adoptedOn: string | null = null;
      if (number !== undefined) {
        const version = await createActionPlanRepository(db).findVersion(context.municipalityId, planId, number);
        if (!version) throw new DomainError('NOT_FOUND');
        snapshot = version.snapshot;
        adoptedOn = version.adoptedOn;
      }
      const progressOf = new Map(parts.actions.map(({ action }) => [action.id, action]));
      const names = await themeNames(
        context.municipalityId,
        snapshot.challenges.flatMap((challenge) => challenge.themeIds),
        context.language,
      );
      const document: PlanDocument = {
        language: context.language,
        municipalityName: await municipalityName(context.municipalityId),
        neighbourhoodName: neighbourhood.name,
        title: snapshot.title,
        versionNumber: number ?? null,
        adoptedOn,
        periodStartsOn: snapshot.periodStartsOn,
        periodEndsOn: snapshot.periodEndsOn,
        generatedOn: dateInAmsterdam(clock.now()),
        challenges: snapshot.challenges.map((challenge) => ({
          title: challenge.title,
          description: challenge.description,
          themes: challenge.themeIds.map((id) => names.get(id) ?? '').filter(Boolean),
          actions: challenge.actions.map((action) => ({
            ...action,
            status: progressOf.get(action.id)?.progressStatus ?? null,
            currentValue: progressOf.get(action.id)?.currentValue ?? null,
          })),
        })),
      };
      const body = await renderPlanPdf(document);
      return { body, mediaType: mediaTypes.pdf, fileName: fileNameOf(neighbourhood.slug, number ?? null, 'pdf') };
    },

    /** The working copy's actions, with progress: for the advisor's and owners' own lists. Recorded in the audit log. */
    async actionExport(context: UseCaseContext, planId: string, format: (typeof exportFormats)[number]) {
      const access = await loadPlanAccess(db, context, planId);
      const parts = await loadPlanParts(db, context.municipalityId, planId);
      const challengeTitle = new Map(parts.challenges.map(({ challenge }) => [challenge.id, challenge.title]));
      const rows: ActionExportRow[] = parts.actions.map(({ action, ownerName }) => ({
        challenge: challengeTitle.get(action.challengeId) ?? '',
        title: action.title,
        specific: action.specific,
        location: action.location,
        indicator: action.indicator,
        baseline: action.baseline,
        target: action.target,
        unit: action.unit,
        ownerName,
        startsOn: action.startsOn,
        deadlineOn: action.deadlineOn,
        status: action.progressStatus,
        currentValue: action.currentValue,
        budgetEuros: action.budgetEuros,
        hours: action.hours,
        fundingSource: action.fundingSource,
      }));
      const body = format === 'csv' ? Buffer.from(actionsCsv(rows, context.language), 'utf8') : await actionsXlsx(rows, context.language);
      await recordAudit(db, clock, context, { action: 'actionPlan.export', entityType: 'action_plan', entityId: planId, after: { format, actions: rows.length } });
      return { body, mediaType: mediaTypes[format], fileName: fileNameOf(access.record.neighbourhood.slug, access.record.plan.currentVersionNumber, format).replace('wijkactieplan-', 'acties-') };
    },
  };
}

export type ActionPlanDocumentService = ReturnType<typeof createActionPlanDocumentService>;
