import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Boundary } from '../../platform/geometry.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/permissions.ts';
import { DomainError, duplicateFromDatabase, findDatabaseError } from '../../platform/errors.ts';
import { offsetOf, type PageQuery, pageOf } from '../../platform/pagination.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { findScopeMembers, findUserSummaries } from '../users/index.ts';
import type { CreateArea, CreateNeighbourhood, DevelopmentAgreementInput, UpdateArea, UpdateNeighbourhood } from './neighbourhood.contract.ts';
import { canManageNeighbourhoods, canRecordDevelopmentAgreement, canUpdateNeighbourhood } from './neighbourhood.policy.ts';
import { presentArea, presentNeighbourhood } from './neighbourhood.presenter.ts';
import { createNeighbourhoodRepository, type NeighbourhoodRow } from './neighbourhood.repository.ts';
import { checkDevelopmentAgreement, slugFromName } from './neighbourhood.rules.ts';

const constraintFields = {
  neighbourhood_slug_key: 'body.slug',
  neighbourhood_cbs_code_key: 'body.cbsCode',
  area_cbs_code_key: 'body.cbsCode',
};

async function rethrowDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw duplicateFromDatabase(error, constraintFields) ?? error;
  }
}

export function createNeighbourhoodService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  /** A user of this municipality, and not the neighbourhood's advisor: the two agree with each other (§3.3). */
  async function assertProgrammeManagerFits(tx: Executor, municipalityId: string, userId: string | null | undefined, neighbourhoodId?: string) {
    if (!userId) return;
    const [found] = await findUserSummaries(tx, municipalityId, [userId]);
    if (!found) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.programmeManagerUserId', code: 'unknownReference' }] });
    const advisors = neighbourhoodId ? await findScopeMembers(tx, municipalityId, 'advisor', [neighbourhoodId]) : [];
    if (advisors.some((advisor) => advisor.userId === userId)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.programmeManagerUserId', code: 'programmeManagerIsAdvisor' }] });
  }

  async function present(tx: Executor, row: NeighbourhoodRow, actor?: Actor) {
    const repository = createNeighbourhoodRepository(tx);
    const [areas, managers] = await Promise.all([
      repository.areasOf(row.municipalityId, row.id),
      row.programmeManagerUserId ? findUserSummaries(tx, row.municipalityId, [row.programmeManagerUserId]) : Promise.resolve([]),
    ]);
    // The agreement is only made where there is a programme manager to make it with.
    const mayAgree = row.isDevelopmentArea && row.programmeManagerUserId !== null && canRecordDevelopmentAgreement(actor, row);
    return presentNeighbourhood(row, areas, managers[0] ?? null, mayAgree ? ['recordDevelopmentAgreement'] : []);
  }

  async function requireNeighbourhood(tx: Executor, municipalityId: string, neighbourhoodId: string) {
    const row = await createNeighbourhoodRepository(tx).findById(municipalityId, neighbourhoodId);
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  return {
    async listNeighbourhoods(context: Pick<UseCaseContext, 'municipalityId'>, query: PageQuery & { search?: string; slug?: string }) {
      const { rows, total } = await createNeighbourhoodRepository(db).list(context.municipalityId, { search: query.search, slug: query.slug, offset: offsetOf(query), limit: query.pageSize });
      return pageOf(rows, total, query);
    },

    async listBoundaries(context: Pick<UseCaseContext, 'municipalityId'>) {
      const rows = await createNeighbourhoodRepository(db).listBoundaries(context.municipalityId);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          id: row.id,
          properties: { name: row.name, slug: row.slug, cbsCode: row.cbsCode, isBoundaryOfficial: row.isBoundaryOfficial },
          geometry: row.boundary as Boundary,
        })),
      };
    },

    async getNeighbourhood(context: Pick<UseCaseContext, 'municipalityId' | 'actor'>, neighbourhoodId: string) {
      return present(db, await requireNeighbourhood(db, context.municipalityId, neighbourhoodId), context.actor);
    },

    async createNeighbourhood(context: UseCaseContext, input: CreateNeighbourhood) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          await assertProgrammeManagerFits(tx, context.municipalityId, input.programmeManagerUserId);
          const row = await createNeighbourhoodRepository(tx).insert({
            municipalityId: context.municipalityId,
            name: input.name,
            slug: input.slug ?? slugFromName(input.name),
            cbsCode: input.cbsCode ?? null,
            description: input.description,
            boundary: input.boundary ?? null,
            isBoundaryOfficial: input.isBoundaryOfficial,
            isDevelopmentArea: input.isDevelopmentArea,
            programmeManagerUserId: input.programmeManagerUserId ?? null,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          });
          await recordAudit(tx, clock, context, { action: 'neighbourhood.create', entityType: 'neighbourhood', entityId: row.id, after: row });
          return present(tx, row, context.actor);
        }),
      );
    },

    async updateNeighbourhood(context: UseCaseContext, neighbourhoodId: string, input: UpdateNeighbourhood) {
      const changedFields = Object.keys(input).filter((key) => input[key as keyof UpdateNeighbourhood] !== undefined);
      if (!canUpdateNeighbourhood(context.actor, neighbourhoodId, changedFields)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          const repository = createNeighbourhoodRepository(tx);
          const before = await requireNeighbourhood(tx, context.municipalityId, neighbourhoodId);
          await assertProgrammeManagerFits(tx, context.municipalityId, input.programmeManagerUserId, neighbourhoodId);
          const { version, ...changes } = input;
          const after = await repository.update(context.municipalityId, neighbourhoodId, version, changes, clock.now());
          if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
          await recordAudit(tx, clock, context, { action: 'neighbourhood.update', entityType: 'neighbourhood', entityId: neighbourhoodId, before, after });
          return present(tx, after, context.actor);
        }),
      );
    },

    /** The advisor and the programme manager record whether, and how, the wijktafel and wijkwerkoverleg take place here. */
    async recordDevelopmentAgreement(context: UseCaseContext, neighbourhoodId: string, input: DevelopmentAgreementInput) {
      return inTransaction(db, async (tx) => {
        const repository = createNeighbourhoodRepository(tx);
        const before = await requireNeighbourhood(tx, context.municipalityId, neighbourhoodId);
        if (!canRecordDevelopmentAgreement(context.actor, before)) throw new DomainError('FORBIDDEN');
        const { version, ...agreement } = input;
        const problems = checkDevelopmentAgreement(before, agreement, dateInAmsterdam(clock.now()));
        if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
        const after = await repository.update(context.municipalityId, neighbourhoodId, version, { developmentAgreement: agreement }, clock.now());
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: 'neighbourhood.developmentAgreement', entityType: 'neighbourhood', entityId: neighbourhoodId, before: before.developmentAgreement, after: agreement });
        return present(tx, after, context.actor);
      });
    },

    async deleteNeighbourhood(context: UseCaseContext, neighbourhoodId: string) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      await inTransaction(db, async (tx) => {
        const before = await requireNeighbourhood(tx, context.municipalityId, neighbourhoodId);
        try {
          await createNeighbourhoodRepository(tx).delete(context.municipalityId, neighbourhoodId);
        } catch (error) {
          // A council (or later: requests, meetings) still points here; the transaction rolls back whole.
          if (findDatabaseError(error)?.code === '23503') throw new DomainError('IN_USE', { params: { reference: 'council, request' } });
          throw error;
        }
        await recordAudit(tx, clock, context, { action: 'neighbourhood.delete', entityType: 'neighbourhood', entityId: neighbourhoodId, before });
      });
    },

    async addArea(context: UseCaseContext, neighbourhoodId: string, input: CreateArea) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          await requireNeighbourhood(tx, context.municipalityId, neighbourhoodId);
          const row = await createNeighbourhoodRepository(tx).insertArea({
            municipalityId: context.municipalityId,
            neighbourhoodId,
            name: input.name,
            cbsCode: input.cbsCode ?? null,
            boundary: input.boundary ?? null,
            createdAt: clock.now(),
          });
          await recordAudit(tx, clock, context, { action: 'area.create', entityType: 'area', entityId: row.id, after: row });
          return presentArea(row);
        }),
      );
    },

    async updateArea(context: UseCaseContext, areaId: string, input: UpdateArea) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          const repository = createNeighbourhoodRepository(tx);
          const before = await repository.findArea(context.municipalityId, areaId);
          if (!before) throw new DomainError('NOT_FOUND');
          const after = await repository.updateArea(context.municipalityId, areaId, input);
          await recordAudit(tx, clock, context, { action: 'area.update', entityType: 'area', entityId: areaId, before, after });
          return presentArea(after!);
        }),
      );
    },

    async deleteArea(context: UseCaseContext, areaId: string) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      await inTransaction(db, async (tx) => {
        const repository = createNeighbourhoodRepository(tx);
        const before = await repository.findArea(context.municipalityId, areaId);
        if (!before) throw new DomainError('NOT_FOUND');
        try {
          await repository.deleteArea(context.municipalityId, areaId);
        } catch (error) {
          if (findDatabaseError(error)?.code === '23503') throw new DomainError('IN_USE', { params: { reference: 'request' } });
          throw error;
        }
        await recordAudit(tx, clock, context, { action: 'area.delete', entityType: 'area', entityId: areaId, before });
      });
    },
  };
}

export type NeighbourhoodService = ReturnType<typeof createNeighbourhoodService>;
