import ExcelJS from 'exceljs';
import type { Language } from '../../platform/language.ts';
import type { RequestExportRow } from './request-export.repository.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-cell.ts';

type Text = Record<Language, string>;

/** A cell of the export: text, a calendar date (YYYY-MM-DD), or a link. Null stays empty. */
export type ExportCell = { kind: 'text'; value: string | null } | { kind: 'date'; value: string | null } | { kind: 'link'; value: string };

interface ExportColumn {
  header: Text;
  /** Width in characters in the workbook. */
  width: number;
  kind: ExportCell['kind'];
}

/**
 * The columns of an export, in order. This list decides what leaves the API in a file: no submitter, no
 * e-mail address, no text of the request (residents write names and addresses in it), no internal notes.
 */
export const exportColumns = {
  id: { header: { nl: 'ID', en: 'ID' }, width: 38, kind: 'text' },
  reference: { header: { nl: 'Kenmerk', en: 'Reference' }, width: 16, kind: 'text' },
  kind: { header: { nl: 'Soort', en: 'Kind' }, width: 20, kind: 'text' },
  title: { header: { nl: 'Titel', en: 'Title' }, width: 50, kind: 'text' },
  neighbourhood: { header: { nl: 'Wijk', en: 'Neighbourhood' }, width: 20, kind: 'text' },
  council: { header: { nl: 'Namens wijkorgaan', en: 'On behalf of council' }, width: 26, kind: 'text' },
  scale: { header: { nl: 'Schaalniveau', en: 'Scale' }, width: 14, kind: 'text' },
  weight: { header: { nl: 'Gewicht', en: 'Weight' }, width: 10, kind: 'text' },
  state: { header: { nl: 'Status', en: 'State' }, width: 16, kind: 'text' },
  verdict: { header: { nl: 'Antwoord (nu/ooit/nooit)', en: 'Verdict (nu/ooit/nooit)' }, width: 12, kind: 'text' },
  submittedOn: { header: { nl: 'Ingediend op', en: 'Submitted on' }, width: 13, kind: 'date' },
  acknowledgeBy: { header: { nl: 'Ontvangst bevestigen uiterlijk', en: 'Acknowledge by' }, width: 13, kind: 'date' },
  acknowledgedOn: { header: { nl: 'Ontvangst bevestigd op', en: 'Acknowledged on' }, width: 13, kind: 'date' },
  answerBy: { header: { nl: 'Antwoorden uiterlijk', en: 'Answer by' }, width: 13, kind: 'date' },
  answeredOn: { header: { nl: 'Beantwoord op', en: 'Answered on' }, width: 13, kind: 'date' },
  isOnTime: { header: { nl: 'Op tijd beantwoord', en: 'Answered on time' }, width: 10, kind: 'text' },
  leadDepartment: { header: { nl: 'Trekkende afdeling', en: 'Lead department' }, width: 22, kind: 'text' },
  themes: { header: { nl: 'Thema’s', en: 'Themes' }, width: 30, kind: 'text' },
  nextUpdateDue: { header: { nl: 'Volgend voortgangsbericht uiterlijk', en: 'Next update due' }, width: 13, kind: 'date' },
  isPublic: { header: { nl: 'Openbaar', en: 'Public' }, width: 9, kind: 'text' },
  link: { header: { nl: 'Link', en: 'Link' }, width: 60, kind: 'link' },
} as const satisfies Record<string, ExportColumn>;

type ColumnKey = keyof typeof exportColumns;
const columnKeys = Object.keys(exportColumns) as ColumnKey[];

const labels: Record<string, Text> = {
  question: { nl: 'Vraag', en: 'Question' },
  request: { nl: 'Verzoek', en: 'Request' },
  advice_solicited: { nl: 'Gevraagd advies', en: 'Solicited advice' },
  advice_unsolicited: { nl: 'Ongevraagd advies', en: 'Unsolicited advice' },
  initiative: { nl: 'Bewonersinitiatief', en: 'Residents’ initiative' },
  street: { nl: 'Straat', en: 'Street' },
  area: { nl: 'Buurt', en: 'Area' },
  neighbourhood: { nl: 'Wijk', en: 'Neighbourhood' },
  city_wide: { nl: 'Hele stad', en: 'Whole city' },
  large: { nl: 'Groot', en: 'Large' },
  limited: { nl: 'Beperkt', en: 'Limited' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  acknowledged: { nl: 'Ontvangen', en: 'Received' },
  routed: { nl: 'In behandeling', en: 'Being handled' },
  answered: { nl: 'Beantwoord', en: 'Answered' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  nu: { nl: 'Nu', en: 'Nu' },
  ooit: { nl: 'Ooit', en: 'Ooit' },
  nooit: { nl: 'Nooit', en: 'Nooit' },
};
const yesNo: Record<Language, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

const label = (code: string | null, language: Language) => (code === null ? null : (labels[code]?.[language] ?? code));
const yesOrNo = (value: boolean | null, language: Language) => (value === null ? null : yesNo[language][value ? 0 : 1]);

/**
 * Answered by the deadline? Answered: whether the answer came on or before the answer date. Still open: "no"
 * once the deadline has passed, empty while it has not (it can still be on time). Closed unanswered: empty.
 */
export function isAnsweredOnTime(row: Pick<RequestExportRow, 'state' | 'answerBy' | 'answeredOn'>, today: string): boolean | null {
  if (row.answeredOn) return row.answeredOn <= row.answerBy;
  if (['submitted', 'acknowledged', 'routed'].includes(row.state) && row.answerBy < today) return false;
  return null;
}

export function presentExportRow(row: RequestExportRow, options: { language: Language; today: string; requestUrl: (id: string) => string }): Record<ColumnKey, ExportCell> {
  const { language } = options;
  const text = (value: string | null): ExportCell => ({ kind: 'text', value });
  const date = (value: string | null): ExportCell => ({ kind: 'date', value });
  return {
    id: text(row.id),
    reference: text(row.reference),
    kind: text(label(row.kind, language)),
    title: text(row.title),
    neighbourhood: text(row.neighbourhoodName),
    council: text(row.councilName),
    scale: text(label(row.scale, language)),
    weight: text(label(row.weight, language)),
    state: text(label(row.state, language)),
    verdict: text(label(row.verdict, language)),
    submittedOn: date(row.submittedOn),
    acknowledgeBy: date(row.acknowledgeBy),
    acknowledgedOn: date(row.acknowledgedOn),
    answerBy: date(row.answerBy),
    answeredOn: date(row.answeredOn),
    isOnTime: text(yesOrNo(isAnsweredOnTime(row, options.today), language)),
    leadDepartment: text(row.departmentName),
    themes: text(row.themes.length > 0 ? row.themes.join(', ') : null),
    nextUpdateDue: date(row.nextUpdateDue),
    isPublic: text(yesOrNo(row.isPublic, language)),
    link: { kind: 'link', value: options.requestUrl(row.id) },
  };
}


function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV as Dutch Excel opens it with a double click: UTF-8 with a byte-order mark (otherwise é and ’ break),
 * semicolons between fields (the comma is the Dutch decimal sign), RFC 4180 quoting and CRLF line ends.
 */
export function renderCsv(rows: Record<ColumnKey, ExportCell>[], language: Language): Buffer {
  const lines = [columnKeys.map((key) => csvField(exportColumns[key].header[language])).join(';')];
  for (const row of rows) lines.push(columnKeys.map((key) => csvField(row[key].value ?? '')).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A calendar date as the date Excel shows: midnight UTC, because the workbook's dates carry no time zone. */
function excelDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** An Excel workbook: bold frozen header with a filter, widths that fit, real dates, and clickable links. */
export async function renderXlsx(rows: Record<ColumnKey, ExportCell>[], language: Language, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkwerk';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnKeys.map((key) => {
    const column: ExportColumn = exportColumns[key];
    return { key, header: column.header[language], width: column.width, style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Text goes in as text, never as a formula: a cell value starting with "=" stays a string in the workbook.
    sheet.addRow(
      Object.fromEntries(
        columnKeys.map((key) => {
          const cell = row[key];
          if (cell.kind === 'date') return [key, cell.value ? excelDate(cell.value) : null];
          if (cell.kind === 'link') return [key, { text: cell.value, hyperlink: cell.value }];
          return [key, cell.value];
        }),
      ),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columnKeys.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
