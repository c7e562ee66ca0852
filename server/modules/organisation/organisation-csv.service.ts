import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CsvImportReport, type CsvLinePlan, csvImportMaxLines, presentCsvReport, readCsv, refuseRejectedLines, rejectDuplicateKeys, writeCsv } from '../../platform/csv-import.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { type CsvList, changedFields, csvColumnsOf, exportLine, type Item, keyOf, readLine } from './organisation-csv.rules.ts';
import { organisationPermissions } from './organisation.permissions.ts';
import { createOrganisationServices, type OrganisationServices } from './organisation.service.ts';
import type { ReferenceListService } from './reference-list.service.ts';

const serviceOf: Record<string, keyof OrganisationServices> = { '/departments': 'departments', '/partner-organisations': 'partnerOrganisations', '/themes': 'themes' };

interface ListLinePlan extends CsvLinePlan {
  create?: Record<string, unknown>;
  update?: { id: string; version: number; values: Record<string, unknown> };
}

/** Every record of the list, in the list's order: the lists are short (tens), and the export as the import are bounded. */
async function allOf(service: ReferenceListService<unknown>, municipalityId: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; items.length < csvImportMaxLines * 5; page++) {
    const found = await service.list({ municipalityId }, { page, pageSize: 100 });
    items.push(...(found.items as Item[]));
    if (page >= found.pageCount) break;
  }
  return items;
}

/**
 * Departments, partner organisations and themes out to a spreadsheet and back: the export is a CSV the import reads
 * as it is, the import upserts by code (by name for partners) through the lists' own create and update, so every
 * record is checked and audited as when an administrator types it in, all in one transaction.
 */
export function createOrganisationCsvService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const servicesWithin = (executor: Executor) => createOrganisationServices({ db: executor, clock });

  function assertMay(context: UseCaseContext, permission: keyof typeof organisationPermissions) {
    if (!can(context.actor, organisationPermissions[permission])) throw new DomainError('FORBIDDEN');
  }

  async function planLines(tx: Executor, context: UseCaseContext, list: CsvList, content: Buffer): Promise<ListLinePlan[]> {
    const { rows } = readCsv(content, csvColumnsOf(list));
    const keyField = list.columns[list.keyColumn].field;
    const existing = new Map((await allOf(servicesWithin(tx)[serviceOf[list.path]] as ReferenceListService<unknown>, context.municipalityId)).map((item) => [keyOf(item[keyField]), item]));
    const plans = rows.map((row): ListLinePlan => {
      const { values, problems } = readLine(list, row.cells);
      const key = String(values[keyField] ?? row.cells[list.keyColumn] ?? '');
      const plan: ListLinePlan = { line: row.line, key, outcome: 'rejected', changes: [], problems: [...row.problems, ...problems] };
      if (plan.problems.length > 0) return plan;
      const found = existing.get(keyOf(key));
      if (!found) {
        plan.outcome = 'create';
        plan.changes = [{ code: 'importNewRecord' }];
        plan.create = { ...list.defaults?.(values), ...values };
        return plan;
      }
      const changed = changedFields(list, found, values);
      if (changed.length === 0) {
        plan.outcome = 'unchanged';
        return plan;
      }
      plan.outcome = 'update';
      plan.changes = changed.map((change) => ({ code: 'importFieldChanged', params: change }));
      plan.update = { id: String(found.id), version: Number(found.version), values };
      return plan;
    });
    rejectDuplicateKeys(plans, list.keyColumn);
    return plans;
  }

  return {
    /** The whole list as CSV, in the reader's language; the import takes it back as it is. */
    async exportList(context: UseCaseContext, list: CsvList): Promise<{ fileName: string; body: Buffer }> {
      assertMay(context, 'organisation.export');
      const items = await allOf(servicesWithin(db)[serviceOf[list.path]] as ReferenceListService<unknown>, context.municipalityId);
      const header = Object.values(list.columns).map((column) => column.headers[context.language === 'en' ? 1 : 0]);
      return { fileName: `${list.fileName[context.language]}-${context.municipalitySlug}.csv`, body: writeCsv(header, items.map((item) => exportLine(list, item))) };
    },

    /** Reports per line what the file would do; with isDryRun false, does it, or refuses the whole file. */
    async importList(context: UseCaseContext, list: CsvList, content: Buffer, options: { isDryRun: boolean }): Promise<CsvImportReport> {
      assertMay(context, 'organisation.import');
      return inTransaction(db, async (tx) => {
        const plans = await planLines(tx, context, list, content);
        if (options.isDryRun) return presentCsvReport(plans, true, context.language);
        refuseRejectedLines(plans);
        const service = servicesWithin(tx)[serviceOf[list.path]] as ReferenceListService<unknown>;
        for (const plan of plans) {
          if (plan.create) await service.create(context, plan.create);
          if (plan.update) await service.update(context, plan.update.id, { version: plan.update.version, ...plan.update.values });
        }
        const report = presentCsvReport(plans, false, context.language);
        await recordAudit(tx, clock, context, {
          action: `${list.entityType}.import`,
          entityType: 'municipality',
          entityId: context.municipalityId,
          after: { created: report.created, updated: report.updated, unchanged: report.unchanged },
        });
        return report;
      });
    },
  };
}

export type OrganisationCsvService = ReturnType<typeof createOrganisationCsvService>;
