import type { Executor } from '../../db/client.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import type { PartyRef } from './action-plan-content.repository.ts';
import { actionPlanPermissions as permissions } from './action-plans.permissions.ts';
import { createActionPlanRepository, type PlanRecord } from './action-plan.repository.ts';

/** What one person may do with one plan, worked out once per call. */
export interface PlanAccess {
  record: PlanRecord;
  councils: { id: string; name: string }[];
  /** The neighbourhood's advisor or an administrator: runs the plan. */
  mayManage: boolean;
  /** Municipal staff: everything, drafts included. */
  isStaff: boolean;
  /** The parties this person acts for that can play a part in this plan. */
  myParties: PartyRef[];
}

/** Staff hold `actionPlan.view` for the whole municipality; a target nobody is scoped to tells them apart. */
export function isMunicipalStaff(context: UseCaseContext): boolean {
  return can(context.actor, permissions['actionPlan.view'], { councilId: '' });
}

/** The parties a person acts for, with the councils limited to those of the plan's neighbourhood. */
export function partiesOf(context: UseCaseContext, councilIds: string[]): PartyRef[] {
  return [
    ...scopeIdsOf(context.actor, 'council_member')
      .filter((id) => councilIds.includes(id))
      .map((id) => ({ kind: 'council' as const, id })),
    ...scopeIdsOf(context.actor, 'partner').map((id) => ({ kind: 'partner' as const, id })),
    ...scopeIdsOf(context.actor, 'officer').map((id) => ({ kind: 'department' as const, id })),
  ];
}

/**
 * Loads the plan and decides who may see it: staff always; the council's members and invited or owning partners once
 * it is past the draft. Anyone else gets "not found", so a plan's existence does not leak.
 */
export async function loadPlanAccess(db: Executor, context: UseCaseContext, planId: string): Promise<PlanAccess> {
  const repository = createActionPlanRepository(db);
  const record = await repository.findPlan(context.municipalityId, planId);
  if (!record) throw new DomainError('NOT_FOUND');
  const councils = await repository.councilsOfNeighbourhood(context.municipalityId, record.plan.neighbourhoodId);
  const isStaff = isMunicipalStaff(context);
  const mayManage = can(context.actor, permissions['actionPlan.manage'], { neighbourhoodIds: [record.plan.neighbourhoodId] });
  const myParties = partiesOf(context, councils.map((item) => item.id));
  if (!isStaff && !mayManage) {
    const isDraft = record.plan.state === 'draft';
    const isCouncilMember = councils.some((item) => can(context.actor, permissions['actionPlan.view'], { councilId: item.id }));
    let isPartner = false;
    const partnerIds = myParties.filter((party) => party.kind === 'partner').map((party) => party.id);
    if (!isCouncilMember && partnerIds.length) isPartner = await repository.involvesPartner(context.municipalityId, planId, partnerIds);
    if (isDraft || !(isCouncilMember || isPartner)) throw new DomainError('NOT_FOUND');
  }
  return { record, councils, mayManage, isStaff, myParties };
}
