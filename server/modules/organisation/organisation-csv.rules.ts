/**
 * The reference lists as spreadsheet columns: what each list's CSV holds, how a cell becomes a value (with the
 * reason when it cannot), and which record a line is about (by code, or by name where a list has no code).
 * Pure: no database. The checks mirror the contract's, so an imported record is one the API would accept.
 */
import type { CsvColumns, CsvProblem } from '../../platform/csv-import.ts';
import { looseWord } from '../../platform/csv-import.ts';
import { type PartnerKind, partnerKinds } from './organisation.tables.ts';

type Value = string | number | boolean | null;
export type Item = Record<string, Value | string[]>;

/** One column: its header words (Dutch first, English second, then other words accepted), the field it fills, and its reading. */
interface ListColumn {
  headers: string[];
  field: string;
  isRequired?: boolean;
  read(cell: string, column: string): { value?: Value; problem?: CsvProblem };
  write?(value: unknown): Value;
  /** A list of other records (a portfolio's departments), written as their codes separated by "|"; the service resolves them. */
  reference?: ReferenceKind;
}

export type ReferenceKind = 'department' | 'theme' | 'neighbourhood';

export interface CsvList {
  /** The path segment of the list and of its export and import ("departments" → /departments/export, /department-imports). */
  path: string;
  importPath: string;
  /** The audit log's entity type; the import is recorded as "<entityType>.import". */
  entityType: string;
  operation: { singular: string; plural: string };
  fileName: { nl: string; en: string };
  columns: Record<string, ListColumn>;
  /** The column a line is matched on. */
  keyColumn: string;
  /** Fields a new record gets when its line leaves them out. */
  defaults?(values: Record<string, Value>): Record<string, Value>;
}

const codePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = (minimum: number, maximum: number, isOptional = false) => (cell: string, column: string) => {
  if (cell === '' && isOptional) return { value: null };
  if (cell.length < minimum || cell.length > maximum) return { problem: { column, code: 'importTextLength', params: { min: minimum, max: maximum } } };
  return { value: cell };
};
const code = (cell: string, column: string) => (codePattern.test(cell) && cell.length <= 60 ? { value: cell } : { problem: { column, code: cell === '' ? 'required' : 'kebabCode' } });
const email = (cell: string, column: string) => {
  if (cell === '') return { value: null };
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell) && cell.length <= 254 ? { value: cell.toLowerCase() } : { problem: { column, code: 'invalidEmail' } };
};
const yesNo = (cell: string, column: string) => {
  const word = looseWord(cell);
  if (['', 'ja', 'yes', 'true', '1', 'waar', 'actief', 'active'].includes(word)) return { value: true };
  if (['nee', 'no', 'false', '0', 'onwaar', 'inactief', 'inactive'].includes(word)) return { value: false };
  return { problem: { column, code: 'importYesNo', params: { value: cell.slice(0, 30) } } };
};
const number = (minimum: number, maximum: number) => (cell: string, column: string) => {
  if (cell === '') return { value: 0 };
  const value = Number(cell);
  return Number.isInteger(value) && value >= minimum && value <= maximum ? { value } : { problem: { column, code: 'importNumber', params: { min: minimum, max: maximum } } };
};

const partnerKindWords: Record<PartnerKind, string[]> = {
  police: ['politie', 'police'],
  housing_corporation: ['woningcorporatie', 'housing corporation', 'corporatie'],
  welfare: ['welzijn', 'welfare', 'welzijnsorganisatie'],
  education: ['onderwijs', 'education', 'school'],
  other: ['overig', 'other', 'anders', ''],
};
const partnerKind = (cell: string, column: string) => {
  const word = looseWord(cell);
  const kind = partnerKinds.find((candidate) => looseWord(candidate) === word || partnerKindWords[candidate].some((synonym) => looseWord(synonym) === word));
  return kind ? { value: kind } : { problem: { column, code: 'importPartnerKind', params: { value: cell.slice(0, 40) } } };
};
/** Written in Dutch, the way the import reads it back in either language. */
const writeKind = (value: unknown) => partnerKindWords[value as PartnerKind]?.[0] || 'overig';
const writeYesNo = (value: unknown) => (value ? 'ja' : 'nee');

export const csvLists: CsvList[] = [
  {
    path: '/departments',
    importPath: '/department-imports',
    entityType: 'department',
    operation: { singular: 'Department', plural: 'Departments' },
    fileName: { nl: 'afdelingen', en: 'departments' },
    keyColumn: 'code',
    columns: {
      code: { headers: ['code', 'code'], field: 'code', isRequired: true, read: code },
      name: { headers: ['naam', 'name'], field: 'name', isRequired: true, read: text(2, 150) },
      nameEn: { headers: ['naam in het Engels', 'name in English', 'naam engels', 'english name', 'nameEn'], field: 'nameEn', read: text(0, 150, true) },
      contactEmail: { headers: ['e-mail', 'email', 'contact e-mail', 'contactEmail'], field: 'contactEmail', read: email },
    },
  },
  {
    path: '/partner-organisations',
    importPath: '/partner-organisation-imports',
    entityType: 'partner_organisation',
    operation: { singular: 'PartnerOrganisation', plural: 'PartnerOrganisations' },
    fileName: { nl: 'partners', en: 'partners' },
    keyColumn: 'name',
    columns: {
      name: { headers: ['naam', 'name'], field: 'name', isRequired: true, read: text(2, 150) },
      nameEn: { headers: ['naam in het Engels', 'name in English', 'naam engels', 'english name', 'nameEn'], field: 'nameEn', read: text(0, 150, true) },
      kind: { headers: ['soort', 'kind', 'type'], field: 'kind', read: partnerKind, write: writeKind },
      contactEmail: { headers: ['e-mail', 'email', 'contact e-mail', 'contactEmail'], field: 'contactEmail', read: email },
    },
    defaults: () => ({ kind: 'other' }),
  },
  {
    path: '/themes',
    importPath: '/theme-imports',
    entityType: 'theme',
    operation: { singular: 'Theme', plural: 'Themes' },
    fileName: { nl: 'themas', en: 'themes' },
    keyColumn: 'code',
    columns: {
      code: { headers: ['code', 'code'], field: 'code', isRequired: true, read: code },
      nameNl: { headers: ['naam', 'name', 'naam nl', 'nameNl'], field: 'nameNl', isRequired: true, read: text(2, 150) },
      nameEn: { headers: ['naam in het Engels', 'name in English', 'naam engels', 'english name', 'nameEn'], field: 'nameEn', read: text(0, 150, true) },
      isActive: { headers: ['actief', 'active', 'isActive'], field: 'isActive', read: yesNo, write: writeYesNo },
      sortOrder: { headers: ['volgorde', 'order', 'sort order', 'sortOrder'], field: 'sortOrder', read: number(0, 10_000) },
    },
    // A theme always has an English name: the Dutch one until someone writes it.
    defaults: (values) => ({ nameEn: values.nameNl ?? null, isActive: true, sortOrder: 0 }),
  },
];

const references = (cell: string) => ({ value: cell });

csvLists.push({
  path: '/portfolios',
  importPath: '/portfolio-imports',
  entityType: 'portfolio',
  operation: { singular: 'Portfolio', plural: 'Portfolios' },
  fileName: { nl: 'portefeuilles', en: 'portfolios' },
  keyColumn: 'code',
  columns: {
    code: { headers: ['code', 'code'], field: 'code', isRequired: true, read: code },
    name: { headers: ['naam', 'name'], field: 'name', isRequired: true, read: text(2, 150) },
    nameEn: { headers: ['naam in het Engels', 'name in English', 'naam engels', 'english name', 'nameEn'], field: 'nameEn', read: text(0, 150, true) },
    isNeighbourhoodPolicy: { headers: ['wijkbeleid', 'neighbourhood policy', 'isNeighbourhoodPolicy'], field: 'isNeighbourhoodPolicy', read: (cell, column) => (cell === '' ? { value: false } : yesNo(cell, column)), write: writeYesNo },
    departments: { headers: ['afdelingen', 'departments', 'departmentIds'], field: 'departmentIds', read: references, reference: 'department' },
    themes: { headers: ['themas', 'themes', "thema's", 'themeIds'], field: 'themeIds', read: references, reference: 'theme' },
    neighbourhoods: { headers: ['wijken', 'neighbourhoods', 'neighbourhoodIds'], field: 'neighbourhoodIds', read: references, reference: 'neighbourhood' },
  },
  defaults: () => ({ isNeighbourhoodPolicy: false, departmentIds: '', themeIds: '', neighbourhoodIds: '' }),
});

export function csvColumnsOf(list: CsvList): CsvColumns<string> {
  return Object.fromEntries(Object.entries(list.columns).map(([key, column]) => [key, { headers: column.headers, isRequired: column.isRequired }]));
}

/** The cells of one line as field values, and the reasons a cell cannot be read. Columns the file leaves out are left out. */
export function readLine(list: CsvList, cells: Partial<Record<string, string>>): { values: Record<string, Value>; problems: CsvProblem[] } {
  const values: Record<string, Value> = {};
  const problems: CsvProblem[] = [];
  for (const [key, column] of Object.entries(list.columns)) {
    const cell = cells[key];
    if (cell === undefined) continue;
    const read = column.read(cell.replace(/\s+/g, ' ').trim(), key);
    if (read.problem) problems.push(read.problem);
    else values[column.field] = read.value ?? null;
  }
  // The English name of a theme may be left empty: then it is the Dutch one, as a new theme gets.
  if (list.path === '/themes' && values.nameEn === null) values.nameEn = values.nameNl ?? null;
  return { values, problems };
}

/** The line's key compared as a person would: case does not count. */
export function keyOf(value: unknown): string {
  return String(value ?? '').trim().toLowerCase();
}

/** The fields whose value the line changes, with the column's Dutch and English header and the values before and after, for the report. */
export function changedFields(list: CsvList, before: Item, values: Record<string, Value>): { columnNl: string; columnEn: string; from: string; to: string }[] {
  return Object.values(list.columns)
    .filter((column) => column.field in values && (before[column.field] ?? null) !== values[column.field])
    .map((column) => ({ columnNl: column.headers[0], columnEn: column.headers[1], from: shown(column, before[column.field]), to: shown(column, values[column.field]) }));
}

function shown(column: ListColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(column.write ? column.write(value) : value);
}

/** A record as a line of the export: the cells in column order. */
export function exportLine(list: CsvList, item: Item): Value[] {
  return Object.values(list.columns).map((column) => (column.write ? column.write(item[column.field]) : ((item[column.field] as Value) ?? null)));
}
