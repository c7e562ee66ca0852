import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, type PermissionTarget, scopeIdsOf } from '../../platform/permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { loadMeetingAccess, type MeetingAccess, requireAction } from './meeting-access.ts';
import type { ConvertFollowUp, CreateFollowUp, SaveMinutes } from './meeting-minutes.contract.ts';
import { createMeetingMinutesRepository, type FollowUpRecord } from './meeting-minutes.repository.ts';
import { presentMeeting } from './meeting.presenter.ts';
import { createMeetingRepository } from './meeting.repository.ts';
import { minutesDueOn } from './meeting.rules.ts';
import { meetingPlanningPermissions as permissions } from './meetings.permissions.ts';
import { unknownReference } from './meetings.errors.ts';

function presentFollowUp(record: FollowUpRecord, today: string) {
  const row = record.followUp;
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingTitle: record.meetingTitle,
    neighbourhoodId: row.neighbourhoodId,
    description: row.description,
    owner: { userId: row.ownerUserId, name: record.ownerDisplayName ?? row.ownerName ?? '' },
    dueOn: row.dueOn,
    isOverdue: row.state === 'open' && row.dueOn < today,
    state: row.state,
    requestId: row.requestId,
    version: row.version,
  };
}

/** After the meeting: marking it held, its minutes, and the agreements in them that someone has to carry out. */
/** The requests module's submission, handed in by the app: a follow-up item can become a request of the council. */
export type SubmitRequestOnBehalf = (context: UseCaseContext, input: { kind: 'request' | 'question' | 'initiative'; title: string; body: string; neighbourhoodId: string | null; scale: 'neighbourhood'; themeIds: string[]; isPublic: boolean; councilId: string }) => Promise<{ id: string; reference: string }>;

export function createMeetingMinutesService(dependencies: { db: Executor; clock: Clock; submitRequest?: SubmitRequestOnBehalf }) {
  const { db, clock } = dependencies;

  async function minutesOf(tx: Executor, context: UseCaseContext, access: MeetingAccess) {
    const row = access.record.meeting;
    const repository = createMeetingMinutesRepository(tx);
    const minutes = await repository.findMinutes(context.municipalityId, row.id);
    const today = dateInAmsterdam(clock.now());
    const dueOn = row.state === 'held' ? minutesDueOn(access.record.kind, dateInAmsterdam(row.startsAt)) : null;
    const mayReadDraft = access.mayWriteMinutes || access.isOrganiser;
    const isReadable = minutes && (minutes.state === 'published' ? access.isInsider || access.record.kind.character === 'public' : mayReadDraft);
    return {
      meetingId: row.id,
      state: isReadable ? minutes.state : null,
      body: isReadable ? minutes.body : null,
      publishedAt: isReadable && minutes.publishedAt ? minutes.publishedAt.toISOString() : null,
      dueOn,
      isOverdue: dueOn !== null && minutes?.state !== 'published' && dueOn < today,
      version: isReadable ? minutes.version : 0,
      // The agreements are the closed part's: participants and staff only.
      followUps: access.isInsider ? (await repository.followUpsOfMeeting(context.municipalityId, row.id)).map((record) => presentFollowUp(record, today)) : [],
    };
  }

  /** Who tracks a follow-up item: the municipality's staff and the neighbourhood's council. */
  async function followUpAccess(tx: Executor, context: UseCaseContext, record: FollowUpRecord) {
    const neighbourhoodId = record.followUp.neighbourhoodId;
    const councilIds = neighbourhoodId ? await createMeetingRepository(tx).councilIdsOf(context.municipalityId, neighbourhoodId) : [];
    const mayRead = can(context.actor, permissions['meeting.viewClosed'], { councilId: '' }) || councilIds.some((councilId) => can(context.actor, permissions['meeting.viewClosed'], { councilId }));
    if (!mayRead) throw new DomainError(context.actor ? 'NOT_FOUND' : 'NOT_AUTHENTICATED');
  }

  return {
    async markHeld(context: UseCaseContext, meetingId: string, input: { version: number }) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'markHeld', context);
        const after = await createMeetingRepository(tx).update(context.municipalityId, meetingId, input.version, { state: 'held', updatedAt: clock.now() });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: access.record.meeting.version } });
        await recordAudit(tx, clock, context, { action: 'meeting.markHeld', entityType: 'meeting', entityId: meetingId, before: access.record.meeting, after });
        return presentMeeting({ ...access.record, meeting: after }, true);
      });
    },

    async getMinutes(context: UseCaseContext, meetingId: string) {
      const access = await loadMeetingAccess(db, clock, context, meetingId);
      // Of a closed meeting an outsider knows only the public part; its minutes are not theirs.
      if (!access.isInsider && access.record.kind.character !== 'public') throw new DomainError('NOT_FOUND');
      return minutesOf(db, context, access);
    },

    async saveMinutes(context: UseCaseContext, meetingId: string, input: SaveMinutes) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'writeMinutes', context);
        const repository = createMeetingMinutesRepository(tx);
        const now = clock.now();
        const before = await repository.findMinutes(context.municipalityId, meetingId);
        if (before?.state === 'published') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: 'published' } });
        const values = { body: input.body, state: input.isPublished ? ('published' as const) : ('draft' as const), publishedAt: input.isPublished ? now : null, authorUserId: context.actor!.userId, updatedAt: now };
        let after: typeof before;
        if (!before) {
          if (input.version !== 0) throw new DomainError('VERSION_CONFLICT', { params: { current: 0 } });
          after = await repository.insertMinutes({ municipalityId: context.municipalityId, meetingId, ...values });
        } else {
          after = await repository.updateDraft(context.municipalityId, meetingId, input.version, values);
          if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        }
        await recordAudit(tx, clock, context, { action: input.isPublished ? 'meeting.publishMinutes' : 'meeting.saveMinutes', entityType: 'meeting', entityId: meetingId, before, after });
        return minutesOf(tx, context, access);
      });
    },

    async addFollowUp(context: UseCaseContext, meetingId: string, input: CreateFollowUp) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'manageFollowUps', context);
        const repository = createMeetingMinutesRepository(tx);
        if (!input.ownerUserId && !input.ownerName) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.ownerName', code: 'followUpOwnerRequired' }] });
        if (input.ownerUserId && !(await repository.userExists(context.municipalityId, input.ownerUserId))) throw unknownReference('body.ownerUserId');
        const now = clock.now();
        const row = await repository.insertFollowUp({
          municipalityId: context.municipalityId,
          meetingId,
          neighbourhoodId: access.record.meeting.neighbourhoodId,
          description: input.description,
          ownerUserId: input.ownerUserId,
          ownerName: input.ownerUserId ? null : input.ownerName,
          dueOn: input.dueOn,
          createdByUserId: context.actor!.userId,
          createdAt: now,
        });
        await recordAudit(tx, clock, context, { action: 'meeting.addFollowUp', entityType: 'meeting_follow_up', entityId: row.id, after: row });
        return presentFollowUp((await repository.findFollowUp(context.municipalityId, row.id)) as FollowUpRecord, dateInAmsterdam(now));
      });
    },

    async completeFollowUp(context: UseCaseContext, followUpId: string, input: { version: number }) {
      return inTransaction(db, async (tx) => {
        const repository = createMeetingMinutesRepository(tx);
        const record = await repository.findFollowUp(context.municipalityId, followUpId);
        if (!record) throw new DomainError('NOT_FOUND');
        await followUpAccess(tx, context, record);
        // The owner marks it done, or whoever keeps the meeting's agreements.
        const isOwner = record.followUp.ownerUserId !== null && record.followUp.ownerUserId === context.actor?.userId;
        if (!isOwner) {
          const access = await loadMeetingAccess(tx, clock, context, record.followUp.meetingId);
          if (!access.isOrganiser && !access.mayWriteMinutes) throw new DomainError('FORBIDDEN');
        }
        if (record.followUp.state === 'done') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: 'done' } });
        const now = clock.now();
        const after = await repository.updateFollowUp(context.municipalityId, followUpId, input.version, { state: 'done', doneAt: now });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: record.followUp.version } });
        await recordAudit(tx, clock, context, { action: 'meeting.completeFollowUp', entityType: 'meeting_follow_up', entityId: followUpId, before: record.followUp, after });
        return presentFollowUp({ ...record, followUp: after }, dateInAmsterdam(now));
      });
    },

    /**
     * A member of the neighbourhood's council turns an open agreement into a request of their council, so it gets the
     * answer protocol (nu, ooit, nooit) from here on. The request is submitted first, then linked; if someone else
     * linked one in between, the link stays theirs and this call says so (409) — the request made stays a request.
     */
    async convertFollowUp(context: UseCaseContext, followUpId: string, input: ConvertFollowUp) {
      const repository = createMeetingMinutesRepository(db);
      const record = await repository.findFollowUp(context.municipalityId, followUpId);
      if (!record) throw new DomainError('NOT_FOUND');
      await followUpAccess(db, context, record);
      const neighbourhoodId = record.followUp.neighbourhoodId;
      const councilIds = neighbourhoodId ? await createMeetingRepository(db).councilIdsOf(context.municipalityId, neighbourhoodId) : [];
      const councilId = councilIds.find((id) => scopeIdsOf(context.actor, 'council_member').includes(id));
      if (!councilId || !dependencies.submitRequest) throw new DomainError('FORBIDDEN');
      if (record.followUp.requestId || record.followUp.state === 'done') throw new DomainError('MEETING_STATE_FORBIDS', { params: { state: record.followUp.state } });
      if (record.followUp.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: record.followUp.version } });
      const heldOn = dateInAmsterdam(record.followUp.createdAt);
      const submitted = await dependencies.submitRequest(context, {
        kind: input.kind,
        title: record.followUp.description.slice(0, 200).padEnd(5, '.'),
        body: `${record.followUp.description}\n\nAfspraak uit “${record.meetingTitle}” (${heldOn}), uit te voeren door ${record.ownerDisplayName ?? record.followUp.ownerName ?? 'onbekend'} uiterlijk ${record.followUp.dueOn}.`,
        neighbourhoodId,
        scale: 'neighbourhood',
        themeIds: [],
        isPublic: input.isPublic,
        councilId,
      });
      return inTransaction(db, async (tx) => {
        const after = await createMeetingMinutesRepository(tx).updateFollowUp(context.municipalityId, followUpId, input.version, { requestId: submitted.id });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: record.followUp.version + 1 } });
        await recordAudit(tx, clock, context, { action: 'meeting.convertFollowUp', entityType: 'meeting_follow_up', entityId: followUpId, before: record.followUp, after });
        return presentFollowUp({ ...record, followUp: after }, dateInAmsterdam(clock.now()));
      });
    },

    /** A neighbourhood's agreements from its meetings, for its staff and council. */
    async listNeighbourhoodFollowUps(context: UseCaseContext, neighbourhoodId: string, query: { state?: 'open' | 'done'; page: number; pageSize: number }) {
      const meetings = createMeetingRepository(db);
      if (!(await meetings.neighbourhoodExists(context.municipalityId, neighbourhoodId))) throw new DomainError('NOT_FOUND');
      const councilIds = await meetings.councilIdsOf(context.municipalityId, neighbourhoodId);
      const target: PermissionTarget = { neighbourhoodIds: [neighbourhoodId] };
      const mayRead = can(context.actor, permissions['meeting.viewClosed'], { ...target, councilId: '' }) || councilIds.some((councilId) => can(context.actor, permissions['meeting.viewClosed'], { councilId }));
      if (!mayRead) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      const { rows, total } = await createMeetingMinutesRepository(db).followUpsOfNeighbourhood(context.municipalityId, neighbourhoodId, { state: query.state, offset: offsetOf(query), limit: query.pageSize });
      const today = dateInAmsterdam(clock.now());
      return pageOf(
        rows.map((record) => presentFollowUp(record, today)),
        total,
        query,
      );
    },
  };
}

export type MeetingMinutesService = ReturnType<typeof createMeetingMinutesService>;
