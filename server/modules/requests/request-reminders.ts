import type { Executor } from '../../db/client.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { addDays, dateInAmsterdam } from '../../platform/working-days.ts';
import { findScopeMembers } from '../users/index.ts';
import { createRequestRepository, type RequestRow } from './request.repository.ts';
import { createRequestSteps, type RequestServiceDependencies } from './request-steps.ts';
import { requestNotices } from './request.notices.ts';

/** How many requests one sweep handles per job; the rest follow in the next sweep. */
const batchSize = 200;

/**
 * The reminders of §3.4 and the deadlines: the advisor hears once when a request becomes overdue; the owner of an
 * ooit hears when an update is due (three days ahead) and when the decision date nears. Each mark is written in the
 * sweep's transaction, so a reminder goes out once even with several instances.
 */
export function createRequestReminderJobs(dependencies: Omit<RequestServiceDependencies, 'db'>): ScheduledJob[] {
  const { clock } = dependencies;

  /** Who answers for an answered request: its lead officer, else the lead department's officers, else the advisors. */
  async function ownersOf(tx: Executor, row: RequestRow): Promise<string[]> {
    if (row.leadOfficerUserId) return [row.leadOfficerUserId];
    const officers = row.leadDepartmentId ? await findScopeMembers(tx, row.municipalityId, 'officer', [row.leadDepartmentId]) : [];
    if (officers.length > 0) return officers.map((officer) => officer.userId);
    // The neighbourhood's advisors, or the city-wide advisor for a city-wide request.
    return createRequestSteps({ ...dependencies, db: tx }).advisorsOf(tx, row);
  }

  return [
    {
      name: 'request-overdue',
      async run(tx) {
        const steps = createRequestSteps({ ...dependencies, db: tx });
        const repository = createRequestRepository(tx);
        const today = dateInAmsterdam(clock.now());
        for (const row of await repository.findNewlyOverdue(today, batchSize)) {
          await steps.notify(tx, row, await steps.advisorsOf(tx, row), { topic: 'request.overdue', notice: requestNotices.overdue(row, today) });
          await repository.markReminded(row.id, { overdueNotifiedAt: clock.now() });
        }
      },
    },
    {
      name: 'request-update-due',
      async run(tx) {
        const steps = createRequestSteps({ ...dependencies, db: tx });
        const repository = createRequestRepository(tx);
        const today = dateInAmsterdam(clock.now());
        for (const row of await repository.findUpdatesDue(addDays(today, 3), batchSize)) {
          await steps.notify(tx, row, await ownersOf(tx, row), { topic: 'request.updateDue', notice: requestNotices.updateDue(row, row.nextUpdateDue!, row.nextUpdateDue! < today) });
          await repository.markReminded(row.id, { updateRemindedFor: row.nextUpdateDue });
        }
      },
    },
    {
      name: 'request-decision-due',
      async run(tx) {
        const steps = createRequestSteps({ ...dependencies, db: tx });
        const repository = createRequestRepository(tx);
        const today = dateInAmsterdam(clock.now());
        for (const row of await repository.findDecisionsDue(today, batchSize)) {
          const decisionDueOn = (row.answer as { decisionDueOn?: string } | null)?.decisionDueOn ?? '';
          const isPast = decisionDueOn < today;
          await steps.notify(tx, row, await ownersOf(tx, row), { topic: 'request.decisionDue', notice: requestNotices.decisionDue(row, decisionDueOn, isPast) });
          await repository.markReminded(row.id, { decisionRemindedAt: clock.now() });
        }
      },
    },
  ];
}
