import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../platform/audit-log.ts';
import { createTestApp, type DemoIds, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let admin: Session;
let requestId: string;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const supportStatement = { origins: [{ kind: 'open_meeting' }], breadth: 'broad', dissent: '' };
const title = 'Oversteekplaats bij de Brandevoortse Dreef';

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  admin = await t.logIn('admin');
  const member = await t.logIn('councilMember');
  const advisor = await t.logIn('advisorSouth');
  const created = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: member,
    payload: { kind: 'advice_unsolicited', title, body: 'De wijkraad adviseert een veilige oversteekplaats bij de basisschool.', neighbourhoodId: ids.brandevoort, scale: 'area', councilId: ids.councilBrandevoort, supportStatement },
  });
  expect(created.statusCode).toBe(201);
  requestId = created.json().id;
  const url = `${tenantPath}/requests/${requestId}`;
  expect((await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } })).statusCode).toBe(200);
  expect((await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.koen } })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

async function entriesOf(entityId: string) {
  const response = await t.request({ url: `${tenantPath}/audit-log?entityType=request&entityId=${entityId}`, as: admin });
  expect(response.statusCode).toBe(200);
  return response.json().items as Record<string, unknown>[];
}

describe('the audit log in words', () => {
  it('names the actor, the request and the department it was routed to, instead of their ids', async () => {
    const routed = (await entriesOf(requestId)).find((entry) => entry.action === 'request.route');
    expect(routed).toMatchObject({ actorName: 'Sanne Kuipers', entityName: title, isUpdate: true });
    const changes = routed!.changes as { field: string; before: unknown; after: unknown }[];
    expect(changes).toContainEqual({ field: 'leadDepartmentId', before: null, after: { kind: 'reference', name: 'Verkeer' } });
    expect(changes).toContainEqual({ field: 'leadOfficerUserId', before: null, after: { kind: 'reference', name: 'Koen Verhoeven' } });
    // The readable fields hold no ids; the raw snapshot stays for auditors.
    expect(JSON.stringify([routed!.actorName, routed!.entityName, routed!.changes])).not.toMatch(uuid);
    expect(routed!.after).toMatchObject({ leadDepartmentId: ids.verkeer });
  });

  it('lists what a new request had, with its neighbourhood and council by name', async () => {
    const submitted = (await entriesOf(requestId)).find((entry) => entry.action === 'request.submit');
    expect(submitted).toMatchObject({ actorName: 'Henk Aarts', entityName: title, isUpdate: false });
    const changes = submitted!.changes as { field: string; after: unknown }[];
    expect(changes).toContainEqual({ field: 'neighbourhoodId', before: null, after: { kind: 'reference', name: 'Brandevoort' } });
    expect(changes).toContainEqual({ field: 'councilId', before: null, after: { kind: 'reference', name: 'Wijkraad Brandevoort' } });
    expect(JSON.stringify(changes)).not.toMatch(uuid);
  });

  it('answers for the system without a name, and never with a name of another municipality', async () => {
    const response = await t.request({ url: `${tenantPath}/audit-log?action=demo.seed`, as: admin });
    expect(response.json().items[0]).toMatchObject({ actorName: null, actorLabel: 'system', entityType: 'municipality', entityName: 'Helmond' });
  });

  it('names records of this municipality only: an id of another one stays without a name', async () => {
    const other = t.other;
    await recordAudit(t.database.db, t.clock, { municipalityId: t.municipalityId, actor: undefined, requestId: 'test-other-ids' }, {
      action: 'test.otherIds',
      entityType: 'department',
      entityId: other.department.id,
      before: { leadDepartmentId: null, neighbourhoodId: null },
      after: { leadDepartmentId: other.department.id, neighbourhoodId: other.neighbourhood.id },
    });
    const [entry] = (await t.request({ url: `${tenantPath}/audit-log?action=test.otherIds`, as: admin })).json().items;
    expect(entry.entityName).toBeNull();
    // jsonb keeps its own key order.
    expect(entry.changes).toHaveLength(2);
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'leadDepartmentId', before: null, after: { kind: 'reference', name: null } },
        { field: 'neighbourhoodId', before: null, after: { kind: 'reference', name: null } },
      ]),
    );
  });

  it('refuses people without the right, and bad input with the field named', async () => {
    expect((await t.request({ url: `${tenantPath}/audit-log`, as: await t.logIn('advisor') })).statusCode).toBe(403);
    const bad = await t.request({ url: `${tenantPath}/audit-log?actorUserId=nobody`, as: admin });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('actorUserId');
  });
});

describe('the outbox in words', () => {
  it('names the person a message went to', async () => {
    const response = await t.request({ url: `${tenantPath}/outbox?channel=in_app`, as: admin });
    expect(response.statusCode).toBe(200);
    const toKoen = (response.json().items as { recipientName: string | null; subject: string }[]).find((message) => message.subject.includes(title));
    expect(toKoen).toMatchObject({ recipientName: expect.any(String) });
  });
});
