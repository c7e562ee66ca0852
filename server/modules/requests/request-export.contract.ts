import { z } from 'zod';
import { requestListQuery } from './request.contract.ts';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportMediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The list's filters without paging: an export holds everything that matches, up to the cap. */
export const requestExportQuery = requestListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  format: z.enum(exportFormats).describe('csv: UTF-8 with BOM, semicolon-separated (what Dutch Excel opens directly); xlsx: an Excel workbook'),
  language: z.enum(['nl', 'en']).default('nl').describe('Language of the column headers and values'),
});

export type RequestExportQuery = z.infer<typeof requestExportQuery>;
