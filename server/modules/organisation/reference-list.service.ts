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
import { createReferenceListRepository, loadLinks, type ReferenceLink, type ReferenceListRepository, type ReferenceRow, type ReferenceTable, replaceLinks } from './reference-list.repository.ts';

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
  /** Lists of ids kept in link tables (a portfolio's departments), read and written with the record. */
  links?: ReferenceLink[];
  /** Rules across fields or rows, checked in the transaction with the values as they will be stored. */
  check?(repository: ReferenceListRepository, municipalityId: string, merged: Record<string, unknown>, id?: string): Promise<void>;
}

/** List, create, change and delete for one reference list; every change audited, every list bounded. */
export function createReferenceListService<Item>(dependencies: { db: Executor; clock: Clock }, definition: ReferenceListDefinition<Item>) {
  const { db, clock } = dependencies;
  const repository = (executor: Executor) => createReferenceListRepository(executor, definition.table, definition.orderBy);
  const links = definition.links ?? [];
  const withLinks = (executor: Executor, municipalityId: string, rows: ReferenceRow[]) => loadLinks(executor, links, municipalityId, rows);
  const oneWithLinks = async (executor: Executor, municipalityId: string, row: ReferenceRow) => (await withLinks(executor, municipalityId, [row]))[0];
  /** The record's own columns apart from its linked ids. */
  const splitLinks = (input: Record<string, unknown>) => {
    const own = { ...input };
    const linked = new Map<ReferenceLink, string[]>();
    for (const link of links) {
      if (Array.isArray(own[link.field])) linked.set(link, own[link.field] as string[]);
      delete own[link.field];
    }
    return { own, linked };
  };
  const writeLinks = async (tx: Executor, municipalityId: string, ownerId: string, linked: Map<ReferenceLink, string[]>) => {
    for (const [link, ids] of linked) {
      try {
        await replaceLinks(tx, link, municipalityId, ownerId, ids);
      } catch (error) {
        // An id that is not a record of this municipality: the composite foreign key refuses it.
        if (findDatabaseError(error)?.code === '23503') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: `body.${link.field}`, code: 'unknownReference' }] });
        throw error;
      }
    }
  };

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
      return pageOf((await withLinks(db, context.municipalityId, rows)).map(definition.present), total, query);
    },

    async create(context: UseCaseContext, input: Record<string, unknown>): Promise<Item> {
      return guarded(context, async (tx) => {
        await definition.check?.(repository(tx), context.municipalityId, input);
        const { own, linked } = splitLinks(input);
        const inserted = await repository(tx).insert({ ...own, municipalityId: context.municipalityId });
        await writeLinks(tx, context.municipalityId, inserted.id, linked);
        const row = await oneWithLinks(tx, context.municipalityId, inserted);
        await recordAudit(tx, clock, context, { action: `${definition.entityType}.create`, entityType: definition.entityType, entityId: row.id, after: row });
        return definition.present(row);
      });
    },

    async update(context: UseCaseContext, id: string, input: { version: number } & Record<string, unknown>): Promise<Item> {
      return guarded(context, async (tx) => {
        const found = await repository(tx).findById(context.municipalityId, id);
        if (!found) throw new DomainError('NOT_FOUND');
        const before = await oneWithLinks(tx, context.municipalityId, found);
        const { version, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        await definition.check?.(repository(tx), context.municipalityId, { ...before, ...defined }, id);
        const { own, linked } = splitLinks(defined);
        // The version moves with every change, a change of links only included, so two admins never overwrite each other.
        const updated = await repository(tx).update(context.municipalityId, id, version, own);
        if (!updated) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await writeLinks(tx, context.municipalityId, id, linked);
        const after = await oneWithLinks(tx, context.municipalityId, updated);
        await recordAudit(tx, clock, context, { action: `${definition.entityType}.update`, entityType: definition.entityType, entityId: id, before, after });
        return definition.present(after);
      });
    },

    async remove(context: UseCaseContext, id: string): Promise<void> {
      await guarded(context, async (tx) => {
        const found = await repository(tx).findById(context.municipalityId, id);
        if (!found) throw new DomainError('NOT_FOUND');
        const before = await oneWithLinks(tx, context.municipalityId, found);
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
