import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let advisor: Session;
let henk: Session;
let ayse: Session;

const supportStatement = { origins: [{ kind: 'open_meeting' }], breadth: 'broad', dissent: '' };
const ask = (overrides: Record<string, unknown> = {}) => ({
  title: 'Herinrichting van het Kasteelplein',
  question: 'Wat vindt de wijk van de twee ontwerpen voor het Kasteelplein, en welke wensen heeft u voor spelen en parkeren?',
  documents: [{ title: 'Ontwerp A en B', url: 'https://documenten.helmond.example/kasteelplein.pdf' }],
  dueOn: '2026-08-01',
  isFormalInspraak: true,
  councilIds: [ids.councilBrandevoort, ids.councilOost],
  departmentId: ids.verkeer,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  advisor = await t.logIn('advisorSouth');
  henk = await t.logIn('councilMember');
  ayse = await t.logIn('councilMemberOost');
});
afterAll(async () => t?.close());

describe('asking councils for advice', () => {
  it('sends the question to the councils chosen, tells their members, and shows who has answered', async () => {
    const created = await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: advisor, payload: ask() });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ title: 'Herinrichting van het Kasteelplein', isFormalInspraak: true, dueOn: '2026-08-01', requestedBy: 'Sanne Kuipers', department: { name: 'Verkeer' } });
    expect(body.councils).toEqual([
      { council: { id: ids.councilBrandevoort, name: 'Wijkraad Brandevoort' }, advice: null },
      { council: { id: ids.councilOost, name: 'Wijkraad Helmond-Oost' }, advice: null },
    ]);
    const told = (await t.request({ url: `${tenantPath}/notifications?pageSize=100`, as: henk })).json().items as { subject: string; body: string }[];
    expect(told.find((item) => item.subject === 'Adviesaanvraag: Herinrichting van het Kasteelplein')?.body).toContain('formele inspraakprocedure');

    // The council gives its advice in the answer protocol, linked to the request for advice.
    const advice = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      as: henk,
      payload: { kind: 'advice_solicited', title: 'Advies over het Kasteelplein', body: 'De wijkraad kiest ontwerp B, met meer groen en een speelplek aan de zonkant.', neighbourhoodId: ids.brandevoort, scale: 'neighbourhood', councilId: ids.councilBrandevoort, supportStatement, adviceRequestId: body.id },
    });
    expect(advice.statusCode).toBe(201);
    expect(advice.json()).toMatchObject({ isFormalInspraak: true, adviceRequest: { id: body.id, title: 'Herinrichting van het Kasteelplein' } });

    const seen = (await t.request({ url: `${tenantPath}/advice-requests/${body.id}`, as: henk })).json();
    expect(seen.canAnswerFor).toEqual([ids.councilBrandevoort]);
    expect(seen.councils[0].advice).toMatchObject({ id: advice.json().id, state: 'submitted' });
    const list = (await t.request({ url: `${tenantPath}/advice-requests`, as: advisor })).json();
    expect(list.items.find((item: { id: string }) => item.id === body.id)).toMatchObject({ councilCount: 2, adviceCount: 1 });
  });

  it('shows a council only what was sent to it', async () => {
    const onlyOost = (await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: advisor, payload: ask({ title: 'Alleen voor Oost: de wijkvisie', councilIds: [ids.councilOost] }) })).json();
    expect((await t.request({ url: `${tenantPath}/advice-requests/${onlyOost.id}`, as: ayse })).statusCode).toBe(200);
    expect((await t.request({ url: `${tenantPath}/advice-requests/${onlyOost.id}`, as: henk })).statusCode).toBe(404);
    const henksList = (await t.request({ url: `${tenantPath}/advice-requests`, as: henk })).json().items as { title: string }[];
    expect(henksList.map((item) => item.title)).not.toContain('Alleen voor Oost: de wijkvisie');
    expect((await t.request({ url: `${tenantPath}/advice-requests`, as: await t.logIn('resident') })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/advice-requests` })).statusCode).toBe(401);

    // Henk cannot answer it for his own council, nor for a council he does not sit on.
    const answer = (overrides: Record<string, unknown>) =>
      t.request({
        method: 'POST',
        url: `${tenantPath}/requests`,
        as: henk,
        payload: { kind: 'advice_solicited', title: 'Advies over de wijkvisie', body: 'Een advies dat hier niet bij hoort, want de vraag ging naar een ander wijkorgaan.', neighbourhoodId: ids.brandevoort, scale: 'neighbourhood', supportStatement, adviceRequestId: onlyOost.id, ...overrides },
      });
    expect((await answer({ councilId: ids.councilBrandevoort })).json().errors).toEqual([expect.objectContaining({ field: 'body.councilId', code: 'notAskedThisCouncil' })]);
    expect((await answer({ councilId: ids.councilOost })).json().errors).toEqual([expect.objectContaining({ field: 'body.councilId', code: 'notACouncilMember' })]);
    expect((await answer({ councilId: ids.councilBrandevoort, kind: 'question' })).json().errors[0]).toMatchObject({ field: 'body.kind' });
  });

  it('refuses a past due date, unknown councils and people who may not ask, and stores nothing', async () => {
    const outsiders = await Promise.all((['resident', 'councilMember', 'alderman', 'partner'] as const).map((person) => t.logIn(person)));
    const before = await fingerprintDatabase(t.database.db);
    const past = await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: advisor, payload: ask({ dueOn: '2026-06-01' }) });
    expect(past.json().errors).toEqual([expect.objectContaining({ field: 'body.dueOn', code: 'dateInPast' })]);
    const unknown = await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: advisor, payload: ask({ councilIds: [t.other.council.id] }) });
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.councilIds', code: 'unknownReference' })]);
    const none = await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: advisor, payload: ask({ councilIds: [] }) });
    expect(none.statusCode).toBe(400);
    for (const session of outsiders) expect((await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, as: session, payload: ask() })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/advice-requests`, payload: ask() })).statusCode).toBe(401);
    const after = await fingerprintDatabase(t.database.db);
    expect(after).toEqual(before);
  });
});
