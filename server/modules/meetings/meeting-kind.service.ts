import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import type { MeetingKind, UpdateMeetingKind } from './meeting-kind.contract.ts';
import { createMeetingKindRepository, type MeetingKindRow } from './meeting-kind.repository.ts';
import { checkMeetingKind } from './meeting-kind.rules.ts';
import { defaultMeetingKinds } from './meeting.rules.ts';
import { meetingsPermissions } from './meetings.permissions.ts';

export function presentMeetingKind(row: MeetingKindRow): MeetingKind {
  return {
    id: row.id,
    code: row.code,
    nameNl: row.nameNl,
    nameEn: row.nameEn,
    purposeNl: row.purposeNl,
    purposeEn: row.purposeEn,
    expectedResultNl: row.expectedResultNl,
    expectedResultEn: row.expectedResultEn,
    initiators: row.initiators,
    chairRule: row.chairRule,
    requiredParticipants: row.requiredParticipants,
    optionalParticipants: row.optionalParticipants,
    character: row.character,
    frequencyRule: row.frequencyRule,
    frequencyValue: row.frequencyValue,
    countsTowardStructure: row.countsTowardStructure,
    takesPlaceInNeighbourhood: row.takesPlaceInNeighbourhood,
    needsDossiers: row.needsDossiers,
    minutesDueWorkingDays: row.minutesDueWorkingDays,
    version: row.version,
  };
}

/** The municipality's meeting kinds: public reading (they explain how the structure works), tailored by administrators. */
export function createMeetingKindService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  return {
    async listMeetingKinds(context: Pick<UseCaseContext, 'municipalityId'>) {
      return { items: (await createMeetingKindRepository(db).list(context.municipalityId)).map(presentMeetingKind) };
    },

    async updateMeetingKind(context: UseCaseContext, id: string, input: UpdateMeetingKind): Promise<MeetingKind> {
      if (!can(context.actor, meetingsPermissions['meeting.manageKinds'])) throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
      return inTransaction(db, async (tx) => {
        const repository = createMeetingKindRepository(tx);
        const before = await repository.findById(context.municipalityId, id);
        if (!before) throw new DomainError('NOT_FOUND');
        const { version, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<MeetingKindRow>;
        const problems = checkMeetingKind({ ...before, ...defined });
        if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
        const after = await repository.update(context.municipalityId, id, version, defined, clock.now());
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: 'meeting_kind.update', entityType: 'meeting_kind', entityId: id, before, after });
        return presentMeetingKind(after);
      });
    },
  };
}

export type MeetingKindService = ReturnType<typeof createMeetingKindService>;

/**
 * The note's five kinds for a municipality that has none yet (a new municipality, the demo). Existing ones are
 * left as the administrator tailored them.
 */
export async function insertDefaultMeetingKinds(tx: Executor, municipalityId: string, now: Date): Promise<void> {
  await createMeetingKindRepository(tx).insertMany(defaultMeetingKinds().map((kind, index) => ({ ...kind, municipalityId, sortOrder: index, updatedAt: now })));
}
