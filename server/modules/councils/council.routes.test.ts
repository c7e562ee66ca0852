import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let brandevoort: { id: string; neighbourhood: { id: string } };
let oost: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const list = (await t.request({ url: `${tenantPath}/councils?pageSize=100` })).json();
  brandevoort = list.items.find((item: { name: string }) => item.name === 'Wijkraad Brandevoort');
  oost = list.items.find((item: { name: string }) => item.name === 'Wijkraad Helmond-Oost');
});
afterAll(async () => t?.close());

describe('councils', () => {
  it('lists every council with its neighbourhood to anyone, filterable by neighbourhood', async () => {
    const all = (await t.request({ url: `${tenantPath}/councils` })).json();
    expect(all.total).toBe(11);
    const filtered = (await t.request({ url: `${tenantPath}/councils?neighbourhoodId=${brandevoort.neighbourhood.id}` })).json();
    expect(filtered.items).toHaveLength(1);
    expect(filtered.items[0]).toMatchObject({ name: 'Wijkraad Brandevoort', neighbourhood: { name: 'Brandevoort' }, legalForm: 'foundation' });
  });

  it('shows members to staff but not to visitors or residents', async () => {
    const visitor = (await t.request({ url: `${tenantPath}/councils/${brandevoort.id}` })).json();
    expect(visitor.members).toBeNull();
    const resident = await t.logIn('resident');
    expect((await t.request({ url: `${tenantPath}/councils/${brandevoort.id}`, as: resident })).json().members).toBeNull();
    const advisor = await t.logIn('advisor');
    const seen = (await t.request({ url: `${tenantPath}/councils/${brandevoort.id}`, as: advisor })).json();
    expect(seen.members).toEqual([{ userId: expect.any(String), displayName: 'Henk Aarts', title: 'voorzitter' }]);
    expect(JSON.stringify(seen.members)).not.toContain('@');
  });

  it('lets a council member update the contact details of their own council only', async () => {
    const member = await t.logIn('councilMember');
    const own = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${brandevoort.id}`, as: member, payload: { version: 1, contactPhone: '0492-123456', website: 'https://brandevoort.example/wijkraad' } });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ contactPhone: '0492-123456', version: 2 });
    const rename = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${brandevoort.id}`, as: member, payload: { version: 2, name: 'Andere naam' } });
    expect(rename.statusCode).toBe(403);
    const other = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${oost.id}`, as: member, payload: { version: 1, contactPhone: '000' } });
    expect(other.statusCode).toBe(403);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityId=${brandevoort.id}`, as: await t.logIn('admin') })).json();
    expect(audit.items[0]).toMatchObject({ action: 'council.update', actorLabel: 'Henk Aarts' });
  });

  it('lets an admin create a council; bad input, unknown neighbourhood and duplicate names are refused', async () => {
    const admin = await t.logIn('admin');
    const bad = await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: admin, payload: { name: 'W', legalForm: 'club', neighbourhoodId: 'x', website: 'ftp://x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['body.name', 'body.legalForm', 'body.neighbourhoodId', 'body.website']));
    const unknown = await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: admin, payload: { name: 'Bewonersplatform', legalForm: 'association', neighbourhoodId: t.other.neighbourhood.id } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.neighbourhoodId', code: 'unknownReference' });
    const created = await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: admin, payload: { name: 'Bewonersplatform Brandevoort', legalForm: 'association', neighbourhoodId: brandevoort.neighbourhood.id, contactEmail: 'Info@Platform.example' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().contactEmail).toBe('info@platform.example');
    const duplicate = await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: admin, payload: { name: 'Bewonersplatform Brandevoort', legalForm: 'association', neighbourhoodId: brandevoort.neighbourhood.id } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('body.name');
  });

  it('refuses a stale version with 409 and keeps the newer data', async () => {
    const admin = await t.logIn('admin');
    const current = (await t.request({ url: `${tenantPath}/councils/${oost.id}`, as: admin })).json();
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${oost.id}`, as: admin, payload: { version: current.version, postalAddress: 'Postbus 1' } })).statusCode).toBe(200);
    const stale = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${oost.id}`, as: admin, payload: { version: current.version, postalAddress: 'Postbus 2' } });
    expect(stale.statusCode).toBe(409);
    expect((await t.request({ url: `${tenantPath}/councils/${oost.id}` })).json().postalAddress).toBe('Postbus 1');
  });

  it('refuses changes from visitors with 401', async () => {
    expect((await t.request({ method: 'POST', url: `${tenantPath}/councils`, payload: {} })).statusCode).toBe(401);
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${brandevoort.id}`, payload: { version: 1 } })).statusCode).toBe(401);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/councils/${brandevoort.id}` })).statusCode).toBe(401);
  });

  it('finds councils by part of their name', async () => {
    const found = (await t.request({ url: `${tenantPath}/councils?search=brande` })).json();
    expect(found.items.map((item: { name: string }) => item.name)).toContain('Wijkraad Brandevoort');
    expect(found.items.every((item: { name: string }) => item.name.toLowerCase().includes('brande'))).toBe(true);
    expect((await t.request({ url: `${tenantPath}/councils?search=100%25` })).json().total).toBe(0);
    expect((await t.request({ url: `${tenantPath}/councils?neighbourhoodId=not-a-uuid` })).json().errors[0].field).toBe('querystring.neighbourhoodId');
  });

  it('refuses council changes from residents, officers and members of another council with 403, changing nothing', async () => {
    const before = (await t.request({ url: `${tenantPath}/councils/${brandevoort.id}` })).json();
    const payload = { version: before.version, contactPhone: '06-00000000' };
    for (const person of ['resident', 'officer', 'councilMemberOost'] as const) {
      const session = await t.logIn(person);
      expect((await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${brandevoort.id}`, as: session, payload })).statusCode, person).toBe(403);
      expect((await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: session, payload: { name: 'Eigen wijkraad', legalForm: 'informal', neighbourhoodId: brandevoort.neighbourhood.id } })).statusCode, person).toBe(403);
    }
    expect((await t.request({ url: `${tenantPath}/councils/${brandevoort.id}` })).json()).toEqual(before);
    // The same member may change their own council: the refusal above is about scope, not about the role.
    const ownVersion = (await t.request({ url: `${tenantPath}/councils/${oost.id}` })).json().version;
    const own = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${oost.id}`, as: await t.logIn('councilMemberOost'), payload: { version: ownVersion, contactPhone: '0492-654321' } });
    expect(own.statusCode).toBe(200);
  });

  it('refuses an unknown neighbourhood on a change too, and audits creation and deletion', async () => {
    const admin = await t.logIn('admin');
    const created = (
      await t.request({ method: 'POST', url: `${tenantPath}/councils`, as: admin, payload: { name: 'Buurtplatform De Veste', legalForm: 'informal', neighbourhoodId: brandevoort.neighbourhood.id } })
    ).json();
    const moved = await t.request({ method: 'PATCH', url: `${tenantPath}/councils/${created.id}`, as: admin, payload: { version: created.version, neighbourhoodId: t.other.neighbourhood.id } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0]).toMatchObject({ field: 'body.neighbourhoodId', code: 'unknownReference' });
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/councils/${created.id}`, as: admin })).statusCode).toBe(204);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=council&entityId=${created.id}`, as: admin })).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual(['council.delete', 'council.create']);
  });

  it('deletes a council and the member roles on it, not the accounts', async () => {
    const admin = await t.logIn('admin');
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/councils/${oost.id}`, as: await t.logIn('officer') })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/councils/${oost.id}`, as: admin })).statusCode).toBe(204);
    expect((await t.request({ url: `${tenantPath}/councils/${oost.id}` })).statusCode).toBe(404);
    const users = (await t.request({ url: `${tenantPath}/users?search=Yıldız`, as: admin })).json();
    expect(users.items[0].roles.filter((grant: { role: string }) => grant.role === 'council_member')).toEqual([]);
    expect(users.items[0].isActive).toBe(true);
  });
});
