import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, type DemoPerson, demoEmails, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { request as requestTable } from './request.tables.ts';

let t: TestApp;
let ids: DemoIds;
let resident: Session;

async function submit(title: string, as: Session = resident, neighbourhoodId: string = ids.brandevoort) {
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as,
    payload: { kind: 'request', title, body: 'Een verzoek van een bewoner over de openbare ruimte in de wijk, met uitleg.', neighbourhoodId, scale: 'street' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; version: number; acknowledgeBy: string };
}

const numberOf = (reference: string) => Number(reference.split('-')[2]);

/** The e-mails a person has in the outbox for a topic. */
async function emailsTo(person: DemoPerson, topic: string) {
  return queryRows<{ subject: string; body: string }>(
    t.database.db,
    sql`select o.subject, o.body from outbox_message o join user_account u on u.id = o.recipient_user_id where u.email = ${demoEmails[person]} and o.topic = ${topic} and o.channel = 'email' order by o.created_at`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  resident = await t.logIn('resident');
});
afterAll(async () => t?.close());

describe('request references', () => {
  it('gives every request a reference of the municipality’s prefix, the year and the next number', async () => {
    const first = await submit('Losliggende stoeptegels bij de bushalte');
    const second = await submit('Overhangende takken langs het fietspad');
    // The Helmond demo sets the prefix HLM; the test clock stands in 2026.
    expect(first.reference).toMatch(/^HLM-2026-\d{4}$/);
    expect(numberOf(second.reference)).toBe(numberOf(first.reference) + 1);
    const list = (await t.request({ url: `${tenantPath}/requests?pageSize=5`, as: resident })).json();
    // The test clock stands still, so both share a moment: look them up rather than rely on the order.
    expect(list.items.find((item: { id: string }) => item.id === second.id)).toMatchObject({ reference: second.reference });
    expect(list.items.find((item: { id: string }) => item.id === first.id)).toMatchObject({ reference: first.reference });
  });

  it('gives two requests submitted at the same moment different numbers', async () => {
    const [one, two] = await Promise.all([submit('Gelijktijdig ingediend, de eerste'), submit('Gelijktijdig ingediend, de tweede')]);
    expect(one.reference).not.toBe(two.reference);
    expect(Math.abs(numberOf(one.reference) - numberOf(two.reference))).toBe(1);
  });

  it('is unique within a municipality, and another municipality may use the same one', async () => {
    const [{ total, distinct }] = await queryRows<{ total: number; distinct: number }>(
      t.database.db,
      sql`select count(*)::int as total, count(distinct reference)::int as distinct from request where municipality_id = ${t.municipalityId}`,
    );
    expect(distinct).toBe(total);
    const taken = await submit('Een kenmerk dat al bestaat');
    const now = t.clock.now();
    const row = { reference: taken.reference, kind: 'question', title: 'Dubbel kenmerk', body: 'Dit kenmerk bestaat al in deze gemeente.', scale: 'street', weight: 'large', isPublic: true, state: 'submitted' as const, acknowledgeBy: '2026-06-22', answerBy: '2026-07-13', createdAt: now, updatedAt: now };
    const [helmondUser] = await queryRows<{ id: string }>(t.database.db, sql`select id from user_account where email = ${demoEmails.resident}`);
    await expect(t.database.db.insert(requestTable).values({ ...row, municipalityId: t.municipalityId, submitterUserId: helmondUser.id })).rejects.toThrow();
    await expect(t.database.db.insert(requestTable).values({ ...row, municipalityId: t.other.municipality.id, submitterUserId: t.other.admin.id })).resolves.toBeDefined();
  });

  it('finds a request by its reference in the URL, in any case', async () => {
    const submitted = await submit('Kapotte bank in het park');
    for (const key of [submitted.reference, submitted.reference.toLowerCase(), submitted.id]) {
      const response = await t.request({ url: `${tenantPath}/requests/${key}`, as: resident });
      expect(response.statusCode, key).toBe(200);
      expect(response.json()).toMatchObject({ id: submitted.id, reference: submitted.reference, title: 'Kapotte bank in het park' });
    }
  });

  it('answers an unknown reference or a malformed id with a plain 404', async () => {
    for (const key of ['HLM-2099-9999', 'EIN-2026-0001', 'not-a-request', '0190f5a8-7c2e-7a51-9a3e-3c1d2b4a5e6f']) {
      const response = await t.request({ url: `${tenantPath}/requests/${key}`, as: resident });
      expect(response.statusCode, key).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toMatch(/uuid/i);
    }
  });

  it('finds exactly that request when the search is a reference', async () => {
    const wanted = await submit('Zwerfafval rond de glasbak');
    await submit('Zwerfafval rond de papierbak');
    const staff = await t.logIn('advisorSouth');
    for (const search of [wanted.reference, wanted.reference.toLowerCase()]) {
      const found = (await t.request({ url: `${tenantPath}/requests?search=${encodeURIComponent(search)}`, as: staff })).json();
      expect(found.total).toBe(1);
      expect(found.items[0]).toMatchObject({ id: wanted.id, reference: wanted.reference });
    }
    const none = (await t.request({ url: `${tenantPath}/requests?search=HLM-2099-0001`, as: staff })).json();
    expect(none.total).toBe(0);
  });
});

describe('the prefix setting', () => {
  it('lets the administrator change the prefix for requests submitted afterwards, and names the field for a bad one', async () => {
    const admin = await t.logIn('admin');
    const current = (await t.request({ url: `${tenantPath}/request-settings`, as: admin })).json();
    expect(current.referencePrefix).toBe('HLM');
    const bad = await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, referencePrefix: 'H-1' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.referencePrefix', code: 'referencePrefixFormat' });
    const before = await submit('Voor de nieuwe voorvoegsel');
    const saved = await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, referencePrefix: 'hmd' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().referencePrefix).toBe('HMD');
    const after = await submit('Na de nieuwe voorvoegsel');
    // The number keeps counting for the municipality's year; only the letters change.
    expect(after.reference).toBe(`HMD-2026-${String(numberOf(before.reference) + 1).padStart(4, '0')}`);
    expect((await t.request({ url: `${tenantPath}/requests/${before.reference}`, as: resident })).statusCode).toBe(200);
    await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, version: saved.json().version } });
  });
});

describe('confirmation to the submitter', () => {
  it('e-mails the reference, what happens next, the deadline as people read it and a link, in Dutch', async () => {
    const submitted = await submit('Gat in het wegdek van de Brandevoortse Dreef');
    const [mail] = (await emailsTo('resident', 'request.received')).filter((message) => message.subject.includes(submitted.reference));
    expect(mail.subject).toBe(`Verstuurd: Gat in het wegdek van de Brandevoortse Dreef (${submitted.reference})`);
    // Monday 15 June 2026 plus five working days: Monday 22 June.
    expect(submitted.acknowledgeBy).toBe('2026-06-22');
    expect(mail.body).toContain(`Het kenmerk is ${submitted.reference}`);
    expect(mail.body).toContain('uiterlijk maandag 22 juni 2026');
    expect(mail.body).toContain('Wat er nu gebeurt');
    expect(mail.body).toContain(`http://localhost:3000/helmond/vragen/${submitted.reference}`);
  });

  it('writes it in English to someone who reads English', async () => {
    await t.database.db.execute(sql`update user_account set locale = 'en' where email = ${demoEmails.councilMemberOost}`);
    const submitted = await submit('Broken street light on the Mierloseweg', await t.logIn('councilMemberOost'), ids.oost);
    const [mail] = await emailsTo('councilMemberOost', 'request.received');
    expect(mail.subject).toBe(`Sent: Broken street light on the Mierloseweg (${submitted.reference})`);
    expect(mail.body).toContain(`Its reference is ${submitted.reference}`);
    expect(mail.body).toMatch(/by Monday,? 22 June 2026/);
    expect(mail.body).toContain(`/helmond/vragen/${submitted.reference}`);
  });
});

describe('routing with contributing departments', () => {
  it('says in the timeline where it went, and puts it in the contributing officer’s own work', async () => {
    const submitted = await submit('Onveilige oversteek bij de basisschool');
    const advisor = await t.logIn('advisorSouth');
    const step = async (path: string, payload: Record<string, unknown>) => {
      const response = await t.request({ method: 'POST', url: `${tenantPath}/requests/${submitted.id}/${path}`, as: advisor, payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    await step('acknowledgement', { version: 1 });
    const routed = await step('routing', { version: 2, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.koen, contributingDepartmentIds: [ids.groen] });
    expect(routed.timeline.map((event: { summary: string }) => event.summary)).toEqual(['Ingediend', 'Ontvangst bevestigd', 'Doorgezet naar Verkeer, behandelaar Koen Verhoeven; meewerkend: Groen']);
    const inEnglish = (await t.request({ url: `${tenantPath}/requests/${submitted.reference}`, as: resident, headers: { 'accept-language': 'en' } })).json();
    expect(inEnglish.timeline.at(-1).summary).toBe('Routed to Traffic, handled by Koen Verhoeven; contributing: Green spaces');

    // Lotte works in Groen: the request is part of her own work now, and not before it was routed.
    const lotte = await t.logIn('officerGreen');
    const mine = (await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: lotte })).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(submitted.id);
    const told = (await t.request({ url: `${tenantPath}/notifications`, as: lotte })).json();
    expect(told.items.map((item: { subject: string }) => item.subject)).toContain('Meewerken aan: Onveilige oversteek bij de basisschool');
    const notRouted = await submit('Nog niet doorgezette vraag');
    const stillMine = (await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: lotte })).json();
    expect(stillMine.items.map((item: { id: string }) => item.id)).not.toContain(notRouted.id);
  });
});
