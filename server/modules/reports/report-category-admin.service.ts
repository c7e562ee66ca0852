import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, duplicateFromDatabase } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { department } from '../organisation/organisation.tables.ts';
import type { CreateReportCategory, UpdateReportCategory } from './report-category-admin.contract.ts';
import type { ReportQuestion } from './report-category.rules.ts';
import { reportCategory } from './report.tables.ts';
import { invalidField } from './reports.errors.ts';
import { reportsPermissions } from './reports.permissions.ts';

type CategoryRow = typeof reportCategory.$inferSelect;

/** Questions the reporter can answer: unique codes, a list question with at least two distinct answers. */
function checkQuestions(questions: readonly ReportQuestion[]) {
  const codes = new Set<string>();
  questions.forEach((question, index) => {
    if (codes.has(question.code)) throw invalidField(`body.questions.${index}.code`, 'duplicate');
    codes.add(question.code);
    if (question.kind === 'singlevaluelist') {
      const options = question.options ?? [];
      if (options.length < 2) throw invalidField(`body.questions.${index}.options`, 'optionsRequired');
      const keys = new Set<string>();
      options.forEach((option, optionIndex) => {
        if (keys.has(option.key)) throw invalidField(`body.questions.${index}.options.${optionIndex}.key`, 'duplicate');
        keys.add(option.key);
      });
    }
  });
}

/** A question as stored: no empty optional fields, no options on a free-text question. */
function storedQuestions(questions: readonly ReportQuestion[]): ReportQuestion[] {
  return questions.map((question) => ({
    code: question.code,
    question: question.question,
    ...(question.questionEn ? { questionEn: question.questionEn } : {}),
    kind: question.kind,
    isRequired: question.isRequired,
    ...(question.kind === 'singlevaluelist' ? { options: (question.options ?? []).map((option) => ({ key: option.key, name: option.name, ...(option.nameEn ? { nameEn: option.nameEn } : {}) })) } : {}),
  }));
}

/**
 * The municipality's report categories as the admin keeps them: main categories and subcategories, their terms,
 * routing and questions. Nothing is deleted (reports refer to their category); a category is retired instead.
 */
export function createReportCategoryAdminService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  const mayConfigure = (context: UseCaseContext) => {
    if (!can(context.actor, reportsPermissions['report.configure'])) throw new DomainError('FORBIDDEN');
  };

  async function departmentNames(executor: Executor, municipalityId: string) {
    const rows = await executor.select({ id: department.id, name: department.name }).from(department).where(eq(department.municipalityId, municipalityId));
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async function checkDepartment(tx: Executor, municipalityId: string, departmentId: string | null | undefined) {
    if (!departmentId) return;
    const [found] = await tx
      .select({ id: department.id })
      .from(department)
      .where(and(eq(department.municipalityId, municipalityId), eq(department.id, departmentId)));
    if (!found) throw invalidField('body.departmentId', 'unknownDepartment');
  }

  const present = (row: CategoryRow, names: Map<string, string>) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    description: row.description,
    handlingDays: row.handlingDays,
    dayKind: row.dayKind,
    departmentId: row.departmentId,
    departmentName: row.departmentId ? (names.get(row.departmentId) ?? null) : null,
    questions: row.questions,
    isActive: row.isActive,
    sortOrder: row.sortOrder,
    version: row.version,
  });

  async function presentOne(executor: Executor, municipalityId: string, row: CategoryRow) {
    const names = await departmentNames(executor, municipalityId);
    let parentCode: string | null = null;
    if (row.parentId) {
      const [parent] = await executor
        .select({ code: reportCategory.code })
        .from(reportCategory)
        .where(and(eq(reportCategory.municipalityId, municipalityId), eq(reportCategory.id, row.parentId)));
      parentCode = parent?.code ?? null;
    }
    return { ...present(row, names), parentCode };
  }

  async function guarded<T>(context: UseCaseContext, work: (tx: Executor) => Promise<T>): Promise<T> {
    mayConfigure(context);
    try {
      return await inTransaction(db, work);
    } catch (error) {
      throw duplicateFromDatabase(error, { report_category_code_key: 'body.code' }) ?? error;
    }
  }

  return {
    /** Every category, retired ones too, with ids and departments: what the admin page edits. */
    async list(context: UseCaseContext) {
      mayConfigure(context);
      const rows = await db
        .select()
        .from(reportCategory)
        .where(eq(reportCategory.municipalityId, context.municipalityId))
        .orderBy(asc(reportCategory.sortOrder), asc(reportCategory.name));
      const names = await departmentNames(db, context.municipalityId);
      return {
        items: rows
          .filter((row) => row.parentId === null)
          .map((main) => ({ ...present(main, names), subcategories: rows.filter((row) => row.parentId === main.id).map((row) => present(row, names)) })),
      };
    },

    async create(context: UseCaseContext, input: CreateReportCategory) {
      checkQuestions(input.questions);
      return guarded(context, async (tx) => {
        let parentId: string | null = null;
        if (input.parentCode) {
          const [parent] = await tx
            .select({ id: reportCategory.id, parentId: reportCategory.parentId })
            .from(reportCategory)
            .where(and(eq(reportCategory.municipalityId, context.municipalityId), eq(reportCategory.code, input.parentCode)));
          if (!parent || parent.parentId !== null) throw invalidField('body.parentCode', 'notAMainCategory');
          parentId = parent.id;
        }
        await checkDepartment(tx, context.municipalityId, input.departmentId);
        const [taken] = await tx
          .select({ id: reportCategory.id })
          .from(reportCategory)
          .where(and(eq(reportCategory.municipalityId, context.municipalityId), eq(reportCategory.code, input.code)));
        if (taken) throw new DomainError('DUPLICATE', { fields: [{ field: 'body.code', code: 'duplicate' }] });
        const { parentCode: _parentCode, ...values } = input;
        const [row] = await tx
          .insert(reportCategory)
          .values({ ...values, questions: storedQuestions(input.questions), parentId, municipalityId: context.municipalityId, createdAt: clock.now() })
          .returning();
        const after = await presentOne(tx, context.municipalityId, row);
        await recordAudit(tx, clock, context, { action: 'report.category.create', entityType: 'report_category', entityId: row.id, after });
        return after;
      });
    },

    async update(context: UseCaseContext, categoryId: string, input: UpdateReportCategory) {
      if (input.questions) checkQuestions(input.questions);
      return guarded(context, async (tx) => {
        const [found] = await tx
          .select()
          .from(reportCategory)
          .where(and(eq(reportCategory.municipalityId, context.municipalityId), eq(reportCategory.id, categoryId)));
        if (!found) throw new DomainError('NOT_FOUND');
        await checkDepartment(tx, context.municipalityId, input.departmentId);
        const { version, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        if (input.questions) defined.questions = storedQuestions(input.questions);
        const [updated] = await tx
          .update(reportCategory)
          .set({ ...defined, version: sql`${reportCategory.version} + 1` })
          .where(and(eq(reportCategory.municipalityId, context.municipalityId), eq(reportCategory.id, categoryId), eq(reportCategory.version, version)))
          .returning();
        if (!updated) throw new DomainError('VERSION_CONFLICT', { params: { current: found.version } });
        const before = await presentOne(tx, context.municipalityId, found);
        const after = await presentOne(tx, context.municipalityId, updated);
        await recordAudit(tx, clock, context, { action: 'report.category.update', entityType: 'report_category', entityId: categoryId, before, after });
        return after;
      });
    },
  };
}

export type ReportCategoryAdminService = ReturnType<typeof createReportCategoryAdminService>;
