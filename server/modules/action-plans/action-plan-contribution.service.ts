import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { loadPlanAccess } from './action-plan-access.ts';
import type { ContributeInput, HandleContribution, InviteInput } from './action-plan-content.contract.ts';
import { requireEditable } from './action-plan-content.service.ts';
import { createActionPlanContentRepository, type PartyRef, partyColumns, partyOf } from './action-plan-content.repository.ts';
import { notifyContributionHandled, notifyInvitedParties } from './action-plan-messages.ts';
import { presentContribution, presentInvitation } from './action-plan.presenter.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { stateForbids } from './action-plan.service.ts';
import { acceptsContributions } from './action-plan.workflow.ts';
import { invalidField, unknownReference } from './action-plans.errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';

const sameParty = (a: PartyRef, b: PartyRef) => a.kind === b.kind && a.id === b.id;

/** Invitations to contribute, the parties' contributions, and what the advisor does with them. */
export function createActionPlanContributionService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  return {
    async invite(context: UseCaseContext, planId: string, input: InviteInput) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        if (!access.mayManage) throw new DomainError('FORBIDDEN');
        const { plan } = access.record;
        if (!(plan.state === 'draft' || plan.state === 'collecting' || plan.state === 'ready')) throw stateForbids(plan.state);
        const content = createActionPlanContentRepository(tx);
        const existing = (await content.invitations(context.municipalityId, planId)).map((row) => partyOf(row.invitation));
        const parties: PartyRef[] = [];
        for (const [index, party] of input.parties.entries()) {
          if ((await content.partyName(context.municipalityId, party)) === undefined) throw unknownReference(`parties.${index}.id`);
          if (party.kind === 'council' && !access.councils.some((item) => item.id === party.id)) throw invalidField(`parties.${index}.id`, 'ownerNotCouncilOfNeighbourhood');
          if (existing.some((item) => sameParty(item, party)) || parties.some((item) => sameParty(item, party))) throw invalidField(`parties.${index}.id`, 'partyAlreadyInvited');
          parties.push(party);
        }
        const dueOn = input.dueOn ?? plan.contributionsDueOn;
        const rows = await content.insertInvitations(parties.map((party) => ({ municipalityId: context.municipalityId, planId, ...partyColumns(party), dueOn, invitedAt: clock.now() })));
        // Parties invited while collecting hear at once; the others when collecting starts.
        if (plan.state === 'collecting') await notifyInvitedParties(tx, clock, context, plan, parties);
        for (const row of rows) await recordAudit(tx, clock, context, { action: 'actionPlan.invite', entityType: 'action_plan_invitation', entityId: row.id, after: row });
        const today = dateInAmsterdam(clock.now());
        return (await content.invitations(context.municipalityId, planId)).map((row) => presentInvitation(row, today));
      });
    },

    async contribute(context: UseCaseContext, planId: string, input: ContributeInput) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        const { plan } = access.record;
        const content = createActionPlanContentRepository(tx);
        if (input.party && (await content.partyName(context.municipalityId, input.party)) === undefined) throw unknownReference('party.id');
        const invited = (await content.invitations(context.municipalityId, planId)).map((row) => partyOf(row.invitation));
        const mine = access.myParties.filter((party) => invited.some((item) => sameParty(item, party)));
        if (mine.length === 0) throw new DomainError('ACTION_PLAN_NOT_INVITED');
        if (!acceptsContributions(plan.state)) throw stateForbids(plan.state);
        const party = input.party ?? (mine.length === 1 ? mine[0] : undefined);
        if (!party) throw invalidField('party', 'partyRequired');
        if (!mine.some((item) => sameParty(item, party))) throw new DomainError('ACTION_PLAN_NOT_INVITED');
        if (input.startsOn && input.deadlineOn && input.deadlineOn < input.startsOn) throw invalidField('deadlineOn', 'deadlineBeforeStart');
        const { party: _, challengeTitle, title, ...proposal } = input;
        const now = clock.now();
        const contribution = await content.insertContribution({
          municipalityId: context.municipalityId,
          planId,
          ...partyColumns(party),
          challengeTitle,
          title,
          proposal: {
            specific: proposal.specific ?? null,
            location: proposal.location ?? null,
            indicator: proposal.indicator ?? null,
            baseline: proposal.baseline ?? null,
            target: proposal.target ?? null,
            unit: proposal.unit ?? null,
            startsOn: proposal.startsOn ?? null,
            deadlineOn: proposal.deadlineOn ?? null,
            budgetEuros: proposal.budgetEuros ?? null,
            hours: proposal.hours ?? null,
            fundingSource: proposal.fundingSource ?? null,
          },
          state: 'submitted',
          submittedByUserId: context.actor!.userId,
          submittedAt: now,
        });
        await content.markContributed(context.municipalityId, planId, party, now);
        await recordAudit(tx, clock, context, { action: 'actionPlan.contribute', entityType: 'action_plan_contribution', entityId: contribution.id, after: contribution });
        const name = (await content.partyName(context.municipalityId, party)) ?? '';
        return presentContribution({ contribution, name }, false);
      });
    },

    async handle(context: UseCaseContext, contributionId: string, input: HandleContribution) {
      return inTransaction(db, async (tx) => {
        const content = createActionPlanContentRepository(tx);
        const before = await content.findContribution(context.municipalityId, contributionId);
        if (!before) throw new DomainError('NOT_FOUND');
        const access = await loadPlanAccess(tx, context, before.planId);
        requireEditable(access);
        if (before.state !== 'submitted') throw new DomainError('CONTRIBUTION_ALREADY_HANDLED');
        if (before.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        const party = partyOf(before);
        const now = clock.now();
        let changes: Parameters<typeof content.updateContribution>[3];
        if (input.outcome === 'takeOver') {
          let challengeId = input.challengeId;
          if (challengeId) {
            const challenge = await content.findChallenge(context.municipalityId, challengeId);
            if (!challenge || challenge.planId !== before.planId) throw invalidField('challengeId', 'challengeNotOfPlan');
          } else {
            // The proposed challenge: an existing one of the same title, or a new one.
            const existing = (await content.challenges(context.municipalityId, before.planId)).find((item) => item.challenge.title.trim().toLowerCase() === before.challengeTitle.trim().toLowerCase());
            challengeId =
              existing?.challenge.id ??
              (await content.insertChallenge({ municipalityId: context.municipalityId, planId: before.planId, position: await content.nextChallengePosition(context.municipalityId, before.planId), title: before.challengeTitle, createdAt: now }, [])).id;
          }
          const action = await content.insertAction({
            municipalityId: context.municipalityId,
            planId: before.planId,
            challengeId,
            position: await content.nextActionPosition(context.municipalityId, challengeId),
            title: before.title,
            ...before.proposal,
            ownerKind: party.kind,
            ownerDepartmentId: party.kind === 'department' ? party.id : null,
            ownerPartnerOrganisationId: party.kind === 'partner' ? party.id : null,
            ownerCouncilId: party.kind === 'council' ? party.id : null,
            originKind: 'contribution',
            createdAt: now,
            updatedAt: now,
          });
          changes = { state: 'taken_over', actionId: action.id };
        } else if (input.outcome === 'merge') {
          const action = await content.findAction(context.municipalityId, input.actionId);
          if (!action || action.planId !== before.planId) throw invalidField('actionId', 'actionNotOfPlan');
          changes = { state: 'merged', actionId: action.id };
        } else {
          changes = { state: 'declined', declineReason: input.reason };
        }
        const after = await content.updateContribution(context.municipalityId, contributionId, input.version, { ...changes, handledAt: now, handledByUserId: context.actor!.userId });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, before.planId, now);
        await notifyContributionHandled(tx, clock, access.record.plan, party, before.title, after.state as 'taken_over' | 'merged' | 'declined', after.declineReason);
        await recordAudit(tx, clock, context, { action: `actionPlan.contribution.${input.outcome}`, entityType: 'action_plan_contribution', entityId: contributionId, before, after });
        const name = (await content.partyName(context.municipalityId, party)) ?? '';
        return presentContribution({ contribution: after, name }, false);
      });
    },
  };
}

export type ActionPlanContributionService = ReturnType<typeof createActionPlanContributionService>;
