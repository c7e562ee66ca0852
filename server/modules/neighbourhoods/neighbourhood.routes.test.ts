import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const square = { type: 'Polygon', coordinates: [[[5.6, 51.4], [5.61, 51.4], [5.61, 51.41], [5.6, 51.41], [5.6, 51.4]]] };

describe('neighbourhood registry', () => {
  it('lists the eleven Helmond neighbourhoods to anyone, paginated', async () => {
    const response = await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=5` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['api-version']).toBe('1.0.0');
    const body = response.json();
    expect(body.total).toBe(11);
    expect(body.items).toHaveLength(5);
    expect(body.pageCount).toBe(3);
    expect(body.items[0].name).toBe('Binnenstad/Centrum');
  });

  it('filters the list by part of the name', async () => {
    const body = (await t.request({ url: `${tenantPath}/neighbourhoods?search=helmond-` })).json();
    expect(body.items.map((item: { name: string }) => item.name)).toEqual(['Helmond-Noord', 'Helmond-Oost', 'Helmond-West']);
  });

  it('shows one neighbourhood with its areas and its schematic boundary', async () => {
    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brandevoort` })).json();
    const response = await t.request({ url: `${tenantPath}/neighbourhoods/${list.items[0].id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ isDevelopmentArea: false, programmeManager: null, developmentAgreement: null });
    expect(body.isBoundaryOfficial).toBe(false);
    expect(body.boundary.type).toBe('Polygon');
    expect(body.areas.map((area: { name: string }) => area.name)).toEqual(['De Buitens', 'De Veste']);
  });

  it('lets an admin create a neighbourhood, recorded in the audit log', async () => {
    const admin = await t.logIn('admin');
    const response = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Suytkade-Zuid', cbsCode: 'WK079499', boundary: square } });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.slug).toBe('suytkade-zuid');
    expect(created.version).toBe(1);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityId=${created.id}`, as: admin })).json();
    expect(audit.items[0]).toMatchObject({ action: 'neighbourhood.create', actorLabel: 'Femke Janssen', entityType: 'neighbourhood' });
    expect(audit.items[0].after.name).toBe('Suytkade-Zuid');
  });

  it('refuses a duplicate CBS code with 409 naming the field, and changes nothing', async () => {
    const admin = await t.logIn('admin');
    const before = (await t.request({ url: `${tenantPath}/neighbourhoods` })).json().total;
    const response = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Dubbel', cbsCode: 'WK079401' } });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'body.cbsCode', code: 'duplicate' }] });
    expect((await t.request({ url: `${tenantPath}/neighbourhoods` })).json().total).toBe(before);
  });

  it('explains bad input per field in Dutch, or English when asked', async () => {
    const admin = await t.logIn('admin');
    const payload = { name: 'X', cbsCode: 'WK12', boundary: { type: 'Polygon', coordinates: [[[5.6, 51.4], [5.7, 51.5]]] } };
    const dutch = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload });
    expect(dutch.statusCode).toBe(400);
    const fields = dutch.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.cbsCode']));
    expect(dutch.json().title).toBe('Controleer wat je hebt ingevuld');
    const english = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.json().title).toBe('Check what you entered');
  });

  it('updates with the version seen and refuses a stale version with 409', async () => {
    const admin = await t.logIn('admin');
    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Warande` })).json();
    const id = list.items[0].id;
    const first = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${id}`, as: admin, payload: { version: 1, description: 'Groene wijk met het Warandepark.' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${id}`, as: admin, payload: { version: 1, description: 'Oude versie' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${id}` })).json().description).toBe('Groene wijk met het Warandepark.');
  });

  it('lets an advisor describe their own neighbourhoods only, and nothing else', async () => {
    const advisor = await t.logIn('advisor'); // serves the northern neighbourhoods, not Warande
    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json();
    const oost = list.items.find((item: { name: string }) => item.name === 'Helmond-Oost');
    const rijpelberg = list.items.find((item: { name: string }) => item.name === 'Rijpelberg');
    const own = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${oost.id}`, as: advisor, payload: { version: 1, description: 'Wijk aan het kanaal.' } });
    expect(own.statusCode).toBe(200);
    const rename = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${oost.id}`, as: advisor, payload: { version: 2, name: 'Oost' } });
    expect(rename.statusCode).toBe(403);
    const notTheirs = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${rijpelberg.id}`, as: advisor, payload: { version: 1, description: 'Niet van mij' } });
    expect(notTheirs.statusCode).toBe(403);
  });

  it('refuses changes from visitors (401), residents (403) and cookie changes without the CSRF token (403)', async () => {
    const anonymous = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, payload: { name: 'Nieuw' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('NOT_AUTHENTICATED');
    const resident = await t.logIn('resident');
    const forbidden = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: resident, payload: { name: 'Nieuw' } });
    expect(forbidden.statusCode).toBe(403);
    const admin = await t.logIn('admin');
    const withoutToken = await t.app.inject({ method: 'POST', url: `${tenantPath}/neighbourhoods`, headers: { cookie: admin.cookie }, payload: { name: 'Nieuw' } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('will not delete a neighbourhood a council still belongs to', async () => {
    const admin = await t.logIn('admin');
    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Stiphout` })).json();
    const response = await t.request({ method: 'DELETE', url: `${tenantPath}/neighbourhoods/${list.items[0].id}`, as: admin });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('IN_USE');
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${list.items[0].id}` })).statusCode).toBe(200);
  });

  it('adds, renames and removes an area (buurt)', async () => {
    const admin = await t.logIn('admin');
    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Dierdonk` })).json();
    const id = list.items[0].id;
    const added = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods/${id}/areas`, as: admin, payload: { name: 'Dierdonk-Park', cbsCode: 'BU07941099' } });
    expect(added.statusCode).toBe(201);
    const renamed = await t.request({ method: 'PATCH', url: `${tenantPath}/areas/${added.json().id}`, as: admin, payload: { name: 'Dierdonkpark' } });
    expect(renamed.json().name).toBe('Dierdonkpark');
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/areas/${added.json().id}`, as: admin })).statusCode).toBe(204);
    const detail = (await t.request({ url: `${tenantPath}/neighbourhoods/${id}` })).json();
    expect(detail.areas.map((area: { name: string }) => area.name)).not.toContain('Dierdonkpark');
  });

  it('answers 404 problem+json for an unknown neighbourhood and an unknown municipality', async () => {
    const missing = await t.request({ url: `${tenantPath}/neighbourhoods/00000000-0000-4000-8000-000000000000` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const unknownTenant = await t.request({ url: '/api/v1/municipalities/atlantis/neighbourhoods' });
    expect(unknownTenant.statusCode).toBe(404);
    expect(unknownTenant.json().code).toBe('MUNICIPALITY_NOT_FOUND');
  });
});

describe('neighbourhood boundaries for the map', () => {
  it('returns a GeoJSON FeatureCollection with every neighbourhood that has a boundary', async () => {
    const response = await t.request({ url: `${tenantPath}/neighbourhood-boundaries` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThanOrEqual(11);
    const brandevoort = body.features.find((feature: { properties: { slug: string } }) => feature.properties.slug === 'brandevoort');
    expect(brandevoort.geometry.type).toBe('Polygon');
    expect(brandevoort.properties.isBoundaryOfficial).toBe(false);
  });
});

describe('the agreement on meetings in a development area', () => {
  const agreement = { decision: 'suspended', form: '', reason: 'Zolang het wijkontwikkelingsprogramma loopt, praten bewoners daar al mee.', agreedOn: '2026-06-01' };

  it('shows the demo’s development area with a programme manager who is not its advisor, and their agreement', async () => {
    const oost = (await t.request({ url: `${tenantPath}/neighbourhoods?slug=helmond-oost` })).json().items[0];
    const body = (await t.request({ url: `${tenantPath}/neighbourhoods/${oost.id}` })).json();
    expect(body).toMatchObject({ isDevelopmentArea: true, programmeManager: { displayName: 'Tom Bakker' }, developmentAgreement: { decision: 'adapted', agreedOn: '2026-04-15' } });
  });

  it('is recorded by the area’s advisor or its programme manager, not by others, and needs a development area', async () => {
    const oost = (await t.request({ url: `${tenantPath}/neighbourhoods?slug=helmond-oost` })).json().items[0];
    const url = `${tenantPath}/neighbourhoods/${oost.id}/development-agreement`;
    const { version } = (await t.request({ url: `${tenantPath}/neighbourhoods/${oost.id}` })).json();
    for (const person of ['advisorSouth', 'officer', 'councilMemberOost', 'alderman'] as const) {
      expect((await t.request({ method: 'PUT', url, as: await t.logIn(person), payload: { ...agreement, version } })).statusCode).toBe(403);
    }
    const programmeManager = await t.logIn({ email: 'tom.bakker@helmond.example', password: demoPassword });
    // The answer says who may record it: the programme manager and the area's advisor, nobody else.
    const actionsOf = async (session?: Awaited<ReturnType<typeof t.logIn>>) => (await t.request({ url: `${tenantPath}/neighbourhoods/${oost.id}`, as: session })).json().allowedActions;
    expect(await actionsOf(programmeManager)).toEqual(['recordDevelopmentAgreement']);
    expect(await actionsOf(await t.logIn('advisor'))).toEqual(['recordDevelopmentAgreement']);
    expect(await actionsOf(await t.logIn('advisorSouth'))).toEqual([]);
    expect(await actionsOf(undefined)).toEqual([]);
    const adaptedWithoutForm = await t.request({ method: 'PUT', url, as: programmeManager, payload: { ...agreement, decision: 'adapted', version } });
    expect(adaptedWithoutForm.json().errors).toEqual([expect.objectContaining({ field: 'body.form', code: 'formRequired' })]);
    const recorded = await t.request({ method: 'PUT', url, as: programmeManager, payload: { ...agreement, version } });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().developmentAgreement).toEqual(agreement);
    const byAdvisor = await t.request({ method: 'PUT', url, as: await t.logIn('advisor'), payload: { ...agreement, decision: 'regular', version: recorded.json().version } });
    expect(byAdvisor.json().developmentAgreement.decision).toBe('regular');

    const brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods?slug=brandevoort` })).json().items[0];
    const elsewhere = await t.request({ method: 'PUT', url: `${tenantPath}/neighbourhoods/${brandevoort.id}/development-agreement`, as: await t.logIn('advisorSouth'), payload: { ...agreement, version: 1 } });
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ field: 'body.decision', code: 'notADevelopmentArea' })]);
  });

  it('refuses the area’s own advisor as its programme manager', async () => {
    const oost = (await t.request({ url: `${tenantPath}/neighbourhoods?slug=helmond-oost` })).json().items[0];
    const current = (await t.request({ url: `${tenantPath}/neighbourhoods/${oost.id}` })).json();
    const admin = await t.logIn('admin');
    const jeroen = ((await t.request({ url: `${tenantPath}/users?search=Hermans`, as: admin })).json().items as { id: string }[])[0].id;
    const response = await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${oost.id}`, as: admin, payload: { version: current.version, programmeManagerUserId: jeroen } });
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body.programmeManagerUserId', code: 'programmeManagerIsAdvisor' })]);
  });
});
