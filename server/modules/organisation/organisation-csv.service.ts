import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CsvImportReport, type CsvLinePlan, type CsvProblem, csvImportMaxLines, looseWord, presentCsvReport, readCsv, refuseRejectedLines, rejectDuplicateKeys, writeCsv } from '../../platform/csv-import.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { findReferenceWords, type ReferenceWords } from './organisation-csv.repository.ts';
import { type CsvList, changedFields, csvColumnsOf, exportLine, type Item, keyOf, type ReferenceKind, readLine } from './organisation-csv.rules.ts';
import { organisationPermissions } from './organisation.permissions.ts';
import { createOrganisationServices, type OrganisationServices } from './organisation.service.ts';
import type { ReferenceListService } from './reference-list.service.ts';

const serviceOf: Record<string, keyof OrganisationServices> = { '/departments': 'departments', '/partner-organisations': 'partnerOrganisations', '/themes': 'themes', '/portfolios': 'portfolios' };

const unknownReferenceCode: Record<ReferenceKind, string> = { department: 'listUnknownDepartment', theme: 'listUnknownTheme', neighbourhood: 'listUnknownNeighbourhood' };

/**
 * The records a list's reference columns name (a portfolio's departments, themes and neighbourhoods): written as
 * their codes separated by "|", read by code or name. A cell's canonical form (the codes, sorted) is what is
 * compared with the record as it is.
 */
async function loadReferences(db: Executor, municipalityId: string, list: CsvList) {
  const kinds = [...new Set(Object.values(list.columns).flatMap((column) => (column.reference ? [column.reference] : [])))];
  const known = new Map<ReferenceKind, ReferenceWords[]>();
  for (const kind of kinds) known.set(kind, await findReferenceWords(db, municipalityId, kind));
  const codesOf = (kind: ReferenceKind, ids: string[]) => {
    const byId = new Map((known.get(kind) ?? []).map((entry) => [entry.id, entry.code]));
    return ids.map((id) => byId.get(id) ?? id).sort().join(' | ');
  };
  return {
    /** The record with its id lists as the cells an export writes. */
    asCells(item: Item): Item {
      const cells = { ...item };
      for (const column of Object.values(list.columns)) if (column.reference) cells[column.field] = codesOf(column.reference, (item[column.field] as string[] | undefined) ?? []);
      return cells;
    },
    /** A cell's words as ids, with a problem for each word that names nothing (or more than one record). */
    resolve(kind: ReferenceKind, cell: string, column: string): { ids: string[]; canonical: string; problems: CsvProblem[] } {
      const ids: string[] = [];
      const problems: CsvProblem[] = [];
      for (const word of cell.split('|').map((part) => part.trim()).filter(Boolean)) {
        const found = (known.get(kind) ?? []).filter((entry) => entry.words.some((candidate) => looseWord(candidate) === looseWord(word)));
        if (found.length === 1) ids.push(found[0].id);
        else problems.push({ column, code: unknownReferenceCode[kind], params: { name: word.slice(0, 100) } });
      }
      const unique = [...new Set(ids)];
      return { ids: unique, canonical: codesOf(kind, unique), problems };
    },
  };
}

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
    const references = await loadReferences(tx, context.municipalityId, list);
    const existing = new Map((await allOf(servicesWithin(tx)[serviceOf[list.path]] as ReferenceListService<unknown>, context.municipalityId)).map((item) => [keyOf(item[keyField]), item]));
    const plans = rows.map((row): ListLinePlan => {
      const { values, problems } = readLine(list, row.cells);
      // Reference cells compare in their canonical form and are saved as ids.
      const ids: Record<string, string[]> = {};
      for (const [key, column] of Object.entries(list.columns)) {
        if (!column.reference || typeof values[column.field] !== 'string') continue;
        const resolved = references.resolve(column.reference, String(values[column.field]), key);
        problems.push(...resolved.problems);
        values[column.field] = resolved.canonical;
        ids[column.field] = resolved.ids;
      }
      const withIds = (fields: Record<string, unknown>) => {
        const saved: Record<string, unknown> = { ...fields };
        for (const column of Object.values(list.columns)) if (column.reference && column.field in saved) saved[column.field] = ids[column.field] ?? [];
        return saved;
      };
      const key = String(values[keyField] ?? row.cells[list.keyColumn] ?? '');
      const plan: ListLinePlan = { line: row.line, key, outcome: 'rejected', changes: [], problems: [...row.problems, ...problems] };
      if (plan.problems.length > 0) return plan;
      const found = existing.get(keyOf(key));
      if (!found) {
        plan.outcome = 'create';
        plan.changes = [{ code: 'importNewRecord' }];
        plan.create = withIds({ ...list.defaults?.(values), ...values });
        return plan;
      }
      const changed = changedFields(list, references.asCells(found), values);
      if (changed.length === 0) {
        plan.outcome = 'unchanged';
        return plan;
      }
      plan.outcome = 'update';
      plan.changes = changed.map((change) => ({ code: 'importFieldChanged', params: change }));
      plan.update = { id: String(found.id), version: Number(found.version), values: withIds(values) };
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
      const references = await loadReferences(db, context.municipalityId, list);
      const header = Object.values(list.columns).map((column) => column.headers[context.language === 'en' ? 1 : 0]);
      return { fileName: `${list.fileName[context.language]}-${context.municipalitySlug}.csv`, body: writeCsv(header, items.map((item) => exportLine(list, references.asCells(item)))) };
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
