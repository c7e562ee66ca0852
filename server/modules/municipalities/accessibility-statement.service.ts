import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { type AccessibilityStatementInput, accessibilityStatuses } from './accessibility-statement.contract.ts';
import { municipalityPermissions } from './municipality.permissions.ts';
import { createMunicipalityRepository } from './municipality.repository.ts';

/**
 * Until the municipality fills in its own: "partly compliant" (nobody outside has audited it yet), no date and no
 * contact, which the page says in words rather than inventing them.
 */
const defaults: AccessibilityStatementInput = { status: 'partial', adoptedOn: null, contactEmail: null, contactPhone: null, responseWorkingDays: 5, knownIssues: null };

function statementFrom(stored: unknown): AccessibilityStatementInput {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<AccessibilityStatementInput>;
  return {
    status: accessibilityStatuses.includes(value.status as never) ? (value.status as AccessibilityStatementInput['status']) : defaults.status,
    adoptedOn: value.adoptedOn ?? null,
    contactEmail: value.contactEmail ?? null,
    contactPhone: value.contactPhone ?? null,
    responseWorkingDays: typeof value.responseWorkingDays === 'number' ? value.responseWorkingDays : defaults.responseWorkingDays,
    knownIssues: value.knownIssues ?? null,
  };
}

/** The municipality's accessibility statement (toegankelijkheidsverklaring): public, kept by its administrators. */
export function createAccessibilityStatementService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  async function read(tx: Executor, municipalityId: string) {
    const municipalities = createMunicipalityRepository(tx);
    const tenant = await municipalities.findById(municipalityId);
    if (!tenant) throw new DomainError('NOT_FOUND');
    return { municipalityName: tenant.name, ...statementFrom(await municipalities.readSettings(municipalityId, 'accessibility')) };
  }
  return {
    getStatement: (context: UseCaseContext) => read(db, context.municipalityId),

    async updateStatement(context: UseCaseContext, input: AccessibilityStatementInput) {
      if (!can(context.actor, municipalityPermissions['municipality.manageStatements'])) throw new DomainError('FORBIDDEN');
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        const { municipalityName: _name, ...before } = await read(tx, context.municipalityId);
        await municipalities.writeSettings(context.municipalityId, 'accessibility', input);
        await recordAudit(tx, clock, context, { action: 'municipality.accessibilityStatement.update', entityType: 'municipality', entityId: context.municipalityId, before, after: input });
        return read(tx, context.municipalityId);
      });
    },
  };
}

export type AccessibilityStatementService = ReturnType<typeof createAccessibilityStatementService>;
