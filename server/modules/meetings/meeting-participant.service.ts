import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Language } from '../../platform/language.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { loadMeetingAccess, type MeetingAccess, requireAction } from './meeting-access.ts';
import { type InvitationMethod, invitationCalendar, invitationMail } from './meeting-invitation.ts';
import type { AddParticipant } from './meeting-participant.contract.ts';
import { createMeetingParticipantRepository, type ParticipantRecord } from './meeting-participant.repository.ts';
import type { MeetingRecord } from './meeting.repository.ts';
import { unknownReference } from './meetings.errors.ts';

export interface InvitationSettings {
  publicUrl: string;
  mailFrom: string;
}

function presentParticipant(record: ParticipantRecord, sequence: number) {
  const row = record.participant;
  return {
    id: row.id,
    name: record.userName ?? row.guestName ?? '',
    userId: row.userId,
    guestKind: row.guestKind,
    isOptional: row.isOptional,
    answer: row.answer,
    isInvited: row.invitedSequence !== null,
    isInvitationOutdated: row.invitedSequence !== null && row.invitedSequence < sequence,
    attended: row.attended,
  };
}

/** "Wijkwerk <noreply@example.nl>" → its name and address, the organiser of every invitation. */
function organiserOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match ? { name: match[1] || 'Wijkwerk', email: match[2] } : { name: 'Wijkwerk', email: mailFrom.trim() };
}

function whenOf(record: MeetingRecord, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return format.format(record.meeting.startsAt);
}

/**
 * Queues an invitation, update or cancellation for each of these participants: an e-mail with the calendar
 * attachment to whoever has an address, and for users a message in Wijkwerk. In the caller's transaction, so a
 * change that rolls back sends nothing.
 */
export async function enqueueInvitations(tx: Executor, clock: Clock, context: UseCaseContext, record: MeetingRecord, participants: ParticipantRecord[], method: InvitationMethod, settings: InvitationSettings) {
  const sequence = record.meeting.version - 1;
  const host = new URL(settings.publicUrl).host;
  const pageUrl = `${settings.publicUrl}/${context.municipalitySlug ?? ''}/overleggen/${record.meeting.id}`;
  for (const { participant, userName, userEmail, userLocale } of participants) {
    const email = userEmail ?? participant.guestEmail;
    const name = userName ?? participant.guestName ?? '';
    const language: Language = userLocale ?? 'nl';
    const isUpdate = method === 'REQUEST' && participant.invitedSequence !== null;
    const mail = invitationMail(record, { method, isUpdate, pageUrl, language, when: whenOf(record, language) });
    if (email) {
      const content = invitationCalendar(record, { method, host, pageUrl, organiser: organiserOf(settings.mailFrom), attendee: { name, email, answer: participant.answer, isOptional: participant.isOptional }, language });
      await enqueueMessage(tx, clock, {
        municipalityId: context.municipalityId,
        channel: 'email',
        recipientUserId: participant.userId ?? undefined,
        recipientEmail: email,
        topic: method === 'CANCEL' ? 'meeting.cancelled' : 'meeting.invitation',
        subject: mail.subject,
        body: mail.body,
        payload: { meetingId: record.meeting.id, sequence, icalEvent: { method, filename: method === 'CANCEL' ? 'afzegging.ics' : 'uitnodiging.ics', content } },
      });
    }
    if (participant.userId) {
      await enqueueMessage(tx, clock, {
        municipalityId: context.municipalityId,
        channel: 'in_app',
        recipientUserId: participant.userId,
        topic: method === 'CANCEL' ? 'meeting.cancelled' : 'meeting.invitation',
        subject: mail.subject,
        body: mail.body,
        payload: { meetingId: record.meeting.id },
      });
    }
  }
}

/** Who is invited by name, their invitations and answers, and who was there. */
export function createMeetingParticipantService(dependencies: { db: Executor; clock: Clock; invitations: InvitationSettings }) {
  const { db, clock } = dependencies;

  async function listOf(tx: Executor, context: UseCaseContext, access: MeetingAccess) {
    const rows = await createMeetingParticipantRepository(tx).list(context.municipalityId, access.record.meeting.id);
    return rows.map((row) => presentParticipant(row, access.record.meeting.version - 1));
  }

  return {
    async listParticipants(context: UseCaseContext, meetingId: string) {
      const access = await loadMeetingAccess(db, clock, context, meetingId);
      // Names of participants are for participants and staff only, also at a public meeting.
      if (!access.isInsider) throw new DomainError('NOT_FOUND');
      return { items: await listOf(db, context, access) };
    },

    async addParticipant(context: UseCaseContext, meetingId: string, input: AddParticipant) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'manageParticipants', context);
        if ((input.userId === null) === (input.guest === null)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.userId', code: 'participantPersonOrGuest' }] });
        const repository = createMeetingParticipantRepository(tx);
        if (input.userId && !(await repository.userExists(context.municipalityId, input.userId))) throw unknownReference('body.userId');
        const row = await repository.insert({
          municipalityId: context.municipalityId,
          meetingId,
          userId: input.userId,
          guestName: input.guest?.name ?? null,
          guestEmail: input.guest?.email.toLowerCase() ?? null,
          guestKind: input.guest?.kind ?? null,
          isOptional: input.isOptional,
          createdAt: clock.now(),
        });
        if (!row) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.userId', code: 'participantAlreadyInvited' }] });
        // The guest's address is contact data: the audit keeps that someone was added, not where to reach them.
        await recordAudit(tx, clock, context, { action: 'meeting.addParticipant', entityType: 'meeting', entityId: meetingId, after: { ...row, guestEmail: row.guestEmail ? '(e-mail)' : null } });
        return { items: await listOf(tx, context, access) };
      });
    },

    async removeParticipant(context: UseCaseContext, meetingId: string, participantId: string) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'manageParticipants', context);
        const repository = createMeetingParticipantRepository(tx);
        const before = (await repository.list(context.municipalityId, meetingId)).find((row) => row.participant.id === participantId);
        if (!before) throw new DomainError('NOT_FOUND');
        // Whoever already has the invitation in their calendar gets it taken out again.
        if (before.participant.invitedSequence !== null) await enqueueInvitations(tx, clock, context, access.record, [before], 'CANCEL', dependencies.invitations);
        await repository.remove(context.municipalityId, meetingId, participantId);
        await recordAudit(tx, clock, context, { action: 'meeting.removeParticipant', entityType: 'meeting', entityId: meetingId, before: { ...before.participant, guestEmail: null } });
        return { items: await listOf(tx, context, access) };
      });
    },

    /** Sends the invitation to everyone not yet invited, and the update to whoever has an older version. */
    async sendInvitations(context: UseCaseContext, meetingId: string) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'sendInvitations', context);
        if (access.record.meeting.state !== 'planned') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: access.record.meeting.state } });
        const repository = createMeetingParticipantRepository(tx);
        const sequence = access.record.meeting.version - 1;
        const due = (await repository.list(context.municipalityId, meetingId)).filter(({ participant }) => participant.invitedSequence === null || participant.invitedSequence < sequence);
        await enqueueInvitations(tx, clock, context, access.record, due, 'REQUEST', dependencies.invitations);
        await repository.markInvited(
          context.municipalityId,
          due.map(({ participant }) => participant.id),
          sequence,
          clock.now(),
        );
        await recordAudit(tx, clock, context, { action: 'meeting.sendInvitations', entityType: 'meeting', entityId: meetingId, after: { sequence, participantIds: due.map(({ participant }) => participant.id) } });
        return { sentCount: due.length, items: await listOf(tx, context, access) };
      });
    },

    /** The participant's own yes, no or maybe. */
    async answerInvitation(context: UseCaseContext, meetingId: string, answer: 'yes' | 'no' | 'maybe') {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'answerInvitation', context);
        const after = await createMeetingParticipantRepository(tx).update(context.municipalityId, access.participantId!, { answer, answeredAt: clock.now() });
        await recordAudit(tx, clock, context, { action: 'meeting.answerInvitation', entityType: 'meeting', entityId: meetingId, after: { participantId: after?.id, answer } });
        return { items: await listOf(tx, context, access) };
      });
    },

    async recordAttendance(context: UseCaseContext, meetingId: string, presentParticipantIds: string[]) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'recordAttendance', context);
        const repository = createMeetingParticipantRepository(tx);
        const known = new Set((await repository.list(context.municipalityId, meetingId)).map(({ participant }) => participant.id));
        const unknown = presentParticipantIds.findIndex((id) => !known.has(id));
        if (unknown >= 0) throw unknownReference('body.presentParticipantIds');
        await repository.recordAttendance(context.municipalityId, meetingId, [...new Set(presentParticipantIds)]);
        await recordAudit(tx, clock, context, { action: 'meeting.recordAttendance', entityType: 'meeting', entityId: meetingId, after: { presentParticipantIds } });
        return { items: await listOf(tx, context, access) };
      });
    },
  };
}

export type MeetingParticipantService = ReturnType<typeof createMeetingParticipantService>;
