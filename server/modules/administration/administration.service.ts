import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { listAuditEntries } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { browseOutboxMessages } from '../../platform/outbox.ts';
import { can } from '../../platform/permissions.ts';
import { listSecurityEvents } from '../../platform/security-events.ts';
import { findNames } from './audit-names.repository.ts';
import { isUpdate, isUuid, type NamedEntityType, namedEntityTypes, nameInSnapshot, readableChanges, referencesIn } from './audit-reading.rules.ts';
import type { auditListQuery, outboxListQuery, securityEventListQuery } from './administration.contract.ts';

const isNamedType = (type: string): type is NamedEntityType => (namedEntityTypes as readonly string[]).includes(type);

export function createAdministrationService(dependencies: { db: Executor }) {
  const { db } = dependencies;
  return {
    async browseAuditLog(context: UseCaseContext, query: z.infer<typeof auditListQuery>) {
      if (!can(context.actor, 'audit.read')) throw new DomainError('FORBIDDEN');
      const rows = await listAuditEntries(db, context.municipalityId, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        limit: query.pageSize,
      });
      const page = rows.slice(0, query.pageSize);
      // Every id on the page, named in one query per kind of record: no query per row.
      const nameOf = await findNames(db, context.municipalityId, page.flatMap(referencesIn), context.language);
      return {
        items: page.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          actorUserId: row.actorUserId,
          actorLabel: row.actorLabel,
          actorName: row.actorUserId ? (nameOf('user', row.actorUserId) ?? row.actorLabel) : null,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          entityName: (isNamedType(row.entityType) && isUuid(row.entityId) ? nameOf(row.entityType, row.entityId) : undefined) ?? nameInSnapshot(row.before, row.after) ?? null,
          isUpdate: isUpdate(row.before, row.after),
          changes: readableChanges(row.before, row.after, nameOf),
          before: row.before,
          after: row.after,
          requestId: row.requestId,
        })),
        nextCursor: rows.length > query.pageSize ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async browseSecurityEvents(context: UseCaseContext, query: z.infer<typeof securityEventListQuery>) {
      if (!can(context.actor, 'securityEvents.read')) throw new DomainError('FORBIDDEN');
      const rows = await listSecurityEvents(db, context.municipalityId, {
        kind: query.kind,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        clientAddress: query.address,
        actorUserId: query.actorUserId,
        beforeId: query.beforeId,
        limit: query.pageSize,
      });
      const page = rows.slice(0, query.pageSize);
      const nameOf = await findNames(
        db,
        context.municipalityId,
        page.flatMap((row) => (row.actorUserId ? [['user', row.actorUserId] as const] : [])),
        context.language,
      );
      return {
        items: page.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          kind: row.kind,
          actorUserId: row.actorUserId,
          actorName: row.actorUserId ? (nameOf('user', row.actorUserId) ?? null) : null,
          clientAddress: row.clientAddress,
          method: row.method,
          route: row.route,
          code: row.code,
          reason: row.reason,
          requestId: row.requestId,
        })),
        nextCursor: rows.length > query.pageSize ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async browseOutbox(context: UseCaseContext, query: z.infer<typeof outboxListQuery>) {
      if (!can(context.actor, 'outbox.read')) throw new DomainError('FORBIDDEN');
      const { rows, nextCursor } = await browseOutboxMessages(db, context.municipalityId, { ...query, limit: query.pageSize });
      const nameOf = await findNames(
        db,
        context.municipalityId,
        rows.flatMap((row) => (row.recipientUserId ? [['user', row.recipientUserId] as const] : [])),
        context.language,
      );
      return {
        items: rows.map((row) => ({
          id: row.id,
          channel: row.channel,
          recipientUserId: row.recipientUserId,
          recipientName: row.recipientUserId ? (nameOf('user', row.recipientUserId) ?? null) : null,
          recipientEmail: row.recipientEmail,
          topic: row.topic,
          subject: row.subject,
          // A link that sets a password carries its secret after "#": the administrator sees that it was sent, never
          // the link itself, so nobody but its owner can use it.
          body: row.body.replace(/#[A-Za-z0-9_-]{32,}/g, '#…'),
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          deliveredAt: row.deliveredAt?.toISOString() ?? null,
        })),
        nextCursor,
      };
    },
  };
}

export type AdministrationService = ReturnType<typeof createAdministrationService>;
