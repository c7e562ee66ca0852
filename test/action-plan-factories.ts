import { and, eq } from 'drizzle-orm';
import { actionPlan, actionPlanAction, actionPlanChallenge } from '../server/modules/action-plans/index.ts';
import { meeting, meetingKind } from '../server/modules/meetings/index.ts';
import type { TestApp } from './harness.ts';

/**
 * Plans as monitoring finds them, straight in the database: the way a plan comes about (contributions, the SMART check,
 * adoption) has its own API tests, and monitoring only needs the result.
 */

export interface ActionSeed {
  title: string;
  deadlineOn: string | null;
  status?: (typeof actionPlanAction.$inferInsert)['progressStatus'];
  owner?: { kind: 'department' | 'partner' | 'council'; id: string };
}

export interface PlanSeed {
  neighbourhoodId: string;
  title: string;
  state?: (typeof actionPlan.$inferInsert)['state'];
  periodStartsOn?: string;
  periodEndsOn?: string;
  adoptedOn?: string | null;
  reportIntervalMonths?: number;
  actions?: ActionSeed[];
}

let meetingDay = 0;

export async function insertMonitoredPlan(t: TestApp, createdByUserId: string, seed: PlanSeed) {
  const db = t.database.db;
  const now = new Date('2026-01-01T00:00:00Z');
  const [kind] = await db.select().from(meetingKind).where(and(eq(meetingKind.municipalityId, t.municipalityId), eq(meetingKind.code, 'wijktafel')));
  // Each plan its own wijktafel: one plan per wijktafel.
  const startsAt = new Date(Date.UTC(2025, 0, 10 + meetingDay++, 18));
  const [held] = await db
    .insert(meeting)
    .values({
      municipalityId: t.municipalityId,
      kindId: kind.id,
      neighbourhoodId: seed.neighbourhoodId,
      title: `Wijktafel ${seed.title}`,
      state: 'held',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      location: 'Wijkhuis',
      isLocationInNeighbourhood: true,
      initiatorSide: 'municipality',
      invitedGroups: ['council'],
      createdByUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [plan] = await db
    .insert(actionPlan)
    .values({
      municipalityId: t.municipalityId,
      neighbourhoodId: seed.neighbourhoodId,
      meetingId: held.id,
      title: seed.title,
      state: seed.state ?? 'in_execution',
      periodStartsOn: seed.periodStartsOn ?? '2026-01-01',
      periodEndsOn: seed.periodEndsOn ?? '2027-12-31',
      contributionsDueOn: '2025-12-01',
      reportIntervalMonths: seed.reportIntervalMonths ?? 3,
      currentVersionNumber: seed.adoptedOn === null ? null : 1,
      adoptedOn: seed.adoptedOn === undefined ? '2026-01-01' : seed.adoptedOn,
      createdByUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [challenge] = await db.insert(actionPlanChallenge).values({ municipalityId: t.municipalityId, planId: plan.id, position: 1, title: 'Veilig en schoon', createdAt: now }).returning();
  const actions = [];
  for (const [index, action] of (seed.actions ?? []).entries()) {
    const owner = action.owner;
    const [row] = await db
      .insert(actionPlanAction)
      .values({
        municipalityId: t.municipalityId,
        planId: plan.id,
        challengeId: challenge.id,
        position: index + 1,
        title: action.title,
        deadlineOn: action.deadlineOn,
        progressStatus: action.status ?? 'on_track',
        doneOn: action.status === 'done' ? '2026-05-01' : null,
        ownerKind: owner?.kind ?? null,
        ownerDepartmentId: owner?.kind === 'department' ? owner.id : null,
        ownerPartnerOrganisationId: owner?.kind === 'partner' ? owner.id : null,
        ownerCouncilId: owner?.kind === 'council' ? owner.id : null,
        target: 10,
        unit: 'meldingen',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    actions.push(row);
  }
  return { plan, challenge, actions };
}
