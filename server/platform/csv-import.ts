/**
 * Lists an administrator keeps in a spreadsheet (people, departments, themes…) come in and go out as CSV: read with
 * `;` or `,` between cells (Dutch Excel writes `;`), a byte-order mark or none, UTF-8 or the Windows-1252 an older
 * Excel saves; written with `;`, a byte-order mark and CRLF so that Excel opens it with the accents intact. An
 * import is reported per line first (a dry run), and then saved all or nothing.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { defineErrors, DomainError, type FieldProblem, fieldMessage } from './errors.ts';
import type { Language } from './language.ts';
import { neutraliseFormula } from './spreadsheet-cell.ts';

/** A file of a thousand people or records is a lot to check by eye already; larger lists go in parts. */
export const csvImportMaxBytes = 1024 * 1024;
export const csvImportMaxLines = 1000;
const maxCellLength = 2000;
const fileField = 'body.file';

export const csvErrors = defineErrors({
  codes: {
    CSV_IMPORT_REJECTED: {
      status: 400,
      title: { nl: 'Niets geïmporteerd', en: 'Nothing imported' },
      detail: {
        nl: '{rejected} van de {total} regels kunnen niet worden geïmporteerd. Er is niets opgeslagen: verbeter die regels en probeer het opnieuw. Per regel staat erbij wat er mis is.',
        en: '{rejected} of the {total} lines cannot be imported. Nothing was saved: correct those lines and try again. The reason is given per line.',
      },
    },
    CSV_TOO_MANY_LINES: {
      status: 413,
      title: { nl: 'Te veel regels', en: 'Too many lines' },
      detail: { nl: 'Een bestand mag hoogstens {max} regels hebben. Verdeel de lijst over meer bestanden.', en: 'A file may have at most {max} lines. Split the list over more files.' },
    },
  },
  fieldMessages: {
    csvUnreadable: { nl: 'Dit bestand is geen leesbare CSV (regel {line}): {reason}. Sla het in Excel op als “CSV UTF-8 (gescheiden door lijstscheidingstekens)”.', en: 'This file is not a readable CSV (line {line}): {reason}. Save it in Excel as “CSV UTF-8 (comma delimited)”.' },
    csvNotText: { nl: 'Dit is geen CSV-bestand maar bijvoorbeeld een Excel-werkmap. Sla het in Excel op als “CSV UTF-8 (gescheiden door lijstscheidingstekens)” en kies dat bestand.', en: 'This is not a CSV file but, for example, an Excel workbook. Save it in Excel as “CSV UTF-8 (comma delimited)” and choose that file.' },
    csvEmpty: { nl: 'Dit bestand heeft geen regels onder de kopregel.', en: 'This file has no lines below the header line.' },
    csvMissingColumn: { nl: 'De kolom “{column}” ontbreekt in de kopregel.', en: 'The column “{column}” is missing from the header line.' },
    csvUnknownColumn: { nl: 'De kolom “{column}” is onbekend. Gebruik de kolommen {known}.', en: 'The column “{column}” is unknown. Use the columns {known}.' },
    csvDuplicateColumn: { nl: 'De kolom “{column}” staat twee keer in de kopregel.', en: 'The column “{column}” appears twice in the header line.' },
    csvTooManyLines: { nl: 'Hoogstens {max} regels per bestand.', en: 'At most {max} lines per file.' },
    csvTooManyCells: { nl: 'Deze regel heeft meer cellen ({count}) dan de kopregel ({expected}). Staat er een scheidingsteken te veel, of moet een cel tussen aanhalingstekens?', en: 'This line has more cells ({count}) than the header line ({expected}). Is there a separator too many, or does a cell need quotes?' },
    csvDuplicateLine: { nl: 'Staat al op regel {line}.', en: 'Already on line {line}.' },
    importTextLength: { nl: 'Vul {min} tot {max} tekens in.', en: 'Enter {min} to {max} characters.' },
    importYesNo: { nl: '“{value}” is geen ja of nee.', en: '“{value}” is not yes or no.' },
    importNumber: { nl: 'Vul een heel getal van {min} tot {max} in.', en: 'Enter a whole number from {min} to {max}.' },
    importNewRecord: { nl: 'Wordt toegevoegd', en: 'Will be added' },
    importFieldChanged: { nl: '{columnNl}: “{from}” wordt “{to}”', en: '{columnEn}: “{from}” becomes “{to}”' },
    csvCellRequired: { nl: 'Vul “{column}” in.', en: 'Fill in “{column}”.' },
  },
});

export type CsvOutcome = 'create' | 'update' | 'unchanged' | 'rejected';

/** A problem of one cell: the column as the file names it, a catalogue code and its values. */
export interface CsvProblem {
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What the import does with one line of the file, before it is put in the reader's words. */
export interface CsvLinePlan {
  line: number;
  key: string;
  outcome: CsvOutcome;
  changes: { code: string; params?: Record<string, string | number> }[];
  problems: CsvProblem[];
}

export const csvImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('"true": report per line what would happen, save nothing'),
});

export const csvUploadForm = z
  .object({ file: z.string().meta({ format: 'binary' }).describe(`One CSV file of at most ${csvImportMaxBytes / 1024} KB and ${csvImportMaxLines} lines below the header line; cells separated by ";" or ","`) })
  .meta({ id: 'CsvUpload' });

export const csvImportReportSchema = z
  .object({
    isDryRun: z.boolean().describe('True when nothing was saved'),
    created: z.number().int().describe('Lines that add a record (or would)'),
    updated: z.number().int().describe('Lines that change an existing record (or would)'),
    unchanged: z.number().int().describe('Lines that match a record as it is'),
    rejected: z.number().int().describe('Lines that cannot be imported; with any of them, nothing is saved'),
    lines: z
      .array(
        z.object({
          line: z.number().int().describe('The line number in the file; the header is line 1'),
          key: z.string().describe('What the line is matched on: the e-mail address, code or name'),
          outcome: z.enum(['create', 'update', 'unchanged', 'rejected']),
          changes: z.array(z.string()).describe('What is added or changed, in the reader’s language'),
          problems: z.array(z.object({ column: z.string(), code: z.string(), message: z.string().describe('The reason, in the reader’s language') })).describe('Why the line is rejected'),
        }),
      )
      .max(csvImportMaxLines),
  })
  .meta({ id: 'CsvImportReport' });
export type CsvImportReport = z.infer<typeof csvImportReportSchema>;

/** The columns an import knows: each with the header words accepted for it (Dutch and English). */
export type CsvColumns<Key extends string> = Record<Key, { headers: string[]; isRequired?: boolean }>;

/** A header or a word in a cell compared loosely: case, accents, spaces, hyphens and underscores do not count. */
export function looseWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_.()]/g, '');
}

function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Not UTF-8: "CSV (gescheiden door lijstscheidingstekens)" from an older Excel is Windows-1252.
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The separator of the header line: whichever of ; , or tab it has most of. */
function separatorOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((separator) => ({ separator, count: header.split(separator).length - 1 }));
  return counts.sort((left, right) => right.count - left.count)[0].count > 0 ? counts[0].separator : ';';
}

/** A cell as an exported file wrote it: the apostrophe that kept a formula from running is not part of the value. */
function cellValue(raw: string): string {
  // Control characters (a stray bell or escape from a copied text) are dropped; line breaks and tabs are spacing.
  const value = Array.from(raw)
    .filter((character) => !/\p{Cc}/u.test(character) || character === '\n' || character === '\r' || character === '\t')
    .join('')
    .trim();
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

export interface CsvRow<Key extends string> {
  line: number;
  cells: Partial<Record<Key, string>>;
  problems: CsvProblem[];
}

/**
 * Reads the file into rows keyed by column. Problems of the file as a whole (unreadable, a header it does not know,
 * too many lines) are a 4xx naming body.file; problems of one line are kept with that line.
 */
export function readCsv<Key extends string>(content: Buffer, columns: CsvColumns<Key>): { rows: CsvRow<Key>[]; headers: Partial<Record<Key, string>> } {
  // A workbook (a zip file) or any other binary file is not read as text at all.
  if (content.includes(0) || content.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: fileField, code: 'csvNotText' }] });
  const text = decode(content).replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The whole file (its size is bounded) is read, so that no line past a limit is ever skipped without a word.
    records = parse(text, { delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 64 * 1024 }) as unknown as typeof records;
  } catch (error) {
    const failure = error as { lines?: number; message?: string };
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: fileField, code: 'csvUnreadable', params: { line: failure.lines ?? 1, reason: String(failure.message ?? '').slice(0, 200) } }] });
  }
  const [header, ...body] = records.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (!header || body.length === 0) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: fileField, code: 'csvEmpty' }] });
  if (body.length > csvImportMaxLines) throw new DomainError(csvErrors.CSV_TOO_MANY_LINES, { params: { max: csvImportMaxLines }, fields: [{ field: fileField, code: 'csvTooManyLines', params: { max: csvImportMaxLines } }] });

  const keys = Object.keys(columns) as Key[];
  const known = keys.map((key) => `“${columns[key].headers[0]}”`).join(', ');
  const positions: (Key | undefined)[] = [];
  const headers: Partial<Record<Key, string>> = {};
  const problems: FieldProblem[] = [];
  for (const raw of header.record) {
    const name = raw.trim();
    const key = keys.find((candidate) => columns[candidate].headers.some((word) => looseWord(word) === looseWord(name)));
    if (name !== '' && !key) problems.push({ field: fileField, code: 'csvUnknownColumn', params: { column: name.slice(0, 60), known } });
    if (key && headers[key] !== undefined) problems.push({ field: fileField, code: 'csvDuplicateColumn', params: { column: name } });
    if (key) headers[key] = name;
    positions.push(key);
  }
  for (const key of keys) if (columns[key].isRequired && headers[key] === undefined) problems.push({ field: fileField, code: 'csvMissingColumn', params: { column: columns[key].headers[0] } });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });

  const rows = body.map(({ record, info }) => {
    const cells: Partial<Record<Key, string>> = {};
    const lineProblems: CsvProblem[] = [];
    record.forEach((raw, index) => {
      const key = positions[index];
      if (key) cells[key] = cellValue(raw).slice(0, maxCellLength);
    });
    const extra = record.slice(positions.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) lineProblems.push({ column: '', code: 'csvTooManyCells', params: { count: record.length, expected: positions.length } });
    return { line: info.lines, cells, problems: lineProblems };
  });
  return { rows, headers };
}

/** A CSV cell: quoted when it holds a separator, quote or line break; text that a spreadsheet would run as a formula made harmless. */
function csvField(value: string | number | boolean | null | undefined): string {
  const text = typeof value === 'string' ? neutraliseFormula(value) : value === null || value === undefined ? '' : String(value);
  return /[;",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file as Excel opens it right: byte-order mark, `;` between cells, CRLF line ends, one header line. */
export function writeCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The plan in the reader's words, counted. */
export function presentCsvReport(plans: CsvLinePlan[], isDryRun: boolean, language: Language): CsvImportReport {
  const count = (outcome: CsvOutcome) => plans.filter((plan) => plan.outcome === outcome).length;
  return {
    isDryRun,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    lines: plans.map((plan) => ({
      line: plan.line,
      key: plan.key,
      outcome: plan.outcome,
      changes: plan.changes.map((change) => fieldMessage({ field: '', code: change.code, params: change.params }, language)),
      problems: plan.problems.map((problem) => ({ column: problem.column, code: problem.code, message: fieldMessage({ field: '', code: problem.code, params: problem.params }, language) })),
    })),
  };
}

/** A plan with a rejected line is refused whole: 400, every problem as a field "body.file.lines.<line>.<column>". */
export function refuseRejectedLines(plans: CsvLinePlan[]): void {
  const rejected = plans.filter((plan) => plan.outcome === 'rejected');
  if (rejected.length === 0) return;
  const fields = rejected.flatMap((plan) => plan.problems.map((problem) => ({ field: `${fileField}.lines.${plan.line}${problem.column ? `.${problem.column}` : ''}`, code: problem.code, params: problem.params })));
  throw new DomainError(csvErrors.CSV_IMPORT_REJECTED, { params: { rejected: rejected.length, total: plans.length }, fields });
}

/** Marks every later line with the same key as a duplicate of the first. */
export function rejectDuplicateKeys(plans: CsvLinePlan[], column: string): void {
  const first = new Map<string, number>();
  for (const plan of plans) {
    const key = plan.key.trim().toLowerCase();
    if (!key) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, plan.line);
    else {
      plan.problems.push({ column, code: 'csvDuplicateLine', params: { line: earlier } });
      plan.outcome = 'rejected';
    }
  }
}

/** The content-disposition and cache headers an export goes out with. */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
