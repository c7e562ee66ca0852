import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ActionExportRow, actionsCsv, actionsXlsx } from './action-plan-export.ts';

function row(overrides: Partial<ActionExportRow> = {}): ActionExportRow {
  return {
    challenge: 'Schoon en heel',
    title: 'Extra prullenbakken',
    specific: 'Tien stuks langs de schoolroute',
    location: 'Hortsedijk',
    indicator: 'Meldingen zwerfafval',
    baseline: 120,
    target: 80,
    unit: 'meldingen',
    ownerName: 'Afdeling Openbare Ruimte',
    startsOn: '2027-01-04',
    deadlineOn: '2027-12-04',
    status: 'on_track',
    currentValue: 95.5,
    budgetEuros: 1250,
    hours: 40,
    fundingSource: 'Wijkbudget',
    ...overrides,
  };
}

/** Splits RFC 4180 CSV into records of fields, honouring quotes: what a spreadsheet does when it opens the file. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') isQuoted = false;
      else field += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += character;
  }
  return records;
}

describe('actions as CSV', () => {
  it('starts with a byte-order mark and a header row in the language asked for', () => {
    const dutch = actionsCsv([], 'nl');
    expect(dutch.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(dutch.slice(1))[0]).toEqual(expect.arrayContaining(['Opgave', 'Actie', 'Trekker', 'Uiterlijk klaar', 'Budget (€)', 'Financieringsbron']));
    expect(parseCsv(actionsCsv([], 'en').slice(1))[0]).toEqual(expect.arrayContaining(['Challenge', 'Action', 'Owner', 'Deadline', 'Budget (€)', 'Funding source']));
  });

  it('writes values, dates as YYYY-MM-DD, the status in words and empty cells for what is unknown', () => {
    const [header, values] = parseCsv(actionsCsv([row({ location: null, hours: null })], 'nl').slice(1));
    const cell = (name: string) => values![header!.indexOf(name)];
    expect(cell('Actie')).toBe('Extra prullenbakken');
    expect(cell('Start')).toBe('2027-01-04');
    expect(cell('Status')).toBe('op schema');
    expect(cell('Huidige waarde')).toBe('95.5');
    expect(cell('Budget (€)')).toBe('1250');
    expect(cell('Locatie')).toBe('');
    expect(cell('Uren')).toBe('');
  });

  it('quotes commas, quotes and line breaks so that each stays inside its cell', () => {
    const csv = actionsCsv([row({ title: 'Bankjes, tafels en "zitplekken"', specific: 'Eerste regel\r\nTweede regel', location: 'Café ’t Hoekje' })], 'nl');
    expect(csv).toContain('"Bankjes, tafels en ""zitplekken"""');
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(2);
    expect(records[1]).toHaveLength(records[0]!.length);
    expect(records[1]).toEqual(expect.arrayContaining(['Bankjes, tafels en "zitplekken"', 'Eerste regel\r\nTweede regel', 'Café ’t Hoekje']));
  });

  it('keeps text that a spreadsheet would run as a formula as text, but leaves negative numbers alone', () => {
    const formulas = ['=HYPERLINK("http://evil.example","klik")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tverborgen', '\r=1+1'];
    const [, ...records] = parseCsv(actionsCsv(formulas.map((title) => row({ title, fundingSource: '=1+1', baseline: -5 })), 'nl').slice(1));
    records.forEach((record, index) => {
      expect(record[1]).toBe(`'${formulas[index]}`);
      expect(record[15]).toBe("'=1+1");
      expect(record[5]).toBe('-5');
    });
  });
});

describe('actions as an Excel workbook', () => {
  it('has one sheet with a bold frozen header, real numbers and dates, and guarded text', async () => {
    const buffer = await actionsXlsx([row(), row({ title: '=cmd|calc', startsOn: null, budgetEuros: null, status: null })], 'nl');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Acties');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.font?.bold).toBe(true);
    const headers = (header.values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    expect(headers).toEqual(expect.arrayContaining(['Opgave', 'Actie', 'Nulmeting', 'Start', 'Budget (€)']));

    const first = sheet.getRow(2);
    expect(first.getCell(column('Actie')).value).toBe('Extra prullenbakken');
    expect(first.getCell(column('Nulmeting')).value).toBe(120);
    expect(first.getCell(column('Huidige waarde')).value).toBe(95.5);
    expect(first.getCell(column('Budget (€)')).value).toBe(1250);
    expect(first.getCell(column('Status')).value).toBe('op schema');
    const start = first.getCell(column('Start')).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(first.getCell(column('Start')).numFmt).toBe('yyyy-mm-dd');

    const second = sheet.getRow(3);
    expect(second.getCell(column('Actie')).value).toBe("'=cmd|calc");
    expect(second.getCell(column('Actie')).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(column('Start')).value).toBeNull();
    expect(second.getCell(column('Budget (€)')).value).toBeNull();
  });

  it('names the sheet and the headers in English when asked', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await actionsXlsx([row()], 'en')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Actions');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['Challenge', 'Action', 'Owner', 'Deadline']));
    expect(sheet.getRow(2).getCell(12).value).toBe('on track');
  });
});
