import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { addWorkingDays, dateInAmsterdam } from '../../platform/working-days.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { ownerOf, partyOf } from './action-plan-content.repository.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';
import { actionPlanInvitation } from './action-plan-contribution.tables.ts';
import { planLink, remindActionDeadline, remindInvitedParty } from './action-plan-messages.ts';
import { defaultActionPlanMethod } from './action-plan-method.rules.ts';
import { createActionPlanReportRepository } from './action-plan-report.repository.ts';
import { isDeadlineReminderDue } from './action-plan-report.rules.ts';
import { generateDueReports } from './action-plan-reports.service.ts';
import { actionPlan, actionPlanMethod } from './action-plan.tables.ts';

/** How many invitations or actions one sweep reminds about; the rest follow in the next sweep. */
const batchSize = 200;

/**
 * The reminders of a plan's rhythm. Each mark (`reminded_at`, `deadline_reminded_at`) is written in the sweep's
 * transaction together with the messages, so a reminder goes out once, however often the scheduler runs.
 */
export function createActionPlanReminderJobs(dependencies: { clock: Clock; publicUrl: string }): ScheduledJob[] {
  const { clock, publicUrl } = dependencies;
  return [
    {
      // Two working days before contributions are due, the parties that have not sent one yet hear once.
      name: 'action-plan-contribution-due',
      async run(tx) {
        const horizon = addWorkingDays(dateInAmsterdam(clock.now()), 2);
        const due = await tx
          .select({ invitation: actionPlanInvitation, planTitle: actionPlan.title, slug: municipality.slug })
          .from(actionPlanInvitation)
          .innerJoin(actionPlan, and(eq(actionPlan.municipalityId, actionPlanInvitation.municipalityId), eq(actionPlan.id, actionPlanInvitation.planId)))
          .innerJoin(municipality, eq(municipality.id, actionPlanInvitation.municipalityId))
          .where(and(isNull(actionPlanInvitation.contributedAt), isNull(actionPlanInvitation.remindedAt), lte(actionPlanInvitation.dueOn, horizon), eq(actionPlan.state, 'collecting')))
          .orderBy(asc(actionPlanInvitation.dueOn))
          .limit(batchSize);
        for (const { invitation, planTitle, slug } of due) {
          const plan = { id: invitation.planId, municipalityId: invitation.municipalityId, title: planTitle };
          await remindInvitedParty(tx, clock, plan, partyOf(invitation), invitation.dueOn, planLink(publicUrl, slug, plan.id));
          await tx.update(actionPlanInvitation).set({ remindedAt: clock.now() }).where(eq(actionPlanInvitation.id, invitation.id));
        }
      },
    },
    {
      // From the municipality's published number of days before an action's deadline, its owner hears once.
      name: 'action-plan-deadline-near',
      async run(tx) {
        const today = dateInAmsterdam(clock.now());
        const due = await tx
          .select({ action: actionPlanAction, planTitle: actionPlan.title, slug: municipality.slug, reminderDays: actionPlanMethod.deadlineReminderDays })
          .from(actionPlanAction)
          .innerJoin(actionPlan, and(eq(actionPlan.municipalityId, actionPlanAction.municipalityId), eq(actionPlan.id, actionPlanAction.planId)))
          .innerJoin(municipality, eq(municipality.id, actionPlanAction.municipalityId))
          .leftJoin(actionPlanMethod, eq(actionPlanMethod.municipalityId, actionPlanAction.municipalityId))
          .where(
            and(
              isNull(actionPlanAction.deadlineRemindedAt),
              isNotNull(actionPlanAction.ownerKind),
              notInArray(actionPlanAction.progressStatus, ['done', 'dropped']),
              inArray(actionPlan.state, ['adopted', 'in_execution']),
              gte(actionPlanAction.deadlineOn, today),
              // The municipality's own lead in SQL, so a batch never fills up with actions not yet due.
              lte(actionPlanAction.deadlineOn, sql`${today}::date + coalesce(${actionPlanMethod.deadlineReminderDays}, ${defaultActionPlanMethod.deadlineReminderDays})`),
            ),
          )
          .orderBy(asc(actionPlanAction.deadlineOn))
          .limit(batchSize);
        for (const { action, planTitle, slug, reminderDays } of due) {
          const daysBefore = reminderDays ?? defaultActionPlanMethod.deadlineReminderDays;
          if (!isDeadlineReminderDue(action.deadlineOn, action.progressStatus, today, false, daysBefore)) continue;
          const owner = ownerOf(action);
          if (!owner || action.deadlineOn === null) continue;
          const plan = { id: action.planId, municipalityId: action.municipalityId, title: planTitle };
          await remindActionDeadline(tx, clock, plan, owner, { id: action.id, title: action.title, deadlineOn: action.deadlineOn }, planLink(publicUrl, slug, plan.id));
          await tx.update(actionPlanAction).set({ deadlineRemindedAt: clock.now() }).where(and(eq(actionPlanAction.municipalityId, action.municipalityId), eq(actionPlanAction.id, action.id)));
        }
      },
    },
  ];
}

/**
 * The progress reports to the councils (point 7). The scheduler sweeps every minute or so; the reports are a matter of
 * days, so this job looks once per day in Amsterdam per process. A second process looking the same day makes nothing
 * twice: what exists is skipped and the report number is unique per plan.
 */
export function createActionPlanReportJobs(dependencies: { clock: Clock; publicUrl: string }): ScheduledJob[] {
  const { clock, publicUrl } = dependencies;
  let lastRunOn: string | null = null;
  return [
    {
      name: 'action-plan-progress-reports',
      async run(tx) {
        const today = dateInAmsterdam(clock.now());
        if (lastRunOn === today) return;
        for (const target of await createActionPlanReportRepository(tx).monitoredPlans()) {
          await generateDueReports(tx, clock, publicUrl, target);
        }
        lastRunOn = today;
      },
    },
  ];
}
