import type { z } from 'zod';
import type { actionSchema, contributionSchema, invitationSchema } from './action-plan-content.contract.ts';
import type { ActionRow, ContributionRow, InvitationRow, PartyRef, PointRow } from './action-plan-content.repository.ts';
import { ownerOf, partyOf } from './action-plan-content.repository.ts';
import { attentionOf, isOverdue, type ProgressAction, rollUp } from './action-plan-progress.rules.ts';
import { contributionStatusOf } from './action-plan-report.rules.ts';
import type { actionPlanSchema, PlanAction } from './action-plan.contract.ts';
import type { PlanAccess } from './action-plan-access.ts';
import { acceptsContributions, acceptsProgress, isContentEditable, mayOpenRevision, transitionsFrom } from './action-plan.workflow.ts';

type ActionView = z.infer<typeof actionSchema>;
type PlanView = z.infer<typeof actionPlanSchema>;

export interface ActionRecord {
  action: ActionRow;
  ownerName: string | null;
  contactName: string | null;
  originRequest: string | null;
  originFollowUp: string | null;
  originContribution: string | null;
  originContributionId: string | null;
}

export interface PlanParts {
  challenges: { challenge: { id: string; position: number; title: string; description: string | null }; themes: { id: string; nameNl: string; nameEn: string }[] }[];
  actions: ActionRecord[];
  points: PointRow[];
  invitations: { invitation: InvitationRow; name: string }[];
  contributions: { contribution: ContributionRow; name: string }[];
  versions: { number: number; adoptedOn: string; changeLog: string | null }[];
}

const sameParty = (a: PartyRef | null, b: PartyRef) => a !== null && a.kind === b.kind && a.id === b.id;

export function progressActionOf(row: ActionRow): ProgressAction {
  return { id: row.id, challengeId: row.challengeId, status: row.progressStatus, startsOn: row.startsOn, deadlineOn: row.deadlineOn, baseline: row.baseline, target: row.target, currentValue: row.currentValue };
}

function originOf(record: ActionRecord): ActionView['origin'] {
  const { action } = record;
  if (action.originRequestId) return { kind: 'request', id: action.originRequestId, label: record.originRequest ?? '' };
  if (action.originFollowUpId) return { kind: 'follow_up', id: action.originFollowUpId, label: record.originFollowUp ?? '' };
  if (record.originContributionId) return { kind: 'contribution', id: record.originContributionId, label: record.originContribution ?? '' };
  return null;
}

/** One action as the reader may see it, with what they may do with it. */
export function presentAction(record: ActionRecord, access: PlanAccess, today: string): ActionView {
  const { action } = record;
  const { plan } = access.record;
  const owner = ownerOf(action);
  const isEditable = access.mayManage && isContentEditable(plan.state, plan.hasOpenRevision);
  const isOwner = access.myParties.some((party) => sameParty(owner, party));
  const allowedActions: ActionView['allowedActions'] = [];
  if (isEditable) allowedActions.push('edit', 'delete');
  if (acceptsProgress(plan.state) && (access.mayManage || isOwner)) allowedActions.push('postProgress');
  const progress = progressActionOf(action);
  return {
    id: action.id,
    challengeId: action.challengeId,
    position: action.position,
    title: action.title,
    specific: action.specific,
    location: action.location,
    indicator: action.indicator,
    baseline: action.baseline,
    target: action.target,
    unit: action.unit,
    owner: owner ? { ...owner, name: record.ownerName ?? '' } : null,
    contact: action.contactUserId ? { id: action.contactUserId, displayName: record.contactName ?? '' } : null,
    isOnTopOfRegularWork: action.isOnTopOfRegularWork,
    budgetEuros: action.budgetEuros,
    hours: action.hours,
    fundingSource: action.fundingSource,
    startsOn: action.startsOn,
    deadlineOn: action.deadlineOn,
    origin: originOf(record),
    progress: {
      status: action.progressStatus,
      currentValue: action.currentValue,
      note: action.progressNote,
      updatedAt: action.progressUpdatedAt?.toISOString() ?? null,
      doneOn: action.doneOn,
      droppedReason: action.droppedReason,
    },
    isOverdue: isOverdue(progress, today),
    attention: attentionOf(progress, today),
    version: action.version,
    allowedActions,
  };
}

export function presentInvitation(row: { invitation: InvitationRow; name: string }, today: string): z.infer<typeof invitationSchema> {
  const { invitation } = row;
  return {
    id: invitation.id,
    party: { ...partyOf(invitation), name: row.name },
    dueOn: invitation.dueOn,
    invitedAt: invitation.invitedAt.toISOString(),
    contributedAt: invitation.contributedAt?.toISOString() ?? null,
    status: contributionStatusOf({ dueOn: invitation.dueOn, contributedAt: invitation.contributedAt?.toISOString().slice(0, 10) ?? null }, today),
  };
}

export function presentContribution(row: { contribution: ContributionRow; name: string }, mayHandle: boolean): z.infer<typeof contributionSchema> {
  const { contribution } = row;
  return {
    id: contribution.id,
    party: { ...partyOf(contribution), name: row.name },
    challengeTitle: contribution.challengeTitle,
    title: contribution.title,
    proposal: contribution.proposal,
    state: contribution.state,
    declineReason: contribution.declineReason,
    actionId: contribution.actionId,
    submittedAt: contribution.submittedAt.toISOString(),
    handledAt: contribution.handledAt?.toISOString() ?? null,
    version: contribution.version,
    allowedActions: mayHandle && contribution.state === 'submitted' ? ['handle'] : [],
  };
}

/** What the reader may do with the plan as a whole. */
export function planActionsOf(access: PlanAccess, invitedParties: PartyRef[]): PlanAction[] {
  const { plan } = access.record;
  const actions: PlanAction[] = [];
  if (access.mayManage) {
    actions.push(...transitionsFrom(plan.state).filter((transition): transition is Exclude<typeof transition, 'adopt'> => transition !== 'adopt'));
    const isEditable = isContentEditable(plan.state, plan.hasOpenRevision);
    if (isEditable) actions.push('edit', 'addPoint');
    if (plan.state === 'draft' || plan.state === 'collecting' || plan.state === 'ready') actions.push('invite');
    if (plan.state === 'ready' || plan.hasOpenRevision) actions.push('adopt');
    if (mayOpenRevision(plan.state, plan.hasOpenRevision)) actions.push('openRevision');
    if (isEditable) actions.push('handleContributions');
  }
  if (acceptsContributions(plan.state) && access.myParties.some((party) => invitedParties.some((invited) => sameParty(invited, party)))) actions.push('contribute');
  return actions;
}

/** The whole plan as its reader may see it. */
export function presentPlan(access: PlanAccess, parts: PlanParts, today: string): PlanView {
  const { plan, neighbourhood, meeting } = access.record;
  const progress = parts.actions.map((record) => progressActionOf(record.action));
  const rollup = rollUp(progress, today);
  const invitedParties = parts.invitations.map((row) => partyOf(row.invitation));
  const allowedActions = planActionsOf(access, invitedParties);
  const mayHandle = allowedActions.includes('handleContributions');
  // Parties see their own contributions; staff see them all.
  const contributions = parts.contributions.filter((row) => access.isStaff || access.mayManage || access.myParties.some((party) => sameParty(partyOf(row.contribution), party)));
  const emptyRollup = rollUp([], today).plan;
  return {
    id: plan.id,
    title: plan.title,
    state: plan.state,
    neighbourhood,
    meeting: { ...meeting, startsAt: meeting.startsAt.toISOString() },
    periodStartsOn: plan.periodStartsOn,
    periodEndsOn: plan.periodEndsOn,
    contributionsDueOn: plan.contributionsDueOn,
    currentVersionNumber: plan.currentVersionNumber,
    adoptedOn: plan.adoptedOn,
    hasOpenRevision: plan.hasOpenRevision,
    reportIntervalMonths: plan.reportIntervalMonths,
    version: plan.version,
    challenges: parts.challenges.map(({ challenge, themes }) => ({
      id: challenge.id,
      position: challenge.position,
      title: challenge.title,
      description: challenge.description,
      themes,
      actions: parts.actions.filter((record) => record.action.challengeId === challenge.id).map((record) => presentAction(record, access, today)),
      rollup: rollup.challenges[challenge.id] ?? emptyRollup,
    })),
    points: parts.points.map((point) => ({ id: point.id, kind: point.kind, text: point.text, challengeId: point.challengeId, actionId: point.actionId, createdAt: point.createdAt.toISOString() })),
    invitations: parts.invitations.map((row) => presentInvitation(row, today)),
    contributions: contributions.map((row) => presentContribution(row, mayHandle)),
    versions: parts.versions,
    rollup: rollup.plan,
    myParties: access.myParties.map((party) => ({ ...party, name: parts.invitations.find((row) => sameParty(partyOf(row.invitation), party))?.name ?? '' })).filter((party) => party.name !== ''),
    allowedActions,
  };
}
