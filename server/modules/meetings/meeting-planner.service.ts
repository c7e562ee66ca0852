import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { can, hasRole, scopeIdsOf } from '../../platform/permissions.ts';
import { addDays, dateInAmsterdam, isWorkingDay } from '../../platform/working-days.ts';
import { frequencyStatus, type Term } from './meeting-frequency.rules.ts';
import {
  type AcceptProposals,
  type CreateBlackoutPeriod,
  type CreateBlockedPeriod,
  type MeetingPlanProposals,
  maxPlannerDays,
  type ProposalRequest,
} from './meeting-planner.contract.ts';
import { createMeetingPlannerRepository } from './meeting-planner.repository.ts';
import { type PlannableKindCode, type PlannerInput, plannedTimes, proposeMeetingSchedule } from './meeting-planner.rules.ts';
import type { blackoutPeriod, blockedPeriod } from './meeting-planner.tables.ts';
import type { MeetingKindRules } from './meeting.rules.ts';
import { meetingPlannerPermissions as permissions } from './meetings.permissions.ts';

const invalid = (fields: FieldProblem[]) => new DomainError('VALIDATION_FAILED', { fields });
const refuseWithout = (context: UseCaseContext, permission: string) => {
  if (!can(context.actor, permission)) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
};

const amsterdamOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** A day and a clock time in the Netherlands as a moment (summer and winter time alike). */
export function amsterdamMoment(date: string, time: string): Date {
  const asIfUtc = new Date(`${date}T${time}:00Z`);
  const zone = amsterdamOffset.formatToParts(asIfUtc).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):?(\d{2})?/.exec(zone) ?? [null, '+', '01', '00'];
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
  return new Date(asIfUtc.getTime() - offsetMinutes * 60_000);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

function checkPeriod(from: string, to: string, prefix = 'body') {
  if (to < from) throw invalid([{ field: `${prefix}.to`, code: 'endBeforeStart' }]);
  if (daysBetween(from, to) > maxPlannerDays) throw invalid([{ field: `${prefix}.to`, code: 'plannerPeriodTooLong' }]);
}

const presentBlackout = (row: typeof blackoutPeriod.$inferSelect) => ({ id: row.id, kind: row.kind, from: row.startsOn, to: row.endsOn, description: row.description, createdAt: row.createdAt.toISOString() });
const presentBlocked = (row: typeof blockedPeriod.$inferSelect, name: string) => ({
  id: row.id,
  user: { id: row.userId, name },
  from: row.startsOn,
  to: row.endsOn,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
});

const titles: Record<PlannableKindCode, string> = { wijktafel: 'Wijktafel', wijkbezoek: 'Wijkbezoek' };
/** The place is the advisor's to arrange once the date stands. */
const locationToBeDecided = 'Nog te bepalen';

/** The staggered planner: the periods it must avoid, its proposals, and turning the chosen ones into draft meetings. */
export function createMeetingPlannerService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  /** The neighbourhoods this person plans for: all for an administrator, their own for an advisor. */
  function planningScope(context: UseCaseContext): string[] | null {
    return hasRole(context.actor, 'admin') ? null : scopeIdsOf(context.actor, 'advisor');
  }

  async function plannerInput(tx: Executor, context: UseCaseContext, request: ProposalRequest, only: string[] | null) {
    const repository = createMeetingPlannerRepository(tx);
    const municipalityId = context.municipalityId;
    const today = dateInAmsterdam(clock.now());
    const [neighbourhoods, people, kinds, terms, settings] = await Promise.all([
      repository.neighbourhoods(municipalityId, only),
      repository.people(municipalityId),
      repository.kinds(municipalityId),
      repository.terms(municipalityId),
      repository.settings(municipalityId),
    ]);
    const wanted = kinds.filter((kind) => (request.kindCodes as string[]).includes(kind.code));
    const kindCodeById = new Map(kinds.map((kind) => [kind.id, kind.code]));
    const [meetingDays, occupied, blocked, blackouts] = await Promise.all([
      repository.meetingDays(
        municipalityId,
        wanted.map((kind) => kind.id),
      ),
      repository.occupied(municipalityId, request.from, request.to),
      repository.blockedInPeriod(municipalityId, request.from, request.to),
      repository.blackoutsInPeriod(municipalityId, request.from, request.to),
    ]);
    const daysOf = new Map<string, string[]>();
    for (const row of meetingDays) {
      if (!row.neighbourhoodId) continue;
      const key = `${row.neighbourhoodId}|${kindCodeById.get(row.kindId)}`;
      daysOf.set(key, [...(daysOf.get(key) ?? []), row.startsAt.toISOString()]);
    }
    // The wijktafel's chair is the (first) alderman holding wijkbeleid, the one accepting a proposal names as chair.
    const aldermenOf = (code: string) => (code === 'wijkbezoek' ? people.college : people.neighbourhoodPolicy.slice(0, 1));
    const input: PlannerInput = {
      from: request.from,
      to: request.to,
      kindCodes: request.kindCodes,
      maxPerAdvisorPerMonth: settings.maxPerAdvisorPerMonth,
      blockedPeriods: blocked,
      blackoutPeriods: blackouts,
      occupied: occupied.map((row) => ({
        date: dateInAmsterdam(row.startsAt),
        aldermanIds: [...new Set([...(row.chairUserId ? [row.chairUserId] : []), ...(row.kindCode === 'wijkbezoek' || row.kindCode === 'wijktafel' ? aldermenOf(row.kindCode) : [])])],
        advisorIds: row.neighbourhoodId ? (people.advisorsByNeighbourhood.get(row.neighbourhoodId) ?? []) : [],
      })),
      neighbourhoods: neighbourhoods.map((row) => ({
        id: row.id,
        name: row.name,
        advisorIds: people.advisorsByNeighbourhood.get(row.id) ?? [],
        needs: wanted.map((kind) => {
          const status = frequencyStatus({
            kind: { code: kind.code, frequencyRule: kind.frequencyRule, frequencyValue: kind.frequencyValue } as Pick<MeetingKindRules, 'code' | 'frequencyRule' | 'frequencyValue'>,
            meetingDates: daysOf.get(`${row.id}|${kind.code}`) ?? [],
            terms: terms as Term[],
            yearlyTarget: null,
            // A development area where the wijktafel is suspended while the programme runs (§3.3) gets none proposed.
            developmentAgreement: row.developmentAgreement?.decision === 'suspended' ? { isExempt: true, reason: row.developmentAgreement.reason } : null,
            today,
          });
          return { kindCode: kind.code as PlannableKindCode, lastHeldOn: status.lastHeldOn, nextDueOn: status.nextDueOn, nextPlannedOn: status.nextPlannedOn, isExempt: status.isExempt, aldermanIds: aldermenOf(kind.code) };
        }),
      })),
    };
    return { input, kinds: wanted, people };
  }

  return {
    async listBlackoutPeriods(context: UseCaseContext, query: { from?: string }) {
      refuseWithout(context, permissions['meeting.manageOwnBlockedDates']);
      const rows = await createMeetingPlannerRepository(db).listBlackoutPeriods(context.municipalityId, query.from);
      return { items: rows.map(presentBlackout) };
    },

    async createBlackoutPeriod(context: UseCaseContext, input: CreateBlackoutPeriod) {
      refuseWithout(context, permissions['meeting.manageBlackouts']);
      checkPeriod(input.from, input.to);
      return inTransaction(db, async (tx) => {
        const row = await createMeetingPlannerRepository(tx).insertBlackoutPeriod({
          municipalityId: context.municipalityId,
          kind: input.kind,
          startsOn: input.from,
          endsOn: input.to,
          description: input.description,
          createdByUserId: context.actor!.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock, context, { action: 'blackoutPeriod.create', entityType: 'blackout_period', entityId: row.id, after: row });
        return presentBlackout(row);
      });
    },

    async deleteBlackoutPeriod(context: UseCaseContext, id: string) {
      refuseWithout(context, permissions['meeting.manageBlackouts']);
      await inTransaction(db, async (tx) => {
        const row = await createMeetingPlannerRepository(tx).deleteBlackoutPeriod(context.municipalityId, id);
        if (!row) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'blackoutPeriod.delete', entityType: 'blackout_period', entityId: id, before: row });
      });
    },

    async listBlockedPeriods(context: UseCaseContext, query: { userId?: string; from?: string }) {
      refuseWithout(context, permissions['meeting.manageOwnBlockedDates']);
      const ownId = context.actor!.userId;
      // Someone else's days are for the planners; anyone else sees their own whatever they ask.
      if (query.userId && query.userId !== ownId && !can(context.actor, permissions['meeting.manageBlockedDates'])) throw new DomainError('FORBIDDEN');
      const everyone = !query.userId && can(context.actor, permissions['meeting.manageBlockedDates']);
      const rows = await createMeetingPlannerRepository(db).listBlockedPeriods(context.municipalityId, { userId: everyone ? undefined : (query.userId ?? ownId), endingOnOrAfter: query.from });
      return { items: rows.map((row) => presentBlocked(row.period, row.userName)) };
    },

    async createBlockedPeriod(context: UseCaseContext, input: CreateBlockedPeriod) {
      refuseWithout(context, permissions['meeting.manageOwnBlockedDates']);
      const userId = input.userId ?? context.actor!.userId;
      if (userId !== context.actor!.userId && !can(context.actor, permissions['meeting.manageBlockedDates'])) throw new DomainError('FORBIDDEN');
      checkPeriod(input.from, input.to);
      return inTransaction(db, async (tx) => {
        const repository = createMeetingPlannerRepository(tx);
        const name = await repository.userName(context.municipalityId, userId);
        if (!name) throw invalid([{ field: 'body.userId', code: 'unknownReference' }]);
        const row = await repository.insertBlockedPeriod({
          municipalityId: context.municipalityId,
          userId,
          startsOn: input.from,
          endsOn: input.to,
          reason: input.reason || null,
          createdByUserId: context.actor!.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock, context, { action: 'blockedPeriod.create', entityType: 'blocked_period', entityId: row.id, after: row });
        return presentBlocked(row, name);
      });
    },

    async deleteBlockedPeriod(context: UseCaseContext, id: string) {
      refuseWithout(context, permissions['meeting.manageOwnBlockedDates']);
      await inTransaction(db, async (tx) => {
        const repository = createMeetingPlannerRepository(tx);
        const row = await repository.findBlockedPeriod(context.municipalityId, id);
        // Someone else's days do not exist for a colleague who may not manage them.
        if (!row || (row.userId !== context.actor!.userId && !can(context.actor, permissions['meeting.manageBlockedDates']))) throw new DomainError('NOT_FOUND');
        await repository.deleteBlockedPeriod(context.municipalityId, id);
        await recordAudit(tx, clock, context, { action: 'blockedPeriod.delete', entityType: 'blocked_period', entityId: id, before: row });
      });
    },

    async getSettings(context: UseCaseContext) {
      if (!can(context.actor, permissions['meeting.runPlanner']) && !can(context.actor, permissions['meeting.managePlannerSettings'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      return createMeetingPlannerRepository(db).settings(context.municipalityId);
    },

    async updateSettings(context: UseCaseContext, input: { maxPerAdvisorPerMonth: number }) {
      refuseWithout(context, permissions['meeting.managePlannerSettings']);
      return inTransaction(db, async (tx) => {
        const repository = createMeetingPlannerRepository(tx);
        const before = await repository.settings(context.municipalityId);
        await repository.saveSettings(context.municipalityId, input.maxPerAdvisorPerMonth, clock.now());
        await recordAudit(tx, clock, context, { action: 'meetingPlanner.settings', entityType: 'municipality', entityId: context.municipalityId, before, after: input });
        return repository.settings(context.municipalityId);
      });
    },

    /** Proposals for the period, computed each time and never stored: the advisor accepts what suits. */
    async proposeSchedule(context: UseCaseContext, request: ProposalRequest): Promise<MeetingPlanProposals> {
      refuseWithout(context, permissions['meeting.runPlanner']);
      checkPeriod(request.from, request.to);
      const kindCodes = [...new Set(request.kindCodes)];
      // Never today or earlier: a draft must lie ahead, and people need a day's notice at the very least.
      const tomorrow = addDays(dateInAmsterdam(clock.now()), 1);
      const from = [request.from, tomorrow].sort()[1];
      const { input } = await plannerInput(db, context, { ...request, from, kindCodes }, planningScope(context));
      const result = proposeMeetingSchedule(input);
      const names = new Map(input.neighbourhoods.map((item) => [item.id, item.name]));
      return {
        from: request.from,
        to: request.to,
        maxPerAdvisorPerMonth: input.maxPerAdvisorPerMonth,
        proposals: result.proposals.map(({ neighbourhoodId, neighbourhoodName, ...proposal }) => ({ neighbourhood: { id: neighbourhoodId, name: neighbourhoodName }, ...proposal })),
        unplaced: result.unplaced.map(({ neighbourhoodId, kindCode, reasonCode, reason }) => ({ neighbourhood: { id: neighbourhoodId, name: names.get(neighbourhoodId) ?? '' }, kindCode, reasonCode, reason })),
      };
    },

    /** The chosen proposals become draft meetings, all or none: one transaction, each audited. */
    async acceptProposals(context: UseCaseContext, body: AcceptProposals) {
      refuseWithout(context, permissions['meeting.runPlanner']);
      const scope = planningScope(context);
      const today = dateInAmsterdam(clock.now());
      return inTransaction(db, async (tx) => {
        const repository = createMeetingPlannerRepository(tx);
        const neighbourhoods = new Map((await repository.neighbourhoods(context.municipalityId, [...new Set(body.proposals.map((item) => item.neighbourhoodId))])).map((row) => [row.id, row]));
        const problems: FieldProblem[] = [];
        const seen = new Set<string>();
        body.proposals.forEach((item, index) => {
          const field = `body.proposals.${index}`;
          if (!neighbourhoods.has(item.neighbourhoodId)) problems.push({ field: `${field}.neighbourhoodId`, code: 'unknownReference' });
          else if (scope && !scope.includes(item.neighbourhoodId)) problems.push({ field: `${field}.neighbourhoodId`, code: 'neighbourhoodNotYours' });
          if (item.date <= today) problems.push({ field: `${field}.date`, code: 'dateNotInFuture' });
          if (!isWorkingDay(item.date)) problems.push({ field: `${field}.date`, code: 'plannerWeekdayOnly' });
          const key = `${item.neighbourhoodId}|${item.kindCode}`;
          if (seen.has(key)) problems.push({ field: `${field}.neighbourhoodId`, code: 'duplicate' });
          seen.add(key);
        });
        if (problems.length > 0) throw invalid(problems);

        // Nothing that has been planned since the proposals were made: accepting twice gives no second meeting.
        const kindCodes = [...new Set(body.proposals.map((item) => item.kindCode))];
        const dates = body.proposals.map((item) => item.date).sort();
        const { input, kinds, people } = await plannerInput(tx, context, { from: dates[0], to: addDays(dates.at(-1) as string, 1), kindCodes }, [...neighbourhoods.keys()]);
        const needs = new Map(input.neighbourhoods.flatMap((item) => item.needs.map((need) => [`${item.id}|${need.kindCode}`, need])));
        body.proposals.forEach((item, index) => {
          const need = needs.get(`${item.neighbourhoodId}|${item.kindCode}`);
          if (!need) problems.push({ field: `body.proposals.${index}.kindCode`, code: 'unknownReference' });
          else if (need.nextPlannedOn) problems.push({ field: `body.proposals.${index}.neighbourhoodId`, code: 'meetingAlreadyPlanned' });
        });
        if (problems.length > 0) throw invalid(problems);

        const now = clock.now();
        const kindByCode = new Map(kinds.map((kind) => [kind.code, kind]));
        const rows = await repository.insertMeetings(
          body.proposals.map((item) => {
            const kind = kindByCode.get(item.kindCode)!;
            const times = plannedTimes[item.kindCode];
            const isWijktafel = item.kindCode === 'wijktafel';
            return {
              municipalityId: context.municipalityId,
              kindId: kind.id,
              neighbourhoodId: item.neighbourhoodId,
              title: `${titles[item.kindCode]} ${neighbourhoods.get(item.neighbourhoodId)!.name}`,
              startsAt: amsterdamMoment(item.date, times.startTime),
              endsAt: amsterdamMoment(item.date, times.endTime),
              location: locationToBeDecided,
              // The wijkbezoek is in the neighbourhood by its nature; the wijktafel's place is still open.
              isLocationInNeighbourhood: !isWijktafel,
              // The municipality organises the wijktafel; the council the wijkbezoek, which it also chairs (§3.2).
              initiatorSide: isWijktafel ? 'municipality' : 'council',
              chairUserId: isWijktafel ? (people.neighbourhoodPolicy[0] ?? null) : null,
              // The wijktafel closes with its public part: the last half hour.
              publicPartStartsAt: isWijktafel ? amsterdamMoment(item.date, '21:00') : null,
              publicPartEndsAt: isWijktafel ? amsterdamMoment(item.date, times.endTime) : null,
              publicPartLocation: isWijktafel ? locationToBeDecided : null,
              invitedGroups: isWijktafel ? ['college', 'council', 'partners', 'advisor', 'officers'] : ['college', 'municipal_council_members', 'council', 'residents', 'partners', 'advisor'],
              state: 'draft' as const,
              createdByUserId: context.actor!.userId,
              createdAt: now,
              updatedAt: now,
            };
          }),
        );
        for (const row of rows) await recordAudit(tx, clock, context, { action: 'meeting.acceptProposal', entityType: 'meeting', entityId: row.id, after: row });
        return {
          created: rows.length,
          meetings: rows.map((row) => ({ id: row.id, neighbourhoodId: row.neighbourhoodId as string, kindCode: body.proposals.find((item) => item.neighbourhoodId === row.neighbourhoodId && kindByCode.get(item.kindCode)?.id === row.kindId)!.kindCode, title: row.title, startsAt: row.startsAt.toISOString() })),
        };
      });
    },
  };
}

export type MeetingPlannerService = ReturnType<typeof createMeetingPlannerService>;
