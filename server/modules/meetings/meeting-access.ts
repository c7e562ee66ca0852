import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can, type PermissionTarget } from '../../platform/permissions.ts';
import { meetingParticipant } from './meeting-participant.tables.ts';
import { isVisibleToOutsiders } from './meeting.presenter.ts';
import { createMeetingRepository, type MeetingRecord } from './meeting.repository.ts';
import { minutesWriterSide } from './meeting.rules.ts';
import { meetingMinutesPermissions, meetingPlanningPermissions } from './meetings.permissions.ts';

export const meetingActions = [
  'confirm',
  'cancel',
  'reschedule',
  'markHeld',
  'editAgenda',
  'proposeAgendaItem',
  'manageParticipants',
  'sendInvitations',
  'answerInvitation',
  'recordAttendance',
  'writeMinutes',
  'manageFollowUps',
] as const;
export type MeetingAction = (typeof meetingActions)[number];

/** One reader's relation to one meeting: what they may see of it and what they may do with it. */
export interface MeetingAccess {
  record: MeetingRecord;
  councilIds: string[];
  target: PermissionTarget;
  /** Participants and municipal staff: they see the closed part (agenda, participants, minutes). */
  isInsider: boolean;
  /** The initiator's side: owns agenda, logistics and invitations. */
  isOrganiser: boolean;
  mayWriteMinutes: boolean;
  /** Plans meetings here (the organiser, or a member of the council who may ask for agenda items). */
  mayPlan: boolean;
  /** The reader's own invitation, when they are invited by name. */
  participantId: string | null;
  allowedActions: MeetingAction[];
}

/**
 * Loads a meeting as this reader may know it. A closed meeting without a public part does not exist for outsiders,
 * so they get 404, never a hint that it is there.
 */
export async function loadMeetingAccess(db: Executor, clock: Clock, context: UseCaseContext, meetingId: string): Promise<MeetingAccess> {
  const repository = createMeetingRepository(db);
  const record = await repository.findRecord(context.municipalityId, meetingId);
  if (!record) throw new DomainError('NOT_FOUND');
  const row = record.meeting;
  const councilIds = row.neighbourhoodId ? await repository.councilIdsOf(context.municipalityId, row.neighbourhoodId) : [];
  const target: PermissionTarget = { neighbourhoodIds: row.neighbourhoodId ? [row.neighbourhoodId] : [], councilId: councilIds[0] };
  const actor = context.actor;
  const [own] = actor
    ? await db
        .select({ id: meetingParticipant.id })
        .from(meetingParticipant)
        .where(and(eq(meetingParticipant.municipalityId, context.municipalityId), eq(meetingParticipant.meetingId, meetingId), eq(meetingParticipant.userId, actor.userId)))
    : [];
  const permissions = { ...meetingPlanningPermissions, ...meetingMinutesPermissions };
  const isStaffOrOwnCouncil = councilIds.some((councilId) => can(actor, permissions['meeting.viewClosed'], { councilId })) || can(actor, permissions['meeting.viewClosed'], { councilId: '' });
  const isInsider = isStaffOrOwnCouncil || own !== undefined;
  if (!isInsider && !isVisibleToOutsiders(record)) throw new DomainError('NOT_FOUND');
  // A draft from the planner is the municipality's working copy: only staff know of it.
  if (row.state === 'draft' && !can(actor, permissions['meeting.viewClosed'], { councilId: '' })) throw new DomainError('NOT_FOUND');

  const mayPlan = can(actor, permissions['meeting.plan'], target);
  const isOrganiser = mayPlan && (can(actor, permissions['meeting.override'], target) || row.initiatorSide === 'council');
  const mayWriteMinutes = minutesWriterSide(record.kind.code, row.initiatorSide) === 'council' ? mayPlan : can(actor, permissions['meeting.writeMinutes'], target);

  const isOpen = row.state === 'planned' || row.state === 'draft';
  const isHeld = row.state === 'held';
  const hasStarted = row.startsAt.getTime() <= clock.now().getTime();
  const allowed: MeetingAction[] = [];
  // A draft from the planner is fixed (given its place) by the municipality's side: its advisor or an administrator.
  if (row.state === 'draft' && can(actor, permissions['meeting.override'], target)) allowed.push('confirm');
  if (isOrganiser && isOpen) allowed.push('cancel', 'reschedule', 'editAgenda', 'manageParticipants', 'sendInvitations');
  if (isOrganiser && row.state === 'planned' && hasStarted) allowed.push('markHeld');
  if (!isOrganiser && isOpen && mayPlan) allowed.push('proposeAgendaItem');
  if (own && row.state === 'planned') allowed.push('answerInvitation');
  if ((isOrganiser || mayWriteMinutes) && isHeld) allowed.push('recordAttendance', 'manageFollowUps');
  if (mayWriteMinutes && isHeld) allowed.push('writeMinutes');
  return { record, councilIds, target, isInsider, isOrganiser, mayWriteMinutes, mayPlan, participantId: own?.id ?? null, allowedActions: allowed };
}

/** Refuses what the reader may not do here: 403 when the action is not theirs, 409 when the meeting's state forbids it. */
export function requireAction(access: MeetingAccess, action: MeetingAction, context: UseCaseContext): void {
  if (access.allowedActions.includes(action)) return;
  if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
  if (!isTheirsToDo(access, action)) throw new DomainError('FORBIDDEN');
  throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: access.record.meeting.state } });
}

/** Whether the action is this reader's at all, whatever the meeting's state. */
function isTheirsToDo(access: MeetingAccess, action: MeetingAction): boolean {
  switch (action) {
    case 'proposeAgendaItem':
      return access.mayPlan && !access.isOrganiser;
    case 'answerInvitation':
      return access.participantId !== null;
    case 'recordAttendance':
    case 'manageFollowUps':
      return access.isOrganiser || access.mayWriteMinutes;
    case 'writeMinutes':
      return access.mayWriteMinutes;
    default:
      return access.isOrganiser;
  }
}
