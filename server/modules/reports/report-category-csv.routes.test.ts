import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';

let t: TestApp;
let admin: Session;

type Report = { created: number; updated: number; unchanged: number; rejected: number; lines: { line: number; key: string; outcome: string; changes: string[]; problems: { column: string; code: string; message: string }[] }[] };

const upload = (content: string | Buffer, options: { dryRun?: boolean; as?: Session } = {}) => {
  const form = multipartForm([{ name: 'file', fileName: 'categorieen.csv', content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), contentType: 'text/csv' }]);
  return t.request({ method: 'POST', url: `${tenantPath}/report-category-imports${options.dryRun ? '?dryRun=true' : ''}`, as: options.as ?? admin, headers: form.headers, payload: form.payload });
};
const categories = async () => {
  const items = (await t.request({ url: `${tenantPath}/report-category-list`, as: admin })).json().items as (Record<string, unknown> & { subcategories: Record<string, unknown>[] })[];
  return items.flatMap((main) => [main, ...main.subcategories]);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

describe('report categories as CSV', () => {
  it('exports the categories, main ones before their subcategories, and reads the file back unchanged', async () => {
    const response = await t.request({ url: `${tenantPath}/report-categories/export`, as: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('meldingcategorieen-helmond.csv');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code;hoofdcategorie;naam;naam in het Engels;omschrijving;afhandeltermijn in dagen;soort dagen;afdeling;actief;volgorde');
    expect(lines.findIndex((line) => line.startsWith('afval;;'))).toBeLessThan(lines.findIndex((line) => line.startsWith('container-is-vol;afval;')));
    expect(lines).toHaveLength((await categories()).length + 1);
    const before = await fingerprintDatabase(t.database.db);
    expect((await upload(response.rawPayload, { dryRun: true })).json()).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: lines.length - 1 });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('adds a main category with a subcategory from one file and updates another, all or nothing', async () => {
    const file = [
      'code;hoofdcategorie;naam;afhandeltermijn in dagen;soort dagen;afdeling;actief',
      'speeltoestellen;;Speeltoestellen;10;werkdagen;Groen;ja',
      'schommel-kapot;speeltoestellen;Schommel kapot;5;kalenderdagen;groen;ja',
      'container-is-vol;afval;Container is vol;2;werkdagen;;nee',
      'wip-kapot;bestaat-niet;Wip kapot;;;;',
    ].join('\n');
    const before = await fingerprintDatabase(t.database.db);
    const dry = (await upload(file, { dryRun: true })).json() as Report;
    expect(dry.lines.map((line) => line.outcome)).toEqual(['create', 'create', 'update', 'rejected']);
    expect(dry.lines[2].changes).toContain('actief: “ja” wordt “nee”');
    expect(dry.lines[3].problems).toEqual([{ column: 'parentCode', code: 'importUnknownMainCategory', message: expect.stringContaining('Geen hoofdcategorie met code “bestaat-niet”') }]);
    const refused = await upload(file);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'body.file.lines.5.parentCode', code: 'importUnknownMainCategory' })]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const saved = await upload(file.split('\n').slice(0, 4).join('\n'));
    expect(saved.statusCode, saved.body).toBe(200);
    const all = await categories();
    expect(all.find((item) => item.code === 'schommel-kapot')).toMatchObject({ name: 'Schommel kapot', handlingDays: 5, dayKind: 'calendar', departmentName: 'Groen', isActive: true });
    expect(all.find((item) => item.code === 'container-is-vol')).toMatchObject({ isActive: false, handlingDays: 2 });
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=report.category.import`, as: admin })).json();
    expect(audit.items).toHaveLength(1);
  });

  it('is for the municipality’s administrators only', async () => {
    const [officer, eindhovenAdmin] = [await t.logIn('officer'), await t.logIn(t.other.adminLogin)];
    for (const as of [officer, eindhovenAdmin]) {
      expect((await t.request({ url: `${tenantPath}/report-categories/export`, as })).statusCode).toBe(403);
      expect((await upload('code;naam\nx-y;Iets', { as })).statusCode).toBe(403);
    }
  });
});
