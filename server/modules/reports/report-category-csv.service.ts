import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CsvColumns, type CsvImportReport, type CsvLinePlan, type CsvProblem, looseWord, presentCsvReport, readCsv, refuseRejectedLines, rejectDuplicateKeys, writeCsv } from '../../platform/csv-import.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { department } from '../organisation/index.ts';
import { createReportCategoryAdminService } from './report-category-admin.service.ts';
import { reportsPermissions } from './reports.permissions.ts';

/** The columns of the categories file; the questions a category asks are edited on the page, not in the file. */
export const reportCategoryColumns = {
  code: { headers: ['code', 'code'], isRequired: true },
  parentCode: { headers: ['hoofdcategorie', 'main category', 'parent', 'parentCode'] },
  name: { headers: ['naam', 'name'], isRequired: true },
  nameEn: { headers: ['naam in het Engels', 'name in English', 'naam engels', 'nameEn'] },
  description: { headers: ['omschrijving', 'description'] },
  handlingDays: { headers: ['afhandeltermijn in dagen', 'handling days', 'afhandeltermijn', 'handlingDays'] },
  dayKind: { headers: ['soort dagen', 'day kind', 'dayKind'] },
  department: { headers: ['afdeling', 'department'] },
  isActive: { headers: ['actief', 'active', 'isActive'] },
  sortOrder: { headers: ['volgorde', 'order', 'sortOrder'] },
} satisfies CsvColumns<string>;
type Column = keyof typeof reportCategoryColumns;

type Category = { id: string; code: string; parentCode: string | null; name: string; nameEn: string | null; description: string; handlingDays: number | null; dayKind: 'working' | 'calendar'; departmentId: string | null; isActive: boolean; sortOrder: number; version: number };
type Values = Partial<Omit<Category, 'id' | 'version'>>;

const yes = ['ja', 'yes', 'true', '1', 'actief', 'active'];
const no = ['nee', 'no', 'false', '0', 'inactief', 'inactive'];
const dayKindWords = { working: ['werkdagen', 'working', 'working days', 'werkdag'], calendar: ['kalenderdagen', 'calendar', 'calendar days', 'dagen'] };

/** One line's cells as values, with a reason for each cell that cannot be read; a column the file leaves out is left out. */
function readLine(cells: Partial<Record<Column, string>>, departments: { id: string; code: string; name: string }[]): { values: Values; problems: CsvProblem[] } {
  const values: Values = {};
  const problems: CsvProblem[] = [];
  const cell = (column: Column) => cells[column]?.replace(/\s+/g, ' ').trim();
  const code = cell('code') ?? '';
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) && code.length >= 2 && code.length <= 80) values.code = code;
  else problems.push({ column: 'code', code: code ? 'categoryCodeFormat' : 'required' });
  const parent = cell('parentCode');
  if (parent !== undefined) values.parentCode = parent === '' ? null : parent;
  const name = cell('name') ?? '';
  if (name.length >= 2 && name.length <= 120) values.name = name;
  else problems.push({ column: 'name', code: 'importTextLength', params: { min: 2, max: 120 } });
  const nameEn = cell('nameEn');
  if (nameEn !== undefined) {
    if (nameEn === '') values.nameEn = null;
    else if (nameEn.length >= 2 && nameEn.length <= 120) values.nameEn = nameEn;
    else problems.push({ column: 'nameEn', code: 'importTextLength', params: { min: 2, max: 120 } });
  }
  const description = cells.description?.trim();
  if (description !== undefined) {
    if (description.length <= 1000) values.description = description;
    else problems.push({ column: 'description', code: 'importTextLength', params: { min: 0, max: 1000 } });
  }
  const days = cell('handlingDays');
  if (days !== undefined) {
    const number = Number(days);
    if (days === '') values.handlingDays = null;
    else if (Number.isInteger(number) && number >= 0 && number <= 365) values.handlingDays = number;
    else problems.push({ column: 'handlingDays', code: 'importNumber', params: { min: 0, max: 365 } });
  }
  const dayKind = cell('dayKind');
  if (dayKind !== undefined) {
    const word = looseWord(dayKind);
    const kind = word === '' ? 'working' : (Object.keys(dayKindWords) as ('working' | 'calendar')[]).find((candidate) => dayKindWords[candidate].some((synonym) => looseWord(synonym) === word));
    if (kind) values.dayKind = kind;
    else problems.push({ column: 'dayKind', code: 'importDayKind', params: { value: dayKind.slice(0, 30) } });
  }
  const departmentWord = cell('department');
  if (departmentWord !== undefined) {
    const found = departments.filter((candidate) => [candidate.code, candidate.name].some((word) => looseWord(word) === looseWord(departmentWord)));
    if (departmentWord === '') values.departmentId = null;
    else if (found.length === 1) values.departmentId = found[0].id;
    else problems.push({ column: 'department', code: 'importUnknownCategoryDepartment', params: { name: departmentWord.slice(0, 100) } });
  }
  const active = cell('isActive');
  if (active !== undefined) {
    const word = looseWord(active);
    if (word === '' || yes.includes(word)) values.isActive = true;
    else if (no.includes(word)) values.isActive = false;
    else problems.push({ column: 'isActive', code: 'importYesNo', params: { value: active.slice(0, 30) } });
  }
  const order = cell('sortOrder');
  if (order !== undefined) {
    const number = Number(order || '0');
    if (Number.isInteger(number) && number >= 0 && number <= 10_000) values.sortOrder = number;
    else problems.push({ column: 'sortOrder', code: 'importNumber', params: { min: 0, max: 10_000 } });
  }
  return { values, problems };
}

interface CategoryLinePlan extends CsvLinePlan {
  create?: Values & { code: string; name: string };
  update?: { id: string; version: number; values: Values };
}

/**
 * Report categories (meldingcategorieën) out to a spreadsheet and back in: upserted by code through the category
 * service's own create and update, all lines in one transaction. A subcategory names its main category's code; a
 * main category new in the same file comes on an earlier line.
 */
export function createReportCategoryCsvService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const mayConfigure = (context: UseCaseContext) => {
    if (!can(context.actor, reportsPermissions['report.configure'])) throw new DomainError('FORBIDDEN');
  };

  async function current(executor: Executor, context: UseCaseContext) {
    const { items } = await createReportCategoryAdminService({ db: executor, clock }).list(context);
    const categories: Category[] = items.flatMap((main) => [{ ...main, parentCode: null }, ...main.subcategories.map((sub) => ({ ...sub, parentCode: main.code }))]);
    const departments = await executor.select({ id: department.id, code: department.code, name: department.name }).from(department).where(eq(department.municipalityId, context.municipalityId));
    return { categories, departments };
  }

  return {
    async exportCategories(context: UseCaseContext): Promise<{ fileName: string; body: Buffer }> {
      mayConfigure(context);
      const { categories, departments } = await current(db, context);
      const codeOf = new Map(departments.map((item) => [item.id, item.code]));
      const language = context.language === 'en' ? 1 : 0;
      const header = Object.values(reportCategoryColumns).map((column) => column.headers[language]);
      const rows = categories.map((item) => [
        item.code,
        item.parentCode,
        item.name,
        item.nameEn,
        item.description,
        item.handlingDays,
        item.dayKind === 'working' ? 'werkdagen' : 'kalenderdagen',
        item.departmentId ? (codeOf.get(item.departmentId) ?? null) : null,
        item.isActive ? 'ja' : 'nee',
        item.sortOrder,
      ]);
      return { fileName: `${context.language === 'en' ? 'report-categories' : 'meldingcategorieen'}-${context.municipalitySlug}.csv`, body: writeCsv(header, rows) };
    },

    async importCategories(context: UseCaseContext, content: Buffer, options: { isDryRun: boolean }): Promise<CsvImportReport> {
      mayConfigure(context);
      return inTransaction(db, async (tx) => {
        const { rows } = readCsv(content, reportCategoryColumns);
        const { categories, departments } = await current(tx, context);
        const byCode = new Map(categories.map((item) => [item.code, item]));
        const mainCodesInFile = new Set<string>();
        const plans = rows.map((row): CategoryLinePlan => {
          const { values, problems } = readLine(row.cells, departments);
          problems.unshift(...row.problems);
          const found = values.code ? byCode.get(values.code) : undefined;
          const parentCode = values.parentCode ?? null;
          if (values.parentCode !== undefined && found && parentCode !== found.parentCode) problems.push({ column: 'parentCode', code: 'importCategoryParentFixed' });
          if (parentCode && !found) {
            const parent = byCode.get(parentCode);
            if (!(parent ? parent.parentCode === null : mainCodesInFile.has(parentCode))) problems.push({ column: 'parentCode', code: 'importUnknownMainCategory', params: { code: parentCode.slice(0, 80) } });
          }
          const plan: CategoryLinePlan = { line: row.line, key: values.code ?? row.cells.code ?? '', outcome: 'rejected', changes: [], problems };
          if (problems.length > 0) return plan;
          if (!found) {
            if (!parentCode) mainCodesInFile.add(values.code as string);
            plan.outcome = 'create';
            plan.changes = [{ code: 'importNewRecord' }];
            plan.create = { ...values, code: values.code as string, name: values.name as string, parentCode: parentCode ?? undefined } as CategoryLinePlan['create'];
            return plan;
          }
          const { parentCode: _parentCode, code: _code, ...changes } = values;
          const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((field) => (found[field] ?? null) !== (changes[field] ?? null));
          if (changed.length === 0) {
            plan.outcome = 'unchanged';
            return plan;
          }
          plan.outcome = 'update';
          const shown = (field: string, value: unknown) => {
            if (value === null || value === undefined) return '';
            if (field === 'departmentId') return departments.find((item) => item.id === value)?.code ?? '';
            if (typeof value === 'boolean') return value ? 'ja' : 'nee';
            if (field === 'dayKind') return value === 'working' ? 'werkdagen' : 'kalenderdagen';
            return String(value);
          };
          plan.changes = changed.map((field) => {
            const headers = reportCategoryColumns[field === 'departmentId' ? 'department' : field].headers;
            return { code: 'importFieldChanged', params: { columnNl: headers[0], columnEn: headers[1], from: shown(field, found[field]), to: shown(field, changes[field]) } };
          });
          plan.update = { id: found.id, version: found.version, values: Object.fromEntries(changed.map((field) => [field, changes[field]])) };
          return plan;
        });
        rejectDuplicateKeys(plans, 'code');
        if (options.isDryRun) return presentCsvReport(plans, true, context.language);
        refuseRejectedLines(plans);
        const categoriesWithin = createReportCategoryAdminService({ db: tx, clock });
        for (const plan of plans) {
          if (plan.create) await categoriesWithin.create(context, { nameEn: null, description: '', handlingDays: null, dayKind: 'working', departmentId: null, questions: [], isActive: true, sortOrder: 0, ...plan.create, parentCode: plan.create.parentCode ?? undefined });
          if (plan.update) await categoriesWithin.update(context, plan.update.id, { version: plan.update.version, ...plan.update.values });
        }
        const report = presentCsvReport(plans, false, context.language);
        await recordAudit(tx, clock, context, { action: 'report.category.import', entityType: 'municipality', entityId: context.municipalityId, after: { created: report.created, updated: report.updated, unchanged: report.unchanged } });
        return report;
      });
    },
  };
}

export type ReportCategoryCsvService = ReturnType<typeof createReportCategoryCsvService>;
