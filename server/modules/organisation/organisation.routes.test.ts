import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('organisation reference lists', () => {
  it('lists the demo departments, partners, themes, portfolios and council term to anyone', async () => {
    const names = async (path: string, key = 'name') => (await t.request({ url: `${tenantPath}${path}` })).json().items.map((item: Record<string, string>) => item[key]);
    expect(await names('/departments')).toEqual(['Economie en Werk', 'Groen', 'Handhaving', 'Jeugd', 'Sport', 'Verkeer', 'Wijkonderhoud', 'Wijkontwikkeling']);
    expect(await names('/partner-organisations')).toHaveLength(4);
    expect((await names('/themes', 'nameNl'))[0]).toBe('Sociaal-maatschappelijke voorzieningen');
    expect(await names('/portfolios')).toContain('Wijkbeleid');
    expect((await t.request({ url: `${tenantPath}/council-terms` })).json().items[0]).toMatchObject({ startsOn: '2026-03-30', endsOn: '2030-03-29' });
  });

  it('lets an admin add, change and delete a department, each change audited', async () => {
    const admin = await t.logIn('admin');
    const created = await t.request({ method: 'POST', url: `${tenantPath}/departments`, as: admin, payload: { code: 'afval', name: 'Afval', contactEmail: 'Afval@Helmond.example' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'afval', contactEmail: 'afval@helmond.example', version: 1 });
    const id = created.json().id;
    const changed = await t.request({ method: 'PATCH', url: `${tenantPath}/departments/${id}`, as: admin, payload: { version: 1, name: 'Afval en reiniging' } });
    expect(changed.json()).toMatchObject({ name: 'Afval en reiniging', version: 2 });
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/departments/${id}`, as: admin, payload: { version: 1, name: 'Oud' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/departments/${id}`, as: admin })).statusCode).toBe(204);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=department&entityId=${id}`, as: admin })).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual(['department.delete', 'department.update', 'department.create']);
  });

  it('refuses a duplicate department code (409) and bad input (400 per field)', async () => {
    const admin = await t.logIn('admin');
    const duplicate = await t.request({ method: 'POST', url: `${tenantPath}/departments`, as: admin, payload: { code: 'verkeer', name: 'Nog eens verkeer' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('body.code');
    const bad = await t.request({ method: 'POST', url: `${tenantPath}/themes`, as: admin, payload: { code: 'Met Spaties', nameNl: 'X' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['body.code', 'body.nameNl', 'body.nameEn']));
  });

  it('keeps an English name beside the Dutch one; an empty English name falls back to the Dutch', async () => {
    const admin = await t.logIn('admin');
    const created = await t.request({ method: 'POST', url: `${tenantPath}/departments`, as: admin, payload: { code: 'afvalbeheer', name: 'Afvalbeheer', nameEn: 'Waste management' } });
    expect(created.json()).toMatchObject({ name: 'Afvalbeheer', nameEn: 'Waste management' });
    const cleared = await t.request({ method: 'PATCH', url: `${tenantPath}/departments/${created.json().id}`, as: admin, payload: { version: 1, nameEn: '' } });
    expect(cleared.json()).toMatchObject({ name: 'Afvalbeheer', nameEn: null, version: 2 });
    const partners = (await t.request({ url: `${tenantPath}/partner-organisations` })).json().items;
    expect(partners.find((item: { kind: string }) => item.kind === 'police')).toMatchObject({ nameEn: 'Police East Brabant, Helmond team' });
    expect((await t.request({ url: `${tenantPath}/council-terms` })).json().items[0].nameEn).toBe('Council term 2026–2030');
  });

  it('records what a portfolio covers: departments, subjects and neighbourhoods of this municipality only', async () => {
    const admin = await t.logIn('admin');
    const ids = await findDemoIds(t);
    const wijkbeleid = (await t.request({ url: `${tenantPath}/portfolios` })).json().items.find((item: { code: string }) => item.code === 'wijkbeleid');
    expect(wijkbeleid.neighbourhoodIds).toContain(ids.brandevoort);
    expect(wijkbeleid.departmentIds).toHaveLength(2);

    const created = await t.request({
      method: 'POST',
      url: `${tenantPath}/portfolios`,
      as: admin,
      payload: { code: 'veiligheid', name: 'Veiligheid', nameEn: 'Safety', departmentIds: [ids.verkeer, ids.verkeer], themeIds: [ids.themeSafety], neighbourhoodIds: [ids.oost] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ departmentIds: [ids.verkeer], themeIds: [ids.themeSafety], neighbourhoodIds: [ids.oost], version: 1 });
    const id = created.json().id;

    // Another municipality's department is not one of ours: refused whole, nothing changed.
    const foreign = await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${id}`, as: admin, payload: { version: 1, name: 'Anders', departmentIds: [t.other.department.id] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'body.departmentIds', code: 'unknownReference' });
    const unchanged = (await t.request({ url: `${tenantPath}/portfolios` })).json().items.find((item: { id: string }) => item.id === id);
    expect(unchanged).toMatchObject({ name: 'Veiligheid', departmentIds: [ids.verkeer], version: 1 });

    // Changing only the coverage is a change: the version moves and the audit log has before and after.
    const moved = await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${id}`, as: admin, payload: { version: 1, departmentIds: [ids.groen], neighbourhoodIds: [] } });
    expect(moved.json()).toMatchObject({ departmentIds: [ids.groen], themeIds: [ids.themeSafety], neighbourhoodIds: [], version: 2 });
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=portfolio&entityId=${id}`, as: admin })).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual(['portfolio.update', 'portfolio.create']);
    const stale = await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${id}`, as: admin, payload: { version: 1, themeIds: [] } });
    expect(stale.statusCode).toBe(409);

    // A department that closes leaves the portfolio; the portfolio stays.
    const department = await t.request({ method: 'POST', url: `${tenantPath}/departments`, as: admin, payload: { code: 'tijdelijk', name: 'Tijdelijk' } });
    await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${id}`, as: admin, payload: { version: 2, departmentIds: [ids.groen, department.json().id] } });
    await t.request({ method: 'DELETE', url: `${tenantPath}/departments/${department.json().id}`, as: admin });
    expect((await t.request({ url: `${tenantPath}/portfolios` })).json().items.find((item: { id: string }) => item.id === id).departmentIds).toEqual([ids.groen]);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/portfolios/${id}`, as: admin })).statusCode).toBe(204);
  });

  it('keeps one neighbourhood-policy portfolio', async () => {
    const admin = await t.logIn('admin');
    const second = await t.request({ method: 'POST', url: `${tenantPath}/portfolios`, as: admin, payload: { code: 'wijken-2', name: 'Wijken bis', isNeighbourhoodPolicy: true } });
    expect(second.statusCode).toBe(400);
    expect(second.json().errors[0]).toMatchObject({ field: 'body.isNeighbourhoodPolicy', code: 'neighbourhoodPolicyTaken' });
    expect(second.json().errors[0].message).toContain('Wijkbeleid');
  });

  it('refuses a council term that ends before it starts, also when only one date changes', async () => {
    const admin = await t.logIn('admin');
    const wrong = await t.request({ method: 'POST', url: `${tenantPath}/council-terms`, as: admin, payload: { name: 'Periode 2030–2034', startsOn: '2030-03-30', endsOn: '2030-01-01' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'body.endsOn', code: 'endBeforeStart' });
    const term = (await t.request({ url: `${tenantPath}/council-terms` })).json().items[0];
    const partial = await t.request({ method: 'PATCH', url: `${tenantPath}/council-terms/${term.id}`, as: admin, payload: { version: term.version, startsOn: '2031-01-01' } });
    expect(partial.statusCode).toBe(400);
    const notADate = await t.request({ method: 'POST', url: `${tenantPath}/council-terms`, as: admin, payload: { name: 'Periode', startsOn: '30-03-2030', endsOn: '2034-03-29' } });
    expect(notADate.json().errors[0].field).toBe('body.startsOn');
  });

  it('removes the officer roles on a deleted department but keeps the officer', async () => {
    const admin = await t.logIn('admin');
    const departments = (await t.request({ url: `${tenantPath}/departments` })).json().items;
    const traffic = departments.find((item: { code: string }) => item.code === 'verkeer');
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/departments/${traffic.id}`, as: admin })).statusCode).toBe(204);
    const officer = (await t.request({ url: `${tenantPath}/users?search=Verhoeven`, as: admin })).json().items[0];
    expect(officer.roles).toEqual([]);
    expect(officer.isActive).toBe(true);
  });

  it('refuses to delete a theme that requests are tagged with (409 IN_USE); the admin retires it instead', async () => {
    const admin = await t.logIn('admin');
    const resident = await t.logIn('resident');
    const themes = (await t.request({ url: `${tenantPath}/themes` })).json().items;
    const greenery = themes.find((item: { code: string }) => item.code === 'maintenance-green');
    const brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items.find((item: { slug: string }) => item.slug === 'brandevoort');
    const submitted = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      as: resident,
      payload: { kind: 'question', title: 'Bomen langs de Stepekolk', body: 'Wanneer worden de dode bomen langs de Stepekolk vervangen?', neighbourhoodId: brandevoort.id, scale: 'area', themeIds: [greenery.id] },
    });
    expect(submitted.statusCode).toBe(201);

    const refused = await t.request({ method: 'DELETE', url: `${tenantPath}/themes/${greenery.id}`, as: admin, headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'IN_USE' });
    expect(refused.json().detail).toContain('request');
    expect((await t.request({ url: `${tenantPath}/requests/${submitted.json().id}`, as: admin })).json().themes).toEqual([{ id: greenery.id, name: greenery.nameNl }]);

    const retired = await t.request({ method: 'PATCH', url: `${tenantPath}/themes/${greenery.id}`, as: admin, payload: { version: greenery.version, isActive: false } });
    expect(retired.json()).toMatchObject({ isActive: false, version: greenery.version + 1 });
  });

  it('refuses duplicate partner names and theme codes, and answers 404 for an unknown record', async () => {
    const admin = await t.logIn('admin');
    const partner = (await t.request({ url: `${tenantPath}/partner-organisations` })).json().items[0];
    const samePartner = await t.request({ method: 'POST', url: `${tenantPath}/partner-organisations`, as: admin, payload: { name: partner.name, kind: 'other' } });
    expect(samePartner.statusCode).toBe(409);
    expect(samePartner.json().errors[0]).toMatchObject({ field: 'body.name', code: 'duplicate' });
    const theme = (await t.request({ url: `${tenantPath}/themes` })).json().items[0];
    const sameTheme = await t.request({ method: 'POST', url: `${tenantPath}/themes`, as: admin, payload: { code: theme.code, nameNl: 'Ander thema', nameEn: 'Other theme' } });
    expect(sameTheme.statusCode).toBe(409);
    expect(sameTheme.json().errors[0].field).toBe('body.code');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${unknown}`, as: admin, payload: { version: 1, name: 'Nergens' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/council-terms/${unknown}`, as: admin })).statusCode).toBe(404);
  });

  it('refuses changes from visitors (401) and from every role but admin (403)', async () => {
    expect((await t.request({ method: 'POST', url: `${tenantPath}/themes`, payload: {} })).statusCode).toBe(401);
    for (const person of ['advisor', 'officerGreen', 'alderman', 'councilMember', 'partner', 'resident'] as const) {
      const session = await t.logIn(person);
      const response = await t.request({ method: 'POST', url: `${tenantPath}/themes`, as: session, payload: { code: 'nieuw', nameNl: 'Nieuw thema', nameEn: 'New theme' } });
      expect(response.statusCode, person).toBe(403);
    }
    expect((await t.request({ url: `${tenantPath}/themes` })).json().items.map((item: { code: string }) => item.code)).not.toContain('nieuw');
    const department = (await t.request({ url: `${tenantPath}/departments` })).json().items[0];
    const officer = await t.logIn('officer');
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/departments/${department.id}`, as: officer, payload: { version: department.version, name: 'Overgenomen' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/departments/${department.id}`, as: officer })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/departments/${department.id}` })).statusCode).toBe(401);
    expect((await t.request({ url: `${tenantPath}/departments` })).json().items[0]).toEqual(department);
  });
});
