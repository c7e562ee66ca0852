import ExcelJS from 'exceljs';
import type { Language } from '../../platform/language.ts';
import { type ProgressStatus, statusWords } from './action-plan-document.words.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-cell.ts';

/** The plan's actions as a CSV file and an Excel workbook, for staff who work on in a spreadsheet. */

export interface ActionExportRow {
  challenge: string;
  title: string;
  specific: string | null;
  location: string | null;
  indicator: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  ownerName: string | null;
  startsOn: string | null;
  deadlineOn: string | null;
  status: ProgressStatus | null;
  currentValue: number | null;
  budgetEuros: number | null;
  hours: number | null;
  fundingSource: string | null;
}

type ColumnKind = 'text' | 'number' | 'date' | 'status';
interface ExportColumn {
  key: keyof ActionExportRow;
  header: Record<Language, string>;
  kind: ColumnKind;
  /** Width in characters in the workbook. */
  width: number;
}

export const actionExportColumns: ExportColumn[] = [
  { key: 'challenge', header: { nl: 'Opgave', en: 'Challenge' }, kind: 'text', width: 30 },
  { key: 'title', header: { nl: 'Actie', en: 'Action' }, kind: 'text', width: 40 },
  { key: 'specific', header: { nl: 'Specifiek', en: 'Specific' }, kind: 'text', width: 50 },
  { key: 'location', header: { nl: 'Locatie', en: 'Location' }, kind: 'text', width: 24 },
  { key: 'indicator', header: { nl: 'Indicator', en: 'Indicator' }, kind: 'text', width: 30 },
  { key: 'baseline', header: { nl: 'Nulmeting', en: 'Baseline' }, kind: 'number', width: 11 },
  { key: 'target', header: { nl: 'Streefwaarde', en: 'Target' }, kind: 'number', width: 12 },
  { key: 'unit', header: { nl: 'Eenheid', en: 'Unit' }, kind: 'text', width: 14 },
  { key: 'ownerName', header: { nl: 'Trekker', en: 'Owner' }, kind: 'text', width: 26 },
  { key: 'startsOn', header: { nl: 'Start', en: 'Start' }, kind: 'date', width: 12 },
  { key: 'deadlineOn', header: { nl: 'Uiterlijk klaar', en: 'Deadline' }, kind: 'date', width: 14 },
  { key: 'status', header: { nl: 'Status', en: 'Status' }, kind: 'status', width: 14 },
  { key: 'currentValue', header: { nl: 'Huidige waarde', en: 'Current value' }, kind: 'number', width: 14 },
  { key: 'budgetEuros', header: { nl: 'Budget (€)', en: 'Budget (€)' }, kind: 'number', width: 13 },
  { key: 'hours', header: { nl: 'Uren', en: 'Hours' }, kind: 'number', width: 9 },
  { key: 'fundingSource', header: { nl: 'Financieringsbron', en: 'Funding source' }, kind: 'text', width: 24 },
];

/** A cell as text for CSV, or null when empty. Dates stay YYYY-MM-DD, which every spreadsheet reads as a date. */
function cellText(row: ActionExportRow, column: ExportColumn, language: Language): string | null {
  const value = row[column.key];
  if (value === null) return null;
  if (column.kind === 'status') return statusWords[value as ProgressStatus][language];
  if (column.kind === 'number') return String(value);
  if (column.kind === 'date') return String(value).slice(0, 10);
  return neutraliseFormula(String(value));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes inside doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV with commas, CRLF line ends and a UTF-8 byte-order mark, without which Excel reads ë and € as two
 * characters each. Numbers keep a decimal point, so that the file stays machine-readable in every locale.
 */
export function actionsCsv(rows: ActionExportRow[], language: Language): string {
  const lines = [actionExportColumns.map((column) => csvField(column.header[language])).join(',')];
  for (const row of rows) lines.push(actionExportColumns.map((column) => csvField(cellText(row, column, language) ?? '')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A calendar date as Excel shows it: midnight UTC, because the workbook's dates carry no time zone. */
function excelDate(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/** One sheet: bold frozen header with a filter, real dates and numbers, text guarded against formulas. */
export async function actionsXlsx(rows: ActionExportRow[], language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkwerk';
  const sheet = workbook.addWorksheet(language === 'en' ? 'Actions' : 'Acties', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = actionExportColumns.map((column) => ({
    key: column.key,
    header: column.header[language],
    width: column.width,
    style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : column.key === 'budgetEuros' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        actionExportColumns.map((column) => {
          const value = row[column.key];
          if (value === null) return [column.key, null];
          if (column.kind === 'date') return [column.key, excelDate(String(value))];
          if (column.kind === 'number') return [column.key, value];
          return [column.key, cellText(row, column, language)];
        }),
      ),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: actionExportColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
