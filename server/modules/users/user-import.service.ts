import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CsvImportReport, type CsvLinePlan, presentCsvReport, readCsv, refuseRejectedLines, rejectDuplicateKeys, writeCsv } from '../../platform/csv-import.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { findAccountsByEmail, findScopeChoices } from './user-import.repository.ts';
import { type ParsedGrant, parseLanguage, parseRoleCell, roleWords, userImportColumns } from './user-import.rules.ts';
import { userPermissions } from './user.permissions.ts';
import type { UserService } from './user.service.ts';

const emailSchema = z.email();

interface UserLinePlan extends CsvLinePlan {
  create?: { email: string; displayName: string; locale: 'nl' | 'en'; roles: { role: ParsedGrant['role']; scopeId: string | null }[] };
  addRoles?: { userId: string; version: number; roles: { role: ParsedGrant['role']; scopeId: string | null; title: string | null }[] };
}

function describeGrant(code: string, grant: ParsedGrant) {
  return { code, params: { roleNl: roleWords[grant.role].nl, roleEn: roleWords[grant.role].en, scope: grant.label.scope ? ` (${grant.label.scope})` : '' } };
}

/**
 * An administrator brings a list of people in from a spreadsheet: first a report per line of what would happen,
 * then the same file saved all or nothing. New people are created through the user service's own createUser (the
 * invitation mail, the audit row), existing ones get the roles they lack through its updateUser; all of it in one
 * transaction, so one refused line leaves everything as it was.
 */
export function createUserImportService(dependencies: { db: Executor; clock: Clock; usersWithin(tx: Executor): UserService }) {
  const { db, clock, usersWithin } = dependencies;

  async function planLines(tx: Executor, municipalityId: string, content: Buffer): Promise<UserLinePlan[]> {
    const { rows } = readCsv(content, userImportColumns);
    const choices = await findScopeChoices(tx, municipalityId);
    const emails = rows.map((row) => (row.cells.email ?? '').toLowerCase());
    const existing = new Map((await findAccountsByEmail(tx, municipalityId, [...new Set(emails.filter((email) => emailSchema.safeParse(email).success))])).map((found) => [found.account.email, found]));
    const plans = rows.map((row): UserLinePlan => {
      const email = (row.cells.email ?? '').toLowerCase();
      const displayName = (row.cells.name ?? '').replace(/\s+/g, ' ');
      const problems = [...row.problems];
      if (displayName.length < 2 || displayName.length > 120) problems.push({ column: 'name', code: 'importNameLength' });
      if (!email) problems.push({ column: 'email', code: 'required' });
      else if (!emailSchema.safeParse(email).success) problems.push({ column: 'email', code: 'invalidEmail' });
      const locale = parseLanguage(row.cells.language);
      if (!locale) problems.push({ column: 'language', code: 'importLanguage', params: { value: (row.cells.language ?? '').slice(0, 20) } });
      const { grants, problems: roleProblems } = parseRoleCell(row.cells.roles ?? '', choices);
      problems.push(...roleProblems);
      const found = existing.get(email);
      if (found && !found.account.isActive) problems.push({ column: 'email', code: 'accountInactive' });
      const plan: UserLinePlan = { line: row.line, key: email, outcome: 'rejected', changes: [], problems };
      if (problems.length > 0) return plan;
      if (!found) {
        plan.outcome = 'create';
        plan.changes = [{ code: 'importNewAccount' }, ...grants.map((grant) => describeGrant('importRole', grant))];
        plan.create = { email, displayName, locale: locale ?? 'nl', roles: grants.map((grant) => ({ role: grant.role, scopeId: grant.scopeId })) };
        return plan;
      }
      // An existing account keeps its roles and gets the ones it lacks: an import never takes a role away, and
      // never renames anyone (the name in the file may be older than the one the person keeps up themselves).
      const held = new Set(found.grants.map((grant) => `${grant.role}:${grant.scopeId}`));
      const added = grants.filter((grant) => !held.has(`${grant.role}:${grant.scopeId}`));
      const nameNote = displayName !== found.account.displayName ? [{ code: 'importNameKept', params: { name: found.account.displayName } }] : [];
      if (added.length === 0) {
        plan.outcome = 'unchanged';
        plan.changes = [{ code: 'importAlreadyThere' }, ...nameNote];
        return plan;
      }
      plan.outcome = 'update';
      plan.changes = [...added.map((grant) => describeGrant('importRoleAdded', grant)), ...nameNote];
      plan.addRoles = {
        userId: found.account.id,
        version: found.account.version,
        roles: [...found.grants.map((grant) => ({ role: grant.role, scopeId: grant.scopeId, title: grant.title })), ...added.map((grant) => ({ role: grant.role, scopeId: grant.scopeId, title: null }))],
      };
      return plan;
    });
    rejectDuplicateKeys(plans, 'email');
    return plans;
  }

  return {
    /** Reports per line what the file would do; with isDryRun false, does it, or refuses the whole file. */
    async importUsers(context: UseCaseContext, content: Buffer, options: { isDryRun: boolean }): Promise<CsvImportReport> {
      if (!can(context.actor, userPermissions['users.import'])) throw new DomainError('FORBIDDEN');
      return inTransaction(db, async (tx) => {
        const plans = await planLines(tx, context.municipalityId, content);
        if (options.isDryRun) return presentCsvReport(plans, true, context.language);
        refuseRejectedLines(plans);
        const users = usersWithin(tx);
        for (const plan of plans) {
          if (plan.create) await users.createUser(context, { ...plan.create, roles: plan.create.roles });
          if (plan.addRoles) await users.updateUser(context, plan.addRoles.userId, { version: plan.addRoles.version, roles: plan.addRoles.roles });
        }
        const report = presentCsvReport(plans, false, context.language);
        await recordAudit(tx, clock, context, {
          action: 'user.import',
          entityType: 'municipality',
          entityId: context.municipalityId,
          after: { created: report.created, updated: report.updated, unchanged: report.unchanged },
        });
        return report;
      });
    },

    /** A file to start from: the header line and two example lines, in the reader's language. */
    userImportTemplate(context: UseCaseContext): { fileName: string; body: Buffer } {
      if (!can(context.actor, userPermissions['users.import'])) throw new DomainError('FORBIDDEN');
      if (context.language === 'en') {
        return {
          fileName: 'users-template.csv',
          body: writeCsv(
            ['name', 'email', 'roles', 'language'],
            [
              ['Sanne de Vries', 'sanne.devries@example.org', 'advisor: Brandevoort | Rijpelberg', 'en'],
              ['Daan Bakker', 'daan.bakker@example.org', 'officer: verkeer; council_member: Wijkraad Brandevoort', 'nl'],
            ],
          ),
        };
      }
      return {
        fileName: 'gebruikers-voorbeeld.csv',
        body: writeCsv(
          ['naam', 'e-mail', 'rollen', 'taal'],
          [
            ['Sanne de Vries', 'sanne.devries@example.org', 'wijkadviseur: Brandevoort | Rijpelberg', 'nl'],
            ['Daan Bakker', 'daan.bakker@example.org', 'ambtenaar: verkeer; wijkraadslid: Wijkraad Brandevoort', 'en'],
          ],
        ),
      };
    },
  };
}

export type UserImportService = ReturnType<typeof createUserImportService>;
