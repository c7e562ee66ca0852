import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, hasRole, scopeIdsOf } from '../../platform/permissions.ts';
import { createMeetingKindRepository } from './meeting-kind.repository.ts';
import { loadMeetingAccess, requireAction } from './meeting-access.ts';
import type { ConfirmMeeting, CreateMeeting, MeetingListQuery, RescheduleMeeting } from './meeting.contract.ts';
import { enqueueInvitations } from './meeting-participant.service.ts';
import { createMeetingParticipantRepository } from './meeting-participant.repository.ts';
import { exceedsTermLimit } from './meeting-frequency.rules.ts';
import { meetingCalendar, publicMeetingCalendar } from './meeting-calendar.ts';
import { presentMeeting } from './meeting.presenter.ts';
import { createMeetingRepository } from './meeting.repository.ts';
import { checkMeetingPlan, splitProblems } from './meeting.rules.ts';
import { meetingPlanningPermissions as permissions } from './meetings.permissions.ts';
import { unknownReference } from './meetings.errors.ts';

/** Planning meetings under the note's rules, and reading them as far as each person may. */
export function createMeetingService(dependencies: { db: Executor; clock: Clock; publicUrl?: string; mailFrom?: string }) {
  const { db, clock } = dependencies;
  const publicUrl = dependencies.publicUrl ?? 'http://localhost:3000';
  const invitations = { publicUrl, mailFrom: dependencies.mailFrom ?? 'Wijkwerk <noreply@wijkwerk.local>' };

  return {
    async planMeeting(context: UseCaseContext, input: CreateMeeting) {
      if (!can(context.actor, permissions['meeting.plan'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      return inTransaction(db, async (tx) => {
        const repository = createMeetingRepository(tx);
        const kind = await createMeetingKindRepository(tx).findById(context.municipalityId, input.kindId);
        if (!kind) throw unknownReference('body.kindId');
        if (input.neighbourhoodId && !(await repository.neighbourhoodExists(context.municipalityId, input.neighbourhoodId))) throw unknownReference('body.neighbourhoodId');
        if (!(await repository.themesExist(context.municipalityId, input.dossierThemeIds))) throw unknownReference('body.dossierThemeIds');
        const chairRoles = input.chairUserId ? await repository.rolesOf(context.municipalityId, input.chairUserId) : null;
        if (input.chairUserId && !chairRoles) throw unknownReference('body.chairUserId');

        // The advisor plans in their own neighbourhoods; a council member only what their council initiates, there.
        const councilIds = input.neighbourhoodId ? await repository.councilIdsOf(context.municipalityId, input.neighbourhoodId) : [];
        const target = { neighbourhoodIds: input.neighbourhoodId ? [input.neighbourhoodId] : [], councilId: councilIds[0] };
        const mayPlanHere = can(context.actor, permissions['meeting.plan'], target) && (input.neighbourhoodId !== null || hasRole(context.actor, 'admin'));
        const plansForMunicipality = can(context.actor, permissions['meeting.override'], target);
        if (!mayPlanHere || (!plansForMunicipality && input.initiatorSide !== 'council')) throw new DomainError('FORBIDDEN');

        const { neighbourhoodPolicyPortfolioId, portfolios } = await repository.portfolios(context.municipalityId);
        const now = clock.now();
        const startsAt = new Date(input.startsAt);
        const problems: FieldProblem[] = checkMeetingPlan(
          kind,
          {
            startsAt,
            endsAt: new Date(input.endsAt),
            initiatorSide: input.initiatorSide,
            neighbourhoodId: input.neighbourhoodId,
            location: input.location,
            isLocationInNeighbourhood: input.isLocationInNeighbourhood,
            publicPart: input.publicPart ? { startsAt: new Date(input.publicPart.startsAt), endsAt: new Date(input.publicPart.endsAt), location: input.publicPart.location } : null,
            chair: input.chairUserId && chairRoles ? { userId: input.chairUserId, roles: chairRoles } : null,
            invitedGroups: input.invitedGroups,
            dossierThemeIds: input.dossierThemeIds,
          },
          { now, neighbourhoodPolicyPortfolioId, portfolios, councilIdsOfNeighbourhood: councilIds },
        );
        const { blocking, rules } = splitProblems(problems);
        // Nobody chairs two meetings at once; that is never set aside.
        if (input.chairUserId && (await repository.isChairBusy(context.municipalityId, input.chairUserId, startsAt, new Date(input.endsAt)))) blocking.push({ field: 'body.chairUserId', code: 'chairDoubleBooked' });
        // One wijkbezoek per council term: a second one in the same term is a deviation to account for.
        if (input.neighbourhoodId && kind.frequencyRule === 'per_council_term') {
          const earlier = await repository.startsOfKind(context.municipalityId, input.neighbourhoodId, kind.id);
          if (exceedsTermLimit(kind, earlier.map((moment) => moment.toISOString()), await repository.terms(context.municipalityId), input.startsAt)) {
            rules.push({ field: 'body.startsAt', code: 'termLimitReached' });
          }
        }
        if (blocking.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: [...blocking, ...rules] });
        if (rules.length > 0 && !input.override) throw new DomainError('VALIDATION_FAILED', { fields: rules });
        if (rules.length > 0 && !plansForMunicipality) throw new DomainError('FORBIDDEN');

        const row = await repository.insert(
          {
            municipalityId: context.municipalityId,
            kindId: kind.id,
            neighbourhoodId: input.neighbourhoodId,
            title: input.title,
            startsAt,
            endsAt: new Date(input.endsAt),
            location: input.location,
            isLocationInNeighbourhood: input.isLocationInNeighbourhood,
            initiatorSide: input.initiatorSide,
            chairUserId: input.chairUserId,
            publicPartStartsAt: input.publicPart ? new Date(input.publicPart.startsAt) : null,
            publicPartEndsAt: input.publicPart ? new Date(input.publicPart.endsAt) : null,
            publicPartLocation: input.publicPart?.location ?? null,
            invitedGroups: [...new Set(input.invitedGroups)],
            overriddenRules: [...new Set(rules.map((problem) => problem.code))],
            overrideReason: rules.length > 0 ? (input.override?.reason ?? null) : null,
            overriddenByUserId: rules.length > 0 ? (context.actor?.userId ?? null) : null,
            createdByUserId: context.actor!.userId,
            createdAt: now,
            updatedAt: now,
          },
          input.dossierThemeIds,
        );
        await recordAudit(tx, clock, context, { action: 'meeting.plan', entityType: 'meeting', entityId: row.id, after: { ...row, dossierThemeIds: input.dossierThemeIds } });
        const access = await loadMeetingAccess(tx, clock, context, row.id);
        return presentMeeting(access.record, true, access.allowedActions);
      });
    },

    /** The people a planner may name as chair or participant; a council member gets the aldermen, staff and their own council. */
    async listCandidates(context: UseCaseContext, neighbourhoodId: string | undefined) {
      if (!can(context.actor, permissions['meeting.plan'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      const repository = createMeetingRepository(db);
      // A neighbourhood that is not this municipality's has nobody to offer.
      if (neighbourhoodId && !(await repository.neighbourhoodExists(context.municipalityId, neighbourhoodId))) return { items: [] };
      const councilIds = neighbourhoodId ? await repository.councilIdsOf(context.municipalityId, neighbourhoodId) : [];
      const rows = await repository.candidates(context.municipalityId, councilIds);
      const byPerson = new Map<string, { userId: string; name: string; roles: { role: string; portfolio: string | null; isNeighbourhoodPolicy: boolean }[] }>();
      for (const row of rows) {
        const person = byPerson.get(row.userId) ?? { userId: row.userId, name: row.name, roles: [] };
        // An advisor of several neighbourhoods is one advisor here.
        if (person.roles.some((role) => role.role === row.role && role.portfolio === (row.portfolioName ?? null))) continue;
        person.roles.push({ role: row.role, portfolio: row.portfolioName ? (context.language === 'en' ? (row.portfolioNameEn ?? row.portfolioName) : row.portfolioName) : null, isNeighbourhoodPolicy: row.isNeighbourhoodPolicy ?? false });
        byPerson.set(row.userId, person);
      }
      return { items: [...byPerson.values()] };
    },

    async getMeeting(context: UseCaseContext, meetingId: string) {
      const access = await loadMeetingAccess(db, clock, context, meetingId);
      return presentMeeting(access.record, access.isInsider, access.allowedActions);
    },

    async listMeetings(context: UseCaseContext, query: MeetingListQuery) {
      const repository = createMeetingRepository(db);
      // Staff see every meeting; everyone else the public ones and public parts, and a council member also the closed
      // meetings of their own neighbourhood.
      const isStaff = can(context.actor, permissions['meeting.viewClosed'], { councilId: '' });
      // Where the rules were set aside is for staff: anyone else asking gets nothing rather than a hint.
      if (query.isOverridden === 'true' && !isStaff) return pageOf([], 0, query);
      // A council member is an insider for their own neighbourhood's meetings: found once, not per meeting.
      const ownNeighbourhoods = isStaff ? [] : await repository.neighbourhoodIdsOfCouncils(context.municipalityId, scopeIdsOf(context.actor, 'council_member'));
      const { rows, total } = await repository.list(context.municipalityId, {
        ...query,
        overriddenOnly: query.isOverridden === 'true',
        publicOnly: !isStaff,
        insiderNeighbourhoodIds: ownNeighbourhoods,
        offset: offsetOf(query),
        limit: query.pageSize,
      });
      const items = rows.map((record) => presentMeeting(record, isStaff || (record.meeting.neighbourhoodId !== null && ownNeighbourhoods.includes(record.meeting.neighbourhoodId))));
      return pageOf(items, total, query);
    },

    /** The neighbourhood's public meetings and public parts of the last year and to come, as a calendar feed. */
    async publicCalendar(context: UseCaseContext, neighbourhoodId: string) {
      const repository = createMeetingRepository(db);
      const yearAgo = new Date(clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
      // Both at once: on PostgreSQL they go out over two connections, so the feed waits for one round trip.
      const [found, rows] = await Promise.all([repository.neighbourhoodOf(context.municipalityId, neighbourhoodId), repository.publicCalendarRows(context.municipalityId, neighbourhoodId, yearAgo, 1000)]);
      if (!found) throw new DomainError('NOT_FOUND');
      return publicMeetingCalendar(rows, {
        neighbourhoodName: found.name,
        pageUrl: `${publicUrl}/${context.municipalitySlug ?? ''}/wijken/${found.slug}`,
        host: new URL(publicUrl).host,
        language: context.language,
      });
    },

    /** One meeting as a calendar file to add to one's agenda, as the reader may see it. */
    async meetingCalendarFile(context: UseCaseContext, meetingId: string) {
      const { record, isInsider } = await loadMeetingAccess(db, clock, context, meetingId);
      const slug = record.meeting.neighbourhoodId ? (await createMeetingRepository(db).neighbourhoodOf(context.municipalityId, record.meeting.neighbourhoodId))?.slug : undefined;
      return meetingCalendar([record], {
        name: record.meeting.title,
        pageUrl: `${publicUrl}/${context.municipalitySlug ?? ''}${slug ? `/wijken/${slug}` : ''}`,
        host: new URL(publicUrl).host,
        language: context.language,
        isInsider,
      });
    },

    /** A draft from the planner becomes a planned meeting once its place is known: the municipality's side decides. */
    async confirmDraft(context: UseCaseContext, meetingId: string, input: ConfirmMeeting) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        if (!can(context.actor, permissions['meeting.override'], access.target)) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
        const row = access.record.meeting;
        if (row.state !== 'draft') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.version', code: 'meetingNotDraft' }] });
        const after = await createMeetingRepository(tx).update(context.municipalityId, meetingId, input.version, {
          state: 'planned',
          location: input.location,
          publicPartLocation: row.publicPartStartsAt !== null ? (input.publicPartLocation ?? input.location) : null,
          updatedAt: clock.now(),
        });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: row.version } });
        await recordAudit(tx, clock, context, { action: 'meeting.confirmDraft', entityType: 'meeting', entityId: meetingId, before: row, after });
        return presentMeeting({ ...access.record, meeting: after }, true);
      });
    },

    async cancelMeeting(context: UseCaseContext, meetingId: string, input: { version: number; reason: string }) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        if (access.record.meeting.state === 'held' || access.record.meeting.state === 'cancelled') {
          if (!access.isOrganiser) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
          throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.version', code: 'meetingNotPlanned' }] });
        }
        requireAction(access, 'cancel', context);
        const after = await createMeetingRepository(tx).update(context.municipalityId, meetingId, input.version, { state: 'cancelled', updatedAt: clock.now() });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: access.record.meeting.version } });
        await recordAudit(tx, clock, context, { action: 'meeting.cancel', entityType: 'meeting', entityId: meetingId, before: access.record.meeting, after: { ...after, reason: input.reason } });
        // Whoever has the invitation in their calendar gets the cancellation with the same UID and a higher SEQUENCE.
        const record = { ...access.record, meeting: after };
        const invited = (await createMeetingParticipantRepository(tx).list(context.municipalityId, meetingId)).filter(({ participant }) => participant.invitedSequence !== null);
        await enqueueInvitations(tx, clock, context, record, invited, 'CANCEL', invitations);
        return presentMeeting(record, true);
      });
    },

    /** A new time or place under the same rules; everyone already invited receives the update. */
    async rescheduleMeeting(context: UseCaseContext, meetingId: string, input: RescheduleMeeting) {
      return inTransaction(db, async (tx) => {
        const access = await loadMeetingAccess(tx, clock, context, meetingId);
        requireAction(access, 'reschedule', context);
        const row = access.record.meeting;
        const repository = createMeetingRepository(tx);
        const kind = (await createMeetingKindRepository(tx).findById(context.municipalityId, row.kindId))!;
        const chairRoles = row.chairUserId ? await repository.rolesOf(context.municipalityId, row.chairUserId) : null;
        const { neighbourhoodPolicyPortfolioId, portfolios } = await repository.portfolios(context.municipalityId);
        const publicPartOf = (part: RescheduleMeeting['publicPart']) => (part ? { startsAt: new Date(part.startsAt), endsAt: new Date(part.endsAt), location: part.location } : null);
        const problems = checkMeetingPlan(
          kind,
          {
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
            initiatorSide: row.initiatorSide,
            neighbourhoodId: row.neighbourhoodId,
            location: input.location,
            isLocationInNeighbourhood: input.isLocationInNeighbourhood,
            publicPart: publicPartOf(input.publicPart),
            chair: row.chairUserId && chairRoles ? { userId: row.chairUserId, roles: chairRoles } : null,
            invitedGroups: row.invitedGroups,
            dossierThemeIds: access.record.themeIds,
          },
          { now: clock.now(), neighbourhoodPolicyPortfolioId, portfolios, councilIdsOfNeighbourhood: access.councilIds },
        );
        const { blocking, rules } = splitProblems(problems);
        if (row.chairUserId && (await repository.isChairBusy(context.municipalityId, row.chairUserId, new Date(input.startsAt), new Date(input.endsAt), meetingId))) blocking.push({ field: 'body.startsAt', code: 'chairDoubleBooked' });
        // A rule set aside when planning stays set aside; a new deviation needs its own reason.
        const newRules = rules.filter((problem) => !row.overriddenRules.includes(problem.code));
        if (blocking.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: [...blocking, ...newRules] });
        if (newRules.length > 0 && !input.override) throw new DomainError('VALIDATION_FAILED', { fields: newRules });
        if (newRules.length > 0 && !can(context.actor, permissions['meeting.override'], access.target)) throw new DomainError('FORBIDDEN');
        const publicPart = publicPartOf(input.publicPart);
        const after = await repository.update(context.municipalityId, meetingId, input.version, {
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          location: input.location,
          isLocationInNeighbourhood: input.isLocationInNeighbourhood,
          publicPartStartsAt: publicPart?.startsAt ?? null,
          publicPartEndsAt: publicPart?.endsAt ?? null,
          publicPartLocation: publicPart?.location ?? null,
          ...(newRules.length > 0
            ? { overriddenRules: [...new Set([...row.overriddenRules, ...newRules.map((problem) => problem.code)])], overrideReason: [row.overrideReason, input.override?.reason].filter(Boolean).join(' — '), overriddenByUserId: context.actor!.userId }
            : {}),
          updatedAt: clock.now(),
        });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: row.version } });
        await recordAudit(tx, clock, context, { action: 'meeting.reschedule', entityType: 'meeting', entityId: meetingId, before: row, after });
        const record = { ...access.record, meeting: after };
        const participants = createMeetingParticipantRepository(tx);
        const invited = (await participants.list(context.municipalityId, meetingId)).filter(({ participant }) => participant.invitedSequence !== null);
        await enqueueInvitations(tx, clock, context, record, invited, 'REQUEST', invitations);
        await participants.markInvited(
          context.municipalityId,
          invited.map(({ participant }) => participant.id),
          after.version - 1,
          clock.now(),
        );
        const reread = await loadMeetingAccess(tx, clock, context, meetingId);
        return presentMeeting(reread.record, true, reread.allowedActions);
      });
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
