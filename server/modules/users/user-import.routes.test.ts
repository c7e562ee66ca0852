import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
let admin: Session;

type Report = { isDryRun: boolean; created: number; updated: number; unchanged: number; rejected: number; lines: { line: number; key: string; outcome: string; changes: string[]; problems: { column: string; code: string; message: string }[] }[] };

const bom = '\uFEFF';
const upload = (content: string | Buffer, options: { dryRun?: boolean; as?: Session; language?: string; url?: string } = {}) => {
  const form = multipartForm([{ name: 'file', fileName: 'gebruikers.csv', content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), contentType: 'text/csv' }]);
  return t.request({
    method: 'POST',
    url: `${options.url ?? tenantPath}/user-imports${options.dryRun ? '?dryRun=true' : ''}`,
    as: options.as ?? admin,
    headers: { ...form.headers, ...(options.language ? { 'accept-language': options.language } : {}) },
    payload: form.payload,
  });
};
const invitationsTo = async (email: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from outbox_message where recipient_email = ${email} and topic = 'user.passwordLink.invitation'`))[0].n;
const rolesOf = async (email: string) =>
  queryRows<{ role: string; scope_type: string }>(t.database.db, sql`select r.role, r.scope_type from role_assignment r join user_account u on u.id = r.user_id where u.email = ${email} order by r.role, r.scope_type`);

/** A Dutch Excel file: byte-order mark, ";" between cells, the roles cell quoted because it holds ";". */
const mixedFile = [
  'naam;e-mail;rollen',
  'Sanne de Vries;sanne.devries@example.org;"wijkadviseur: Brandevoort | rijpelberg; ambtenaar: verkeer"',
  'Koen Verhoeven;koen.verhoeven@helmond.example;wijkadviseur: Brouwhuis',
  'Eva Mulder;eva.mulder@mail.example;bewoner',
  'Daan Bakker;daan.bakker@example.org;wijkadviseur: Atlantis',
  'Noor Visser;noor.visser@example.org;tovenaar',
  'Bas Jansen;geen-adres;',
  'Sanne de Vries;Sanne.deVries@example.org;beheerder',
].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

describe('importing people from CSV', () => {
  it('reports per line what would happen (created, exists with roles added, unchanged, rejected with the reason) and saves nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await upload(bom + mixedFile, { dryRun: true });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report).toMatchObject({ isDryRun: true, created: 1, updated: 1, unchanged: 1, rejected: 4 });
    const byLine = Object.fromEntries(report.lines.map((line) => [line.line, line]));
    expect(byLine[2]).toMatchObject({ key: 'sanne.devries@example.org', outcome: 'create' });
    expect(byLine[2].changes).toEqual([
      'Nieuw account; de persoon krijgt een uitnodiging per e-mail',
      'Rol: Adviseur wijkgericht werken (Brandevoort)',
      'Rol: Adviseur wijkgericht werken (Rijpelberg)',
      'Rol: Vakambtenaar (Verkeer)',
    ]);
    expect(byLine[3]).toMatchObject({ outcome: 'update', changes: ['Rol erbij: Adviseur wijkgericht werken (Brouwhuis)'] });
    expect(byLine[4]).toMatchObject({ outcome: 'unchanged', changes: ['Bestaat al met deze rollen; niets te doen'] });
    expect(byLine[5]).toMatchObject({ outcome: 'rejected', problems: [{ column: 'roles', code: 'importUnknownNeighbourhood', message: expect.stringContaining('Onbekende wijk “Atlantis”') }] });
    expect(byLine[6].problems[0]).toMatchObject({ column: 'roles', code: 'importUnknownRole', message: expect.stringContaining('Onbekende rol “tovenaar”') });
    expect(byLine[7].problems.map((problem) => problem.column)).toEqual(['email']);
    expect(byLine[8]).toMatchObject({ outcome: 'rejected', problems: [{ column: 'email', code: 'csvDuplicateLine', message: 'Staat al op regel 2.' }] });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('gives the reasons in English to a reader who asks for English', async () => {
    const report = (await upload(mixedFile, { dryRun: true, language: 'en' })).json() as Report;
    expect(report.lines.find((line) => line.line === 5)!.problems[0].message).toContain('Unknown neighbourhood “Atlantis”');
    expect(report.lines.find((line) => line.line === 3)!.changes).toEqual(['Role added: Neighbourhood advisor (Brouwhuis)']);
  });

  it('imports nothing when one line is rejected: 400 with every problem per line, and no change at all', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await upload(bom + mixedFile);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'CSV_IMPORT_REJECTED', detail: expect.stringContaining('4 van de 7 regels') });
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.file.lines.5.roles', code: 'importUnknownNeighbourhood' }), expect.objectContaining({ field: 'body.file.lines.8.email', code: 'csvDuplicateLine' })]));
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    expect(await invitationsTo('sanne.devries@example.org')).toBe(0);
  });

  it('creates the new accounts with their roles and an invitation each, adds missing roles to existing ones, and records it', async () => {
    // A comma-separated file with English headers and no byte-order mark reads the same.
    const file = [
      'name,email,roles,language',
      'Sanne de Vries,sanne.devries@example.org,"advisor: Brandevoort | WK079401; officer: Verkeer",en',
      'Daan Bakker,daan.bakker@example.org,"wijkraadslid: Wijkraad Brandevoort; partner: Politie Oost-Brabant",',
      'Koen Verhoeven,KOEN.VERHOEVEN@helmond.example,wijkadviseur: brouwhuis,',
    ].join('\n');
    const police = (await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items.find((item: { name: string }) => item.name.startsWith('Politie')).name as string;
    const brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100`, as: admin })).json().items.find((item: { slug: string }) => item.slug === 'brandevoort').cbsCode as string;
    // The neighbourhood by its CBS code, the partner by its name.
    const content = file.replace('Politie Oost-Brabant', police).replace('WK079401', brandevoort);
    const dry = (await upload(content, { dryRun: true })).json() as Report;
    expect(dry.lines.filter((line) => line.outcome === 'rejected')).toEqual([]);

    const response = await upload(content);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ isDryRun: false, created: 2, updated: 1, unchanged: 0, rejected: 0 });
    expect(await invitationsTo('sanne.devries@example.org')).toBe(1);
    expect(await invitationsTo('daan.bakker@example.org')).toBe(1);
    expect(await invitationsTo('koen.verhoeven@helmond.example')).toBe(0);
    expect(await rolesOf('daan.bakker@example.org')).toEqual([
      { role: 'council_member', scope_type: 'council' },
      { role: 'partner', scope_type: 'partner_organisation' },
    ]);
    const sanne = (await t.request({ url: `${tenantPath}/users?search=Sanne%20de%20Vries`, as: admin })).json().items[0];
    expect(sanne).toMatchObject({ email: 'sanne.devries@example.org', locale: 'en', hasPassword: false });
    expect(sanne.roles.map((grant: { role: string }) => grant.role).sort()).toEqual(['advisor', 'officer']);
    // Koen keeps his officer role and is now an advisor too.
    expect((await rolesOf('koen.verhoeven@helmond.example')).map((grant) => grant.role)).toEqual(['advisor', 'officer']);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=user.import`, as: admin })).json();
    expect(audit.items).toHaveLength(1);
    expect((await t.request({ url: `${tenantPath}/audit-log?action=user.create`, as: admin })).json().items.length).toBeGreaterThanOrEqual(2);

    // The same file again changes nothing more.
    expect((await upload(content, { dryRun: true })).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('names scopes within this municipality only: another municipality’s council is unknown, a code both have is this one’s', async () => {
    const file = 'naam;e-mail;rollen\nLotte van Dam;lotte.vandam@example.org;wijkraadslid: Wijkraad Strijp\nMila de Boer;mila.deboer@example.org;ambtenaar: verkeer\nMila de Boer;mila.deboer2@example.org;wijkadviseur: Strijp';
    const report = (await upload(file, { dryRun: true })).json() as Report;
    expect(report.lines.map((line) => line.problems.map((problem) => problem.code))).toEqual([['importUnknownCouncil'], [], ['importUnknownNeighbourhood']]);
    const imported = await upload(file.split('\n').filter((_, index) => index !== 1 && index !== 3).join('\n'));
    expect(imported.statusCode, imported.body).toBe(200);
    const [grant] = await queryRows<{ scope_id: string; municipality_id: string }>(t.database.db, sql`select r.scope_id, r.municipality_id from role_assignment r join user_account u on u.id = r.user_id where u.email = 'mila.deboer@example.org'`);
    expect(grant).toEqual({ scope_id: expect.any(String), municipality_id: t.municipalityId });
    expect(grant.scope_id).not.toBe(t.other.department.id);
  });

  it('is for the municipality’s administrators only', async () => {
    const [advisor, officer, eindhovenAdmin] = [await t.logIn('advisor'), await t.logIn('officer'), await t.logIn(t.other.adminLogin)];
    const before = await fingerprintDatabase(t.database.db);
    const line = 'naam;e-mail\nIemand Anders;iemand.anders@example.org';
    expect((await upload(line, { as: advisor })).statusCode).toBe(403);
    expect((await upload(line, { as: officer, dryRun: true })).statusCode).toBe(403);
    expect((await upload(line, { as: eindhovenAdmin })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/user-imports/template`, as: advisor })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/user-imports` })).statusCode).toBe(401);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('asks for a recent login, as creating one account does', async () => {
    const session = await t.logIn('admin');
    t.clock.advance(15 * 60_000);
    try {
      const before = await fingerprintDatabase(t.database.db);
      const stale = await upload('naam;e-mail\nIemand Anders;iemand.anders@example.org', { as: session });
      expect(stale.json()).toMatchObject({ status: 403, code: 'REAUTHENTICATION_REQUIRED' });
      // The session was seen (its last use moved); nothing else changed.
      const after = await fingerprintDatabase(t.database.db);
      expect(Object.keys(after).filter((table) => after[table] !== before[table] && !['user_session', 'security_event'].includes(table))).toEqual([]);
    } finally {
      t.clock.advance(-15 * 60_000);
    }
  });

  it('refuses a file that is too large or too long, or whose header it does not know, with a 4xx naming the file', async () => {
    const huge = await upload(`naam;e-mail\n${'x'.repeat(1024 * 1024 + 10)}`);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().errors[0].field).toBe('body.file');
    const long = await upload(`naam;e-mail\n${Array.from({ length: 1001 }, (_, index) => `Persoon ${index};p${index}@example.org`).join('\n')}`, { dryRun: true });
    expect(long.statusCode).toBe(413);
    expect(long.json()).toMatchObject({ code: 'CSV_TOO_MANY_LINES' });
    const unknown = await upload('voornaam;e-mail\nSanne;s@example.org', { dryRun: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((error: { code: string }) => error.code)).toEqual(['csvUnknownColumn', 'csvMissingColumn']);
    const broken = await upload('naam;e-mail\n"Sanne;s@example.org', { dryRun: true });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ field: 'body.file', code: 'csvUnreadable' });
    expect((await upload('naam;e-mail\n', { dryRun: true })).json().errors[0].code).toBe('csvEmpty');
    // An Excel workbook chosen instead of its CSV: a zip file.
    const workbook = await upload(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 0)]), { dryRun: true });
    expect(workbook.statusCode).toBe(400);
    expect(workbook.json().errors[0]).toMatchObject({ field: 'body.file', code: 'csvNotText', message: expect.stringContaining('Excel-werkmap') });
    const notMultipart = await t.request({ method: 'POST', url: `${tenantPath}/user-imports`, as: admin, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('reads a file saved as Windows-1252 by an older Excel', async () => {
    const content = Buffer.from('naam;e-mail\nZoë\u0007 Çelik;zoe.celik@example.org\nKoen V.;koen.verhoeven@helmond.example', 'latin1');
    const report = (await upload(content, { dryRun: true })).json() as Report;
    expect(report.lines[0]).toMatchObject({ outcome: 'create', key: 'zoe.celik@example.org' });
    // A control character is dropped; an existing account keeps its name, and the report says so.
    expect(report.lines[1]).toMatchObject({ outcome: 'unchanged', changes: ['Bestaat al met deze rollen; niets te doen', 'De naam blijft “Koen Verhoeven”: een import wijzigt geen namen'] });
  });

  it('offers an example file that Excel opens right', async () => {
    const response = await t.request({ url: `${tenantPath}/user-imports/template`, as: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('gebruikers-voorbeeld.csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body.split('\r\n')[0]).toBe('\uFEFFnaam;e-mail;rollen;taal');
    // The example itself imports cleanly.
    const report = (await upload(response.rawPayload, { dryRun: true })).json() as Report;
    expect(report.rejected).toBe(0);
  });
});
