import { z } from 'zod';
import { int32 } from '../../platform/input-bounds.ts';
import { dayKinds } from './report-category.rules.ts';
import { reportSettingsSchema } from './report-settings.rules.ts';
import { settableStatuses } from './report.workflow.ts';

const kebabCode = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'field:categoryCodeFormat');

const reportQuestionSchema = z
  .object({
    code: kebabCode(40).describe('The Open311 attribute code; the answers are kept under it'),
    question: z.string().trim().min(2).max(200),
    questionEn: z.string().trim().min(2).max(200).optional(),
    kind: z.enum(['text', 'singlevaluelist']),
    isRequired: z.boolean(),
    options: z
      .array(z.object({ key: kebabCode(40), name: z.string().trim().min(1).max(120), nameEn: z.string().trim().min(1).max(120).optional() }))
      .max(20)
      .optional()
      .describe('For singlevaluelist: the answers to choose from'),
  })
  .meta({ id: 'ReportQuestion' });

const editable = {
  name: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120).nullable().describe('English name; null: the Dutch name is shown'),
  description: z.string().trim().max(1000),
  handlingDays: z.number().int().min(0).max(365).nullable().describe('Days to handle a report; null: no deadline'),
  dayKind: z.enum(dayKinds).describe('working: weekends and public holidays are skipped'),
  departmentId: z.uuid().nullable().describe('Where new reports of this category go; null: routed by hand'),
  questions: z.array(reportQuestionSchema).max(10),
  isActive: z.boolean().describe('A retired category (false) is no longer offered; its reports keep it'),
  sortOrder: int32().min(0).max(10_000),
};

export const createReportCategoryBody = z
  .object({
    code: kebabCode(80).min(2).describe('Stable and unique within the municipality: the Open311 service_code'),
    parentCode: z.string().trim().min(1).max(80).optional().describe('The main category’s code; without it a main category is created'),
    name: editable.name,
    nameEn: editable.nameEn.default(null),
    description: editable.description.default(''),
    handlingDays: editable.handlingDays.default(null),
    dayKind: editable.dayKind.default('working'),
    departmentId: editable.departmentId.default(null),
    questions: editable.questions.default([]),
    isActive: editable.isActive.default(true),
    sortOrder: editable.sortOrder.default(0),
  })
  .meta({ id: 'CreateReportCategory' });
export type CreateReportCategory = z.infer<typeof createReportCategoryBody>;

export const updateReportCategoryBody = z
  .object({
    name: editable.name.optional(),
    nameEn: editable.nameEn.optional(),
    description: editable.description.optional(),
    handlingDays: editable.handlingDays.optional(),
    dayKind: editable.dayKind.optional(),
    departmentId: editable.departmentId.optional(),
    questions: editable.questions.optional(),
    isActive: editable.isActive.optional(),
    sortOrder: editable.sortOrder.optional(),
    version: int32().min(1).describe('The version you read; a stale one gives 409'),
  })
  .meta({ id: 'UpdateReportCategory' });
export type UpdateReportCategory = z.infer<typeof updateReportCategoryBody>;

export const reportCategoryParams = z.object({
  municipality: z.string().min(1).max(60),
  categoryId: z.uuid(),
});

const adminCategoryFields = {
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string(),
  handlingDays: z.number().int().nullable(),
  dayKind: z.enum(dayKinds),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  questions: z.array(reportQuestionSchema),
  isActive: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
};

export const reportCategoryAdminSchema = z.object({ ...adminCategoryFields, parentCode: z.string().nullable() }).meta({ id: 'ReportCategoryAdmin' });

export const reportCategoryAdminListSchema = z
  .object({
    items: z.array(z.object({ ...adminCategoryFields, subcategories: z.array(z.object(adminCategoryFields)) })),
  })
  .meta({ id: 'ReportCategoryAdminList' });

const textsPerLanguage = z.object({ nl: z.string(), en: z.string() });
export const reportSettingsResponse = reportSettingsSchema
  .safeExtend({
    defaultStandardMessages: z.record(z.enum(settableStatuses), textsPerLanguage).describe('The built-in text per status, used where standardMessages has none'),
    version: z.string().describe('Send it back when saving; a stale one gives 409'),
  })
  .meta({ id: 'ReportSettingsView' });
export const updateReportSettingsBody = reportSettingsSchema.safeExtend({ version: z.string().max(64) }).meta({ id: 'UpdateReportSettings' });
