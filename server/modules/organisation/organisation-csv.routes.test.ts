import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';

let t: TestApp;
let admin: Session;

type Report = { isDryRun: boolean; created: number; updated: number; unchanged: number; rejected: number; lines: { line: number; key: string; outcome: string; changes: string[]; problems: { column: string; code: string; message: string }[] }[] };

const upload = (path: string, content: string | Buffer, options: { dryRun?: boolean; as?: Session; language?: string } = {}) => {
  const form = multipartForm([{ name: 'file', fileName: 'lijst.csv', content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), contentType: 'text/csv' }]);
  return t.request({
    method: 'POST',
    url: `${tenantPath}${path}${options.dryRun ? '?dryRun=true' : ''}`,
    as: options.as ?? admin,
    headers: { ...form.headers, ...(options.language ? { 'accept-language': options.language } : {}) },
    payload: form.payload,
  });
};
const exported = (path: string, language = 'nl') => t.request({ url: `${tenantPath}${path}/export`, as: admin, headers: { 'accept-language': language } });
const items = async (path: string) => (await t.request({ url: `${tenantPath}${path}?pageSize=100`, as: admin })).json().items as Record<string, unknown>[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

describe('reference lists as CSV', () => {
  it('exports departments as a CSV that Excel opens right, and reads it back unchanged', async () => {
    const response = await exported('/departments');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe('attachment; filename="afdelingen-helmond.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code;naam;naam in het Engels;e-mail');
    expect(lines).toContain(lines.find((line) => line.startsWith('verkeer;Verkeer;')));
    expect(lines).toHaveLength((await items('/departments')).length + 1);

    const before = await fingerprintDatabase(t.database.db);
    const report = (await upload('/department-imports', response.rawPayload, { dryRun: true })).json() as Report;
    expect(report).toMatchObject({ isDryRun: true, created: 0, updated: 0, rejected: 0, unchanged: lines.length - 1 });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('imports an edited export: a changed name updates, a new code adds, both audited', async () => {
    const file = `${(await exported('/departments')).body.replace('verkeer;Verkeer;', 'verkeer;Verkeer en vervoer;')}cultuur;Cultuur;Culture;cultuur@helmond.example\r\n`;
    const dry = (await upload('/department-imports', file, { dryRun: true })).json() as Report;
    expect(dry).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    expect(dry.lines.find((line) => line.key === 'verkeer')!.changes).toEqual(['naam: “Verkeer” wordt “Verkeer en vervoer”']);
    expect(dry.lines.find((line) => line.key === 'cultuur')!.changes).toEqual(['Wordt toegevoegd']);

    const response = await upload('/department-imports', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ isDryRun: false, created: 1, updated: 1 });
    const departments = await items('/departments');
    expect(departments.find((item) => item.code === 'verkeer')).toMatchObject({ name: 'Verkeer en vervoer', version: 2 });
    expect(departments.find((item) => item.code === 'cultuur')).toMatchObject({ name: 'Cultuur', nameEn: 'Culture', contactEmail: 'cultuur@helmond.example' });
    const audit = async (action: string) => (await t.request({ url: `${tenantPath}/audit-log?action=${action}`, as: admin })).json().items.length;
    expect(await audit('department.import')).toBe(1);
    expect(await audit('department.create')).toBe(1);
    expect(await audit('department.update')).toBe(1);
  });

  it('round-trips partner organisations with English headers, matched by name', async () => {
    const response = await exported('/partner-organisations', 'en');
    expect(response.headers['content-disposition']).toContain('partners-helmond.csv');
    expect(response.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name;name in English;kind;email');
    const dry = (await upload('/partner-organisation-imports', response.rawPayload, { dryRun: true })).json() as Report;
    expect(dry).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    // A comma-separated file without byte-order mark, the kind in Dutch.
    const added = (await upload('/partner-organisation-imports', 'naam,soort\nWoonbedrijf De Kade,woningcorporatie\n')).json() as Report;
    expect(added).toMatchObject({ created: 1 });
    expect((await items('/partner-organisations')).find((item) => item.name === 'Woonbedrijf De Kade')).toMatchObject({ kind: 'housing_corporation', nameEn: null });
  });

  it('refuses a themes file with a bad line whole: the reasons per line, nothing saved', async () => {
    const file = '\uFEFFcode;naam;actief;volgorde\nbuurtfeesten;Buurtfeesten;ja;5\nVerkeer Veilig;Veilig verkeer;misschien;twee\nbuurtfeesten;Nog eens;ja;1\n';
    const before = await fingerprintDatabase(t.database.db);
    const dry = (await upload('/theme-imports', file, { dryRun: true })).json() as Report;
    expect(dry).toMatchObject({ created: 1, rejected: 2 });
    expect(dry.lines[1].problems.map((problem) => [problem.column, problem.code])).toEqual([
      ['code', 'kebabCode'],
      ['isActive', 'importYesNo'],
      ['sortOrder', 'importNumber'],
    ]);
    expect(dry.lines[1].problems[1].message).toBe('“misschien” is geen ja of nee.');
    expect(dry.lines[2].problems[0]).toMatchObject({ code: 'csvDuplicateLine', message: 'Staat al op regel 2.' });
    const refused = await upload('/theme-imports', file, { language: 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CSV_IMPORT_REJECTED', title: 'Nothing imported' });
    expect(refused.json().errors).toContainEqual({ field: 'body.file.lines.3.isActive', code: 'importYesNo', message: '“misschien” is not yes or no.' });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    // Corrected, the new theme gets its Dutch name in English too, active.
    expect((await upload('/theme-imports', 'code;naam\nbuurtfeesten;Buurtfeesten\n')).statusCode).toBe(200);
    expect((await items('/themes')).find((item) => item.code === 'buurtfeesten')).toMatchObject({ nameNl: 'Buurtfeesten', nameEn: 'Buurtfeesten', isActive: true });
  });

  it('round-trips portfolios with their departments, themes and neighbourhoods by code, and changes what an edited line says', async () => {
    const response = await exported('/portfolios');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code;naam;naam in het Engels;wijkbeleid;afdelingen;themas;wijken');
    const wijkbeleid = lines.find((line) => line.startsWith('wijkbeleid;'))!;
    expect(wijkbeleid).toContain(';ja;wijkonderhoud | wijkontwikkeling;');
    expect((await upload('/portfolio-imports', response.rawPayload, { dryRun: true })).json()).toMatchObject({ created: 0, updated: 0, rejected: 0 });

    // Departments by name or code, in any order; a theme that does not exist is named.
    const edited = ['code;naam;afdelingen;themas;wijken', 'cultuur;Cultuur;Sport | Jeugd;;brouwhuis', 'wijkbeleid;Wijkbeleid;Wijkontwikkeling | wijkonderhoud | groen;;', 'sport;Sport;sport;bestaat-niet;'].join('\n');
    const dry = (await upload('/portfolio-imports', edited, { dryRun: true })).json() as Report;
    expect(dry.lines.map((line) => line.outcome)).toEqual(['create', 'update', 'rejected']);
    expect(dry.lines[1].changes).toEqual(['afdelingen: “wijkonderhoud | wijkontwikkeling” wordt “groen | wijkonderhoud | wijkontwikkeling”', 'themas: “housing | social-facilities | social-safety” wordt “”', 'wijken: “brandevoort | helmond-oost | stiphout” wordt “”']);
    expect(dry.lines[2].problems).toEqual([{ column: 'themes', code: 'listUnknownTheme', message: expect.stringContaining('Onbekend thema “bestaat-niet”') }]);

    const saved = await upload('/portfolio-imports', edited.split('\n').slice(0, 2).join('\n'));
    expect(saved.statusCode, saved.body).toBe(200);
    const cultuur = (await items('/portfolios')).find((item) => item.code === 'cultuur')!;
    expect(cultuur).toMatchObject({ isNeighbourhoodPolicy: false, themeIds: [] });
    expect((cultuur.departmentIds as string[]).length).toBe(2);
    expect((cultuur.neighbourhoodIds as string[]).length).toBe(1);
  });

  it('is for the municipality’s administrators only', async () => {
    const [advisor, eindhovenAdmin] = [await t.logIn('advisor'), await t.logIn(t.other.adminLogin)];
    const before = await fingerprintDatabase(t.database.db);
    for (const as of [advisor, eindhovenAdmin]) {
      expect((await t.request({ url: `${tenantPath}/themes/export`, as })).statusCode).toBe(403);
      expect((await upload('/department-imports', 'code;naam\nsport;Sport\n', { as })).statusCode).toBe(403);
    }
    expect((await t.request({ url: `${tenantPath}/departments/export` })).statusCode).toBe(401);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('refuses a file that is too large', async () => {
    const response = await upload('/department-imports', `code;naam\n${'a'.repeat(1024 * 1024 + 1)}`);
    expect(response.statusCode).toBe(413);
  });
});
