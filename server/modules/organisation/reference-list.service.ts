import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, duplicateFromDatabase, findDatabaseError } from '../../platform/errors.ts';
import { offsetOf, type PageQuery, pageOf } from '../../platform/pagination.ts';
import type { ScopeType } from '../../platform/permissions.ts';
import { removeGrantsOnScope } from '../users/index.ts';
import { canManageOrganisation } from './organisation.policy.ts';
import { createReferenceListRepository, type ReferenceListRepository, type ReferenceRow, type ReferenceTable } from './reference-list.repository.ts';

export interface ReferenceListDefinition<Item> {
  /** Audit entity type and action prefix, e.g. "department". */
  entityType: string;
  table: ReferenceTable;
  orderBy: AnyPgColumn[];
  present(row: ReferenceRow): Item;
  /** Unique constraint → the body field it guards, for 409 answers a person can act on. */
  constraintFields: Record<string, string>;
  /** Roles scoped to this kind of record end when the record is deleted (an officer's department…). */
  scopeType?: ScopeType;
  /** What the database refuses to lose a reference from (e.g. "request" for themes), named in the 409 IN_USE answer. */
  referencedBy?: string;
  /** Rules across fields or rows, checked in the transaction with the values as they will be stored. */
  check?(repository: ReferenceListRepository, municipalityId: string, merged: Record<string, unknown>, id?: string): Promise<void>;
}

/** List, create, change and delete for one reference list; every change audited, every list bounded. */
export function createReferenceListService<Item>(dependencies: { db: Executor; clock: Clock }, definition: ReferenceListDefinition<Item>) {
  const { db, clock } = dependencies;
  const repository = (executor: Executor) => createReferenceListRepository(executor, definition.table, definition.orderBy);

  async function guarded<T>(context: UseCaseContext, work: (tx: Executor) => Promise<T>): Promise<T> {
    if (!canManageOrganisation(context.actor)) throw new DomainError('FORBIDDEN');
    try {
      return await inTransaction(db, work);
    } catch (error) {
      throw duplicateFromDatabase(error, definition.constraintFields) ?? error;
    }
  }

  return {
    async list(context: Pick<UseCaseContext, 'municipalityId'>, query: PageQuery) {
      const { rows, total } = await repository(db).list(context.municipalityId, offsetOf(query), query.pageSize);
      return pageOf(rows.map(definition.present), total, query);
    },

    async create(context: UseCaseContext, input: Record<string, unknown>): Promise<Item> {
      return guarded(context, async (tx) => {
        await definition.check?.(repository(tx), context.municipalityId, input);
        const row = await repository(tx).insert({ ...input, municipalityId: context.municipalityId });
        await recordAudit(tx, clock, context, { action: `${definition.entityType}.create`, entityType: definition.entityType, entityId: row.id, after: row });
        return definition.present(row);
      });
    },

    async update(context: UseCaseContext, id: string, input: { version: number } & Record<string, unknown>): Promise<Item> {
      return guarded(context, async (tx) => {
        const before = await repository(tx).findById(context.municipalityId, id);
        if (!before) throw new DomainError('NOT_FOUND');
        const { version, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        await definition.check?.(repository(tx), context.municipalityId, { ...before, ...defined }, id);
        const after = await repository(tx).update(context.municipalityId, id, version, defined);
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: `${definition.entityType}.update`, entityType: definition.entityType, entityId: id, before, after });
        return definition.present(after);
      });
    },

    async remove(context: UseCaseContext, id: string): Promise<void> {
      await guarded(context, async (tx) => {
        const before = await repository(tx).findById(context.municipalityId, id);
        if (!before) throw new DomainError('NOT_FOUND');
        const removedRoles = definition.scopeType ? await removeGrantsOnScope(tx, context.municipalityId, definition.scopeType, id) : 0;
        try {
          await repository(tx).delete(context.municipalityId, id);
        } catch (error) {
          // Records that point here keep their history (a request stays tagged with its theme), so the
          // delete is refused whole (the role clean-up above rolls back with it) instead of a 500.
          if (findDatabaseError(error)?.code === '23503') throw new DomainError('IN_USE', { params: { reference: definition.referencedBy ?? 'other records' } });
          throw error;
        }
        await recordAudit(tx, clock, context, { action: `${definition.entityType}.delete`, entityType: definition.entityType, entityId: id, before, after: { removedRoles } });
      });
    },
  };
}

export type ReferenceListService<Item> = ReturnType<typeof createReferenceListService<Item>>;
