import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import { meetingPlanningPermissions } from './meetings.permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { loadMeetingAccess, type MeetingAccess, requireAction } from './meeting-access.ts';
import type { AddAgendaItem, AddContribution, DecideAgendaItem } from './meeting-agenda.contract.ts';
import { createMeetingAgendaRepository } from './meeting-agenda.repository.ts';
import { unknownReference } from './meetings.errors.ts';

/** The agenda and what participants prepare for it. */
export function createMeetingAgendaService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  async function agendaOf(tx: Executor, context: UseCaseContext, access: MeetingAccess) {
    const repository = createMeetingAgendaRepository(tx);
    const meetingId = access.record.meeting.id;
    const isPublicMeeting = access.record.kind.character === 'public';
    // Outsiders see the agreed agenda of a public meeting; of a closed meeting (even with a public part) nothing.
    if (!access.isInsider && !isPublicMeeting) return { meetingId, items: [], contributions: [] };
    const rows = await repository.items(context.municipalityId, meetingId);
    const items = rows
      .filter((row) => access.isInsider || row.item.state === 'accepted')
      .map(({ item, requestReference, requestTitle, requestIsPublic }) => ({
        id: item.id,
        position: item.position,
        title: item.title,
        description: item.description,
        request: item.requestId && requestReference && (access.isInsider || requestIsPublic) ? { id: item.requestId, reference: requestReference, title: requestTitle ?? '' } : null,
        state: item.state,
        declineReason: access.isInsider ? item.declineReason : null,
        isProposedByCouncil: item.isProposal,
      }));
    const today = dateInAmsterdam(clock.now());
    const contributions = access.isInsider
      ? (await repository.contributions(context.municipalityId, meetingId)).map(({ contribution, assigneeName }) => ({
          id: contribution.id,
          title: contribution.title,
          assignee: { userId: contribution.assigneeUserId, name: assigneeName },
          dueOn: contribution.dueOn,
          isDelivered: contribution.deliveredAt !== null,
          deliveredText: contribution.deliveredText,
          isOverdue: contribution.deliveredAt === null && contribution.dueOn < today,
        }))
      : [];
    return { meetingId, items, contributions };
  }

  return {
    async getAgenda(context: UseCaseContext, meetingId: string) {
      return agendaOf(db, context, await loadMeetingAccess(db, clock, context, meetingId));
    },

    /** The organiser adds a point; a member of the neighbourhood's council asks for one of their council's requests. */
    async addAgendaItem(context: UseCaseContext, meetingId: string, input: AddAgendaItem) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        const isProposal = !access.isOrganiser;
        requireAction(access, isProposal ? 'proposeAgendaItem' : 'editAgenda', context);
        const repository = createMeetingAgendaRepository(tx);
        if (isProposal && !input.requestId) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.requestId', code: 'agendaRequestRequired' }] });
        if (input.requestId) {
          // The council's side links its own council's requests; the municipality's staff any request of the municipality.
          const isCouncilSide = !can(context.actor, meetingPlanningPermissions['meeting.override'], access.target);
          const ofCouncils = isCouncilSide ? { councilIds: scopeIdsOf(context.actor, 'council_member'), userId: context.actor!.userId } : undefined;
          if (!(await repository.findRequest(context.municipalityId, input.requestId, ofCouncils))) throw unknownReference('body.requestId');
        }
        const now = clock.now();
        const row = await repository.insertItem({
          municipalityId: context.municipalityId,
          meetingId,
          position: await repository.nextPosition(context.municipalityId, meetingId),
          title: input.title,
          description: input.description,
          requestId: input.requestId,
          state: isProposal ? 'requested' : 'accepted',
          isProposal,
          proposedByUserId: context.actor!.userId,
          createdAt: now,
        });
        await recordAudit(tx, clock, context, { action: isProposal ? 'meeting.proposeAgendaItem' : 'meeting.addAgendaItem', entityType: 'meeting', entityId: meetingId, after: row });
        if (isProposal) {
          // The organiser hears of it in Wijkwerk, to accept or decline.
          await enqueueMessage(tx, clock, {
            municipalityId: context.municipalityId,
            channel: 'in_app',
            recipientUserId: access.record.meeting.createdByUserId,
            topic: 'meeting.agendaItemProposed',
            subject: `Agendapunt gevraagd voor ${access.record.meeting.title}`,
            body: `Het wijkorgaan vraagt om “${input.title}” op de agenda te zetten. Neem het op of wijs het met een reden af.`,
            payload: { meetingId },
          });
        }
        return agendaOf(tx, context, access);
      });
    },

    async decideAgendaItem(context: UseCaseContext, meetingId: string, itemId: string, input: DecideAgendaItem) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'editAgenda', context);
        const repository = createMeetingAgendaRepository(tx);
        const before = await repository.findItem(context.municipalityId, meetingId, itemId);
        if (!before) throw new DomainError('NOT_FOUND');
        if (before.state !== 'requested') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: before.state } });
        const after = await repository.updateItem(context.municipalityId, itemId, input.decision === 'accept' ? { state: 'accepted' } : { state: 'declined', declineReason: input.reason });
        await recordAudit(tx, clock, context, { action: 'meeting.decideAgendaItem', entityType: 'meeting', entityId: meetingId, before, after });
        await enqueueMessage(tx, clock, {
          municipalityId: context.municipalityId,
          channel: 'in_app',
          recipientUserId: before.proposedByUserId,
          topic: 'meeting.agendaItemDecided',
          subject: input.decision === 'accept' ? `Op de agenda: ${before.title}` : `Niet op de agenda: ${before.title}`,
          body: input.decision === 'accept' ? `“${before.title}” staat op de agenda van ${access.record.meeting.title}.` : `“${before.title}” komt niet op de agenda van ${access.record.meeting.title}. Reden: ${input.reason}`,
          payload: { meetingId },
        });
        return agendaOf(tx, context, access);
      });
    },

    async removeAgendaItem(context: UseCaseContext, meetingId: string, itemId: string) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'editAgenda', context);
        const repository = createMeetingAgendaRepository(tx);
        const before = await repository.findItem(context.municipalityId, meetingId, itemId);
        if (!before) throw new DomainError('NOT_FOUND');
        await repository.deleteItem(context.municipalityId, itemId);
        await recordAudit(tx, clock, context, { action: 'meeting.removeAgendaItem', entityType: 'meeting', entityId: meetingId, before });
        return agendaOf(tx, context, access);
      });
    },

    async addContribution(context: UseCaseContext, meetingId: string, input: AddContribution) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'editAgenda', context);
        const repository = createMeetingAgendaRepository(tx);
        if (!(await repository.userExists(context.municipalityId, input.assigneeUserId))) throw unknownReference('body.assigneeUserId');
        const meetingDay = dateInAmsterdam(access.record.meeting.startsAt);
        if (input.dueOn > meetingDay) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.dueOn', code: 'contributionAfterMeeting' }] });
        if (input.dueOn < dateInAmsterdam(clock.now())) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.dueOn', code: 'dateInPast' }] });
        const row = await repository.insertContribution({ municipalityId: context.municipalityId, meetingId, title: input.title, assigneeUserId: input.assigneeUserId, dueOn: input.dueOn, createdAt: clock.now() });
        await recordAudit(tx, clock, context, { action: 'meeting.addContribution', entityType: 'meeting', entityId: meetingId, after: row });
        await enqueueMessage(tx, clock, {
          municipalityId: context.municipalityId,
          channel: 'in_app',
          recipientUserId: input.assigneeUserId,
          topic: 'meeting.contributionAsked',
          subject: `Voorbereiden voor ${access.record.meeting.title}`,
          body: `Je wordt gevraagd voor ${input.dueOn} aan te leveren: ${input.title}.`,
          payload: { meetingId },
        });
        return agendaOf(tx, context, access);
      });
    },

    async deliverContribution(context: UseCaseContext, meetingId: string, contributionId: string, input: { text: string }) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        const repository = createMeetingAgendaRepository(tx);
        const before = await repository.findContribution(context.municipalityId, meetingId, contributionId);
        if (!before || !access.isInsider) throw new DomainError('NOT_FOUND');
        if (before.assigneeUserId !== context.actor?.userId) throw new DomainError('FORBIDDEN');
        if (access.record.meeting.state !== 'planned') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: access.record.meeting.state } });
        const after = await repository.updateContribution(context.municipalityId, contributionId, { deliveredAt: clock.now(), deliveredText: input.text });
        await recordAudit(tx, clock, context, { action: 'meeting.deliverContribution', entityType: 'meeting', entityId: meetingId, before, after });
        return agendaOf(tx, context, access);
      });
    },
  };
}

export type MeetingAgendaService = ReturnType<typeof createMeetingAgendaService>;
