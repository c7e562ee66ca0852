import ExcelJS from 'exceljs';
import type { Language } from '../../platform/language.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-cell.ts';
import { csvField } from './action-plan-export.ts';

/**
 * The subsidy condition as a file for the subsidy officer: per council whether it contributed to its neighbourhood's
 * plan that year. Councils, neighbourhoods and plans only; no person's name is in it.
 */

export interface SubsidyConditionExportRow {
  councilName: string;
  neighbourhoodName: string;
  planTitle: string | null;
  periodStartsOn: string | null;
  periodEndsOn: string | null;
  hasContributed: boolean;
  /** The day of the first contribution, in Amsterdam. */
  firstContributedOn: string | null;
}

type ColumnKind = 'text' | 'date' | 'yesNo';
const columns: { key: keyof SubsidyConditionExportRow; header: Record<Language, string>; kind: ColumnKind; width: number }[] = [
  { key: 'councilName', header: { nl: 'Wijkorgaan', en: 'Council' }, kind: 'text', width: 32 },
  { key: 'neighbourhoodName', header: { nl: 'Wijk', en: 'Neighbourhood' }, kind: 'text', width: 24 },
  { key: 'planTitle', header: { nl: 'Wijkactieplan', en: 'Action plan' }, kind: 'text', width: 40 },
  { key: 'periodStartsOn', header: { nl: 'Looptijd vanaf', en: 'Period from' }, kind: 'date', width: 14 },
  { key: 'periodEndsOn', header: { nl: 'Looptijd tot en met', en: 'Period until' }, kind: 'date', width: 16 },
  { key: 'hasContributed', header: { nl: 'Bijgedragen', en: 'Contributed' }, kind: 'yesNo', width: 12 },
  { key: 'firstContributedOn', header: { nl: 'Eerste bijdrage', en: 'First contribution' }, kind: 'date', width: 16 },
];

const yesNo = { nl: ['ja', 'nee'], en: ['yes', 'no'] } as const;

function cellText(row: SubsidyConditionExportRow, column: (typeof columns)[number], language: Language): string {
  const value = row[column.key];
  if (column.kind === 'yesNo') return yesNo[language][value ? 0 : 1];
  if (value === null) return '';
  return column.kind === 'date' ? String(value) : neutraliseFormula(String(value));
}

/** CSV as the action export writes it: commas, CRLF, a byte-order mark so Excel reads ë right. */
export function subsidyConditionCsv(rows: SubsidyConditionExportRow[], language: Language): string {
  const lines = [columns.map((column) => csvField(column.header[language])).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(cellText(row, column, language))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function subsidyConditionXlsx(rows: SubsidyConditionExportRow[], language: Language, year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkwerk';
  const sheet = workbook.addWorksheet(`${language === 'en' ? 'Subsidy condition' : 'Subsidievoorwaarde'} ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column.key, header: column.header[language], width: column.width, style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((column) => {
          const value = row[column.key];
          // Real dates, so the sheet sorts and filters them as dates; midnight UTC because cells carry no zone.
          if (column.kind === 'date') return [column.key, value === null ? null : new Date(`${value}T00:00:00Z`)];
          return [column.key, cellText(row, column, language)];
        }),
      ),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
