import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { type PlanDocument, renderPlanPdf } from './action-plan-document.ts';
import { isOverdue, type ProgressAction, type ProgressStatus, rollUp } from './action-plan-progress.rules.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import type { PublicActionPlan } from './public-action-plan.contract.ts';
import { createPublicActionPlanRepository } from './public-action-plan.repository.ts';

/**
 * The neighbourhood's plan in force for every visitor. Its content always comes from the adopted version, never from
 * the working copy: edits made during an open revision are not public until the wijktafel adopts them. Only today's
 * progress (status, value, done date) comes from the live actions, matched by id.
 */
export function createPublicActionPlanService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const plans = createActionPlanRepository(db);
  const reads = createPublicActionPlanRepository(db);

  /** The adopted version in force, or 404 alike for an unknown neighbourhood and one without an adopted plan. */
  async function versionInForce(municipalityId: string, neighbourhoodId: string) {
    const record = await plans.currentAdoptedPlan(municipalityId, neighbourhoodId);
    const number = record?.plan.currentVersionNumber;
    const version = record && number ? await plans.findVersion(municipalityId, record.plan.id, number) : undefined;
    if (!record || !version) throw new DomainError('NOT_FOUND');
    return { record, version };
  }

  async function planInForce(context: UseCaseContext, neighbourhoodId: string): Promise<PublicActionPlan> {
    const { record, version } = await versionInForce(context.municipalityId, neighbourhoodId);
    const { snapshot } = version;
    const snapshotActions = snapshot.challenges.flatMap((challenge) => challenge.actions.map((action) => ({ action, challengeId: challenge.id })));
    const [progressRows, themeRows] = await Promise.all([
      reads.progressOf(
        context.municipalityId,
        record.plan.id,
        snapshotActions.map(({ action }) => action.id),
      ),
      reads.themes(context.municipalityId, [...new Set(snapshot.challenges.flatMap((challenge) => challenge.themeIds))]),
    ]);
    const progressById = new Map(progressRows.map((row) => [row.id, row]));
    const themeById = new Map(themeRows.map((row) => [row.id, { nameNl: row.nameNl, nameEn: row.nameEn }]));
    const today = dateInAmsterdam(clock.now());

    // The promise as adopted (dates, baseline, target) measured against today's progress.
    const progress: ProgressAction[] = snapshotActions.map(({ action, challengeId }) => ({
      id: action.id,
      challengeId,
      status: (progressById.get(action.id)?.status ?? 'not_started') as ProgressStatus,
      startsOn: action.startsOn,
      deadlineOn: action.deadlineOn,
      baseline: action.baseline,
      target: action.target,
      currentValue: progressById.get(action.id)?.currentValue ?? null,
    }));
    const progressOfAction = new Map(progress.map((item) => [item.id, item]));
    const rollup = rollUp(progress, today);
    const emptyRollup = rollUp([], today).plan;

    return {
      planId: record.plan.id,
      neighbourhood: record.neighbourhood,
      title: snapshot.title,
      periodStartsOn: snapshot.periodStartsOn,
      periodEndsOn: snapshot.periodEndsOn,
      versionNumber: version.number,
      adoptedOn: version.adoptedOn,
      isClosed: record.plan.state === 'closed',
      challenges: snapshot.challenges.map((challenge) => ({
        id: challenge.id,
        title: challenge.title,
        description: challenge.description,
        themes: challenge.themeIds.flatMap((id) => themeById.get(id) ?? []),
        // Field by field, so an owner's id or anything added to the snapshot later is never passed on by accident.
        actions: challenge.actions.map((action) => {
          const current = progressOfAction.get(action.id)!;
          return {
            id: action.id,
            title: action.title,
            specific: action.specific,
            location: action.location,
            indicator: action.indicator,
            baseline: action.baseline,
            target: action.target,
            unit: action.unit,
            ownerName: action.ownerName,
            startsOn: action.startsOn,
            deadlineOn: action.deadlineOn,
            status: current.status,
            currentValue: current.currentValue,
            isOverdue: isOverdue(current, today),
          };
        }),
        rollup: rollup.challenges[challenge.id] ?? emptyRollup,
      })),
      rollup: rollup.plan,
      successes: snapshotActions
        .filter(({ action }) => progressById.get(action.id)?.status === 'done')
        .map(({ action }) => ({ actionId: action.id, title: action.title, doneOn: progressById.get(action.id)?.doneOn ?? null }))
        .sort((a, b) => (b.doneOn ?? '').localeCompare(a.doneOn ?? '')),
    };
  }

  return {
    planInForce,

    /** The same plan as tagged PDF in the reader's language; owners by organisation name only. */
    async planPdf(context: UseCaseContext, neighbourhoodId: string) {
      const plan = await planInForce(context, neighbourhoodId);
      const document: PlanDocument = {
        language: context.language,
        municipalityName: await reads.municipalityName(context.municipalityId),
        neighbourhoodName: plan.neighbourhood.name,
        title: plan.title,
        versionNumber: plan.versionNumber,
        adoptedOn: plan.adoptedOn,
        periodStartsOn: plan.periodStartsOn,
        periodEndsOn: plan.periodEndsOn,
        generatedOn: dateInAmsterdam(clock.now()),
        challenges: plan.challenges.map((challenge) => ({
          title: challenge.title,
          description: challenge.description,
          themes: challenge.themes.map((item) => (context.language === 'en' ? item.nameEn : item.nameNl)),
          actions: challenge.actions.map((action) => ({ ...action })),
        })),
      };
      return {
        body: await renderPlanPdf(document),
        mediaType: 'application/pdf',
        fileName: `wijkactieplan-${plan.neighbourhood.slug}-v${plan.versionNumber}.pdf`,
      };
    },
  };
}

export type PublicActionPlanService = ReturnType<typeof createPublicActionPlanService>;
