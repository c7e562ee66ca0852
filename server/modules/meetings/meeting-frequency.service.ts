import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { MeetingFrequencyQuery, MeetingFrequencyRow, RecordYearlyMeetingTarget } from './meeting-frequency.contract.ts';
import { agreementForFrequency, badgeOf, type StructureKindCode, structureKindCodes } from './meeting-frequency-overview.rules.ts';
import { createMeetingFrequencyRepository } from './meeting-frequency.repository.ts';
import { frequencyStatus } from './meeting-frequency.rules.ts';
import { meetingFrequencyPermissions as permissions } from './meeting-frequency.permissions.ts';
import { createMeetingRepository } from './meeting.repository.ts';

/** How often each neighbourhood's meetings are due (§3.2), across the municipality, and the yearly target per neighbourhood. */
export function createMeetingFrequencyService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  return {
    async listMeetingFrequency(context: UseCaseContext, query: MeetingFrequencyQuery) {
      if (!can(context.actor, permissions['meeting.viewFrequency'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      const repository = createMeetingFrequencyRepository(db);
      // Staff see every neighbourhood; a council member only the neighbourhood(s) of their own council(s).
      const isStaff = can(context.actor, permissions['meeting.viewFrequency'], { councilId: '' });
      const ownNeighbourhoods = isStaff ? undefined : await createMeetingRepository(db).neighbourhoodIdsOfCouncils(context.municipalityId, scopeIdsOf(context.actor, 'council_member'));
      const codes: readonly StructureKindCode[] = query.kindCode ? [query.kindCode] : structureKindCodes;
      const [neighbourhoods, kinds, terms] = await Promise.all([
        repository.neighbourhoods(context.municipalityId, { neighbourhoodId: query.neighbourhoodId, neighbourhoodIds: ownNeighbourhoods }),
        repository.kinds(context.municipalityId, codes),
        repository.terms(context.municipalityId),
      ]);
      const starts = await repository.meetingStarts(
        context.municipalityId,
        kinds.map((kind) => kind.id),
        neighbourhoods.map((row) => row.id),
      );
      const datesOf = new Map<string, string[]>();
      for (const start of starts) {
        const key = `${start.neighbourhoodId} ${start.kindId}`;
        datesOf.set(key, [...(datesOf.get(key) ?? []), start.startsAt.toISOString()]);
      }

      const today = dateInAmsterdam(clock.now());
      let rows: MeetingFrequencyRow[] = neighbourhoods.flatMap((place) => {
        const mayRecord = can(context.actor, permissions['meeting.recordYearlyTarget'], { neighbourhoodIds: [place.id] });
        return kinds.map((kind) => {
          const status = frequencyStatus({
            kind: { code: kind.code, frequencyRule: kind.frequencyRule, frequencyValue: kind.frequencyValue },
            meetingDates: datesOf.get(`${place.id} ${kind.id}`) ?? [],
            terms,
            yearlyTarget: place.yearlyMeetingTarget,
            developmentAgreement: agreementForFrequency(place.isDevelopmentArea, place.developmentAgreement),
            today,
          });
          const hasYearlyTarget = kind.frequencyRule === 'yearly_target';
          return {
            neighbourhood: { id: place.id, name: place.name, slug: place.slug, isDevelopmentArea: place.isDevelopmentArea, version: place.version },
            kind: { id: kind.id, code: kind.code as StructureKindCode, nameNl: kind.nameNl, nameEn: kind.nameEn },
            yearlyTarget: hasYearlyTarget ? { perYear: place.yearlyMeetingTarget, recordedAt: place.yearlyMeetingTargetRecordedAt?.toISOString() ?? null } : null,
            ...status,
            badge: badgeOf(status, today),
            allowedActions: hasYearlyTarget && mayRecord ? ['recordYearlyTarget' as const] : [],
          };
        });
      });
      if (query.isOverdue) rows = rows.filter((row) => row.isOverdue === (query.isOverdue === 'true'));
      if (query.sort === 'nextDueOn') {
        // Soonest due first; rows without a due day (exempt, or nothing due) after them, by name.
        const dueKey = (row: MeetingFrequencyRow) => (row.nextDueOn === null ? '9999-12-31' : row.nextDueOn);
        rows = [...rows].sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || a.neighbourhood.name.localeCompare(b.neighbourhood.name, 'nl'));
      }
      const offset = offsetOf(query);
      return pageOf(rows.slice(offset, offset + query.pageSize), rows.length, query);
    },

    async recordYearlyTarget(context: UseCaseContext, neighbourhoodId: string, input: RecordYearlyMeetingTarget) {
      if (!can(context.actor, permissions['meeting.recordYearlyTarget'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      return inTransaction(db, async (tx) => {
        const repository = createMeetingFrequencyRepository(tx);
        const before = await repository.findNeighbourhood(context.municipalityId, neighbourhoodId);
        if (!before) throw new DomainError('NOT_FOUND');
        // An advisor records it only for the neighbourhoods they serve.
        if (!can(context.actor, permissions['meeting.recordYearlyTarget'], { neighbourhoodIds: [neighbourhoodId] })) throw new DomainError('FORBIDDEN');
        const at = clock.now();
        const after = await repository.recordYearlyTarget(context.municipalityId, neighbourhoodId, input.version, { yearlyTarget: input.yearlyTarget, userId: context.actor!.userId, at });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: 'neighbourhood.recordYearlyMeetingTarget', entityType: 'neighbourhood', entityId: neighbourhoodId, before, after });
        return { neighbourhoodId, yearlyTarget: input.yearlyTarget, recordedAt: at.toISOString(), version: after.version };
      });
    },
  };
}

export type MeetingFrequencyService = ReturnType<typeof createMeetingFrequencyService>;
