import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, duplicateFromDatabase, findDatabaseError } from '../../platform/errors.ts';
import { offsetOf, type PageQuery, pageOf } from '../../platform/pagination.ts';
import { findScopeMembers, removeGrantsOnScope } from '../users/index.ts';
import type { CreateCouncil, UpdateCouncil } from './council.contract.ts';
import { canManageCouncils, canSeeCouncilMembers, canUpdateCouncil } from './council.policy.ts';
import { presentCouncil, presentCouncilSummary } from './council.presenter.ts';
import { createCouncilRepository } from './council.repository.ts';

const constraintFields = { council_name_key: 'body.name' };

export function createCouncilService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  async function assertNeighbourhood(tx: Executor, municipalityId: string, neighbourhoodId: string | undefined) {
    if (neighbourhoodId && !(await createCouncilRepository(tx).neighbourhoodExists(municipalityId, neighbourhoodId))) {
      throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.neighbourhoodId', code: 'unknownReference' }] });
    }
  }

  async function load(tx: Executor, context: Pick<UseCaseContext, 'municipalityId' | 'actor'>, councilId: string) {
    const row = await createCouncilRepository(tx).findById(context.municipalityId, councilId);
    if (!row) throw new DomainError('NOT_FOUND');
    const members = canSeeCouncilMembers(context.actor) ? await findScopeMembers(tx, context.municipalityId, 'council_member', [councilId]) : null;
    return presentCouncil(row, members?.map(({ userId, displayName, title }) => ({ userId, displayName, title })) ?? null);
  }

  async function rethrowDuplicate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw duplicateFromDatabase(error, constraintFields) ?? error;
    }
  }

  return {
    async listCouncils(context: Pick<UseCaseContext, 'municipalityId'>, query: PageQuery & { neighbourhoodId?: string; search?: string }) {
      const { rows, total } = await createCouncilRepository(db).list(context.municipalityId, { ...query, offset: offsetOf(query), limit: query.pageSize });
      return pageOf(rows.map(presentCouncilSummary), total, query);
    },

    async getCouncil(context: UseCaseContext, councilId: string) {
      return load(db, context, councilId);
    },

    async createCouncil(context: UseCaseContext, input: CreateCouncil) {
      if (!canManageCouncils(context.actor)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          await assertNeighbourhood(tx, context.municipalityId, input.neighbourhoodId);
          const now = clock.now();
          const row = await createCouncilRepository(tx).insert({ ...input, municipalityId: context.municipalityId, createdAt: now, updatedAt: now });
          await recordAudit(tx, clock, context, { action: 'council.create', entityType: 'council', entityId: row.id, after: row });
          return load(tx, context, row.id);
        }),
      );
    },

    /** Admins change anything; a council member keeps the contact details of their own council up to date. */
    async updateCouncil(context: UseCaseContext, councilId: string, input: UpdateCouncil) {
      const changedFields = Object.keys(input).filter((key) => input[key as keyof UpdateCouncil] !== undefined);
      if (!canUpdateCouncil(context.actor, councilId, changedFields)) throw new DomainError('FORBIDDEN');
      return rethrowDuplicate(() =>
        inTransaction(db, async (tx) => {
          const repository = createCouncilRepository(tx);
          const before = await repository.findById(context.municipalityId, councilId);
          if (!before) throw new DomainError('NOT_FOUND');
          await assertNeighbourhood(tx, context.municipalityId, input.neighbourhoodId);
          const { version, ...changes } = input;
          const after = await repository.update(context.municipalityId, councilId, version, changes, clock.now());
          if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
          await recordAudit(tx, clock, context, { action: 'council.update', entityType: 'council', entityId: councilId, before, after });
          return load(tx, context, councilId);
        }),
      );
    },

    /** The council's member roles end with it; the members' accounts remain. */
    async deleteCouncil(context: UseCaseContext, councilId: string) {
      if (!canManageCouncils(context.actor)) throw new DomainError('FORBIDDEN');
      await inTransaction(db, async (tx) => {
        const repository = createCouncilRepository(tx);
        const before = await repository.findById(context.municipalityId, councilId);
        if (!before) throw new DomainError('NOT_FOUND');
        const removedRoles = await removeGrantsOnScope(tx, context.municipalityId, 'council', councilId);
        try {
          await repository.delete(context.municipalityId, councilId);
        } catch (error) {
          // Requests submitted for the council keep pointing at it; the transaction rolls back whole.
          if (findDatabaseError(error)?.code === '23503') throw new DomainError('IN_USE', { params: { reference: 'request' } });
          throw error;
        }
        await recordAudit(tx, clock, context, { action: 'council.delete', entityType: 'council', entityId: councilId, before, after: { removedRoles } });
      });
    },
  };
}

export type CouncilService = ReturnType<typeof createCouncilService>;
