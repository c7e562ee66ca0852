import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { runSweep } from '../../platform/scheduler.ts';
import { sendDailyDigests } from '../notifications/index.ts';
import { createRequestReminderJobs } from './request-reminders.ts';

let t: TestApp;
let brandevoort: string;
let verkeer: string;
const quiet = { error: (object: unknown) => expect.fail(`a job failed: ${JSON.stringify(object)}`) };
const motivation = 'Het budget volgt uit de begroting; tot die tijd houden wij de wijkraad op de hoogte van de voortgang.';

async function sweep() {
  expect(await runSweep(t.database.db, createRequestReminderJobs({ clock: t.clock, publicUrl: 'https://wijkwerk.helmond.example' }), quiet)).toBe('ran');
}

/** The messages a person has in the outbox for a topic, both channels. */
async function outboxFor(email: string, topic: string) {
  return queryRows<{ channel: string; subject: string; body: string }>(
    t.database.db,
    sql`select o.channel, o.subject, o.body from outbox_message o join user_account u on u.id = o.recipient_user_id where u.email = ${email} and o.topic = ${topic} order by o.created_at, o.channel`,
  );
}

async function submit(title: string) {
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: await t.logIn('resident'),
    payload: { kind: 'request', title, body: 'Een verzoek van een bewoner over de openbare ruimte in Brandevoort.', neighbourhoodId: brandevoort, scale: 'street' },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; reference: string; version: number };
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.logIn('admin');
  brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100`, as: admin })).json().items.find((item: { slug: string }) => item.slug === 'brandevoort').id;
  verkeer = (await t.request({ url: `${tenantPath}/departments`, as: admin })).json().items.find((item: { code: string }) => item.code === 'verkeer').id;
});
afterAll(async () => t?.close());

describe('reminders in the scheduler sweep', () => {
  it('tells the advisor once, in the app and by e-mail with a link, when a request goes past its deadline', async () => {
    const request = await submit('Kapotte lantaarnpaal aan de Hazenwinkel');
    await sweep();
    expect(await outboxFor('sanne.kuipers@helmond.example', 'request.overdue')).toEqual([]);
    // Five working days to acknowledge: Monday 15 June → Monday 22 June; on the 23rd it is late.
    t.clock.advance(8 * 86_400_000);
    await sweep();
    await sweep();
    const told = await outboxFor('sanne.kuipers@helmond.example', 'request.overdue');
    expect(told.map((message) => message.channel)).toEqual(['email', 'in_app']);
    expect(told[1]).toMatchObject({ subject: 'Over de termijn: Kapotte lantaarnpaal aan de Hazenwinkel', body: 'Deze vraag is over de termijn: de ontvangst had bevestigd moeten zijn op maandag 22 juni 2026.' });
    expect(told[0].body).toContain(`https://wijkwerk.helmond.example/helmond/vragen/${request.reference}`);
    // The advisor of another part of the city hears nothing of it.
    expect(await outboxFor('jeroen.hermans@helmond.example', 'request.overdue')).toEqual([]);
    t.clock.advance(-8 * 86_400_000);
  });

  it('reminds the owner of an ooit before each update is due and when the decision date nears, once each', async () => {
    const request = await submit('Bredere stoep bij de school');
    const advisor = await t.logIn('advisorSouth');
    const url = `${tenantPath}/requests/${request.id}`;
    await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: verkeer } });
    const answered = await t.request({ method: 'POST', url: `${url}/answer`, as: await t.logIn('officer'), payload: { verdict: 'ooit', version: 3, motivation, conditions: [{ kind: 'budget', text: 'Begroting 2027 van de gemeente' }], decisionDueOn: '2026-07-31', updateEveryWeeks: 4 } });
    expect(answered.json().nextUpdateDue).toBe('2026-07-13');

    t.clock.advance(24 * 86_400_000); // 9 July: the update of 13 July is four days away
    await sweep();
    expect(await outboxFor('koen.verhoeven@helmond.example', 'request.updateDue')).toEqual([]);
    t.clock.advance(1 * 86_400_000); // 10 July: three days ahead
    await sweep();
    await sweep();
    const updateDue = (await outboxFor('koen.verhoeven@helmond.example', 'request.updateDue')).filter((message) => message.channel === 'in_app');
    expect(updateDue).toHaveLength(1);
    expect(updateDue[0].body).toContain('is verwacht op maandag 13 juli 2026');
    // The decision date 31 July is 21 days away: no reminder yet (the window is 10 days).
    expect(await outboxFor('koen.verhoeven@helmond.example', 'request.decisionDue')).toEqual([]);

    t.clock.advance(12 * 86_400_000); // 22 July
    await sweep();
    await sweep();
    const decision = (await outboxFor('koen.verhoeven@helmond.example', 'request.decisionDue')).filter((message) => message.channel === 'in_app');
    expect(decision).toHaveLength(1);
    expect(decision[0].body).toContain('Op vrijdag 31 juli 2026 is een definitief antwoord beloofd');
    expect(decision[0].subject).toBe('Besluit nadert: Bredere stoep bij de school');
    t.clock.advance(-37 * 86_400_000);
  });
});

describe('a decision date that passed unnoticed', () => {
  it('says the date has passed, rather than that it nears', async () => {
    const request = await submit('Zitbank bij de vijver');
    const advisor = await t.logIn('advisorSouth');
    const url = `${tenantPath}/requests/${request.id}`;
    await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: verkeer } });
    await t.request({ method: 'POST', url: `${url}/answer`, as: await t.logIn('officer'), payload: { verdict: 'ooit', version: 3, motivation, conditions: [{ kind: 'decision', text: 'Besluit van het college over het parkbudget' }], decisionDueOn: '2026-06-30', updateEveryWeeks: 6 } });
    // The sweep did not run for a month (an outage, say): the reminder says the promised date has passed.
    t.clock.advance(30 * 86_400_000);
    await sweep();
    const told = (await outboxFor('koen.verhoeven@helmond.example', 'request.decisionDue')).filter((message) => message.channel === 'in_app' && message.subject.endsWith('Zitbank bij de vijver'));
    expect(told).toEqual([expect.objectContaining({ subject: 'Besluitdatum verstreken: Zitbank bij de vijver' })]);
    expect(told[0].body).toContain('Op dinsdag 30 juni 2026 was een definitief antwoord beloofd.');
    t.clock.advance(-30 * 86_400_000);
  });
});

describe('the daily digest', () => {
  it('sends one e-mail a day with what came in, instead of a copy of each message', async () => {
    const member = await t.logIn('councilMember');
    const preferences = await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, as: member, payload: { wantsEmailCopies: true, wantsDailyDigest: true } });
    expect(preferences.json()).toEqual({ wantsEmailCopies: true, wantsDailyDigest: true, locale: 'nl' });
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, payload: { wantsEmailCopies: true, wantsDailyDigest: true } })).statusCode).toBe(401);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, as: member, payload: { wantsEmailCopies: 'ja' } })).statusCode).toBe(400);

    // Something for the council member: the advisor acknowledges a request of their council.
    const council = (await t.request({ url: `${tenantPath}/councils?pageSize=100`, as: member })).json().items.find((item: { name: string }) => item.name === 'Wijkraad Brandevoort').id;
    const created = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      as: member,
      payload: { kind: 'question', title: 'Wanneer gaat de markt weer open?', body: 'Bewoners vragen ons wanneer de weekmarkt weer op het plein staat.', neighbourhoodId: brandevoort, scale: 'neighbourhood', councilId: council },
    });
    await t.request({ method: 'POST', url: `${tenantPath}/requests/${created.json().id}/acknowledgement`, as: await t.logIn('advisorSouth'), payload: { version: 1 } });
    // No e-mail copy: the digest will carry it.
    expect((await outboxFor('henk.aarts@brandevoort.example', 'request.update')).map((message) => message.channel)).toEqual(['in_app']);

    const runDigest = () => t.database.db.transaction((tx) => sendDailyDigests(tx as never, t.clock));
    expect(await runDigest()).toBe(1);
    expect(await runDigest()).toBe(0);
    const [digest] = await outboxFor('henk.aarts@brandevoort.example', 'digest');
    expect(digest.channel).toBe('email');
    expect(digest.body).toContain('Ontvangen: Wanneer gaat de markt weer open?');
  });
});

describe('in the recipient’s language', () => {
  it('tells someone who reads English in English, in the app, by e-mail and in the digest', async () => {
    // The resident chooses the language of her messages herself.
    const switched = await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, as: await t.logIn('resident'), payload: { wantsEmailCopies: true, wantsDailyDigest: false, locale: 'en' } });
    expect(switched.json()).toEqual({ wantsEmailCopies: true, wantsDailyDigest: false, locale: 'en' });
    const created = await submit('Bench by the pond is broken');
    await t.request({ method: 'POST', url: `${tenantPath}/requests/${created.id}/acknowledgement`, as: await t.logIn('advisorSouth'), payload: { version: 1 } });
    const told = (await outboxFor('eva.mulder@mail.example', 'request.update')).filter((message) => message.subject.includes('Bench by the pond'));
    expect(told.map((message) => message.subject)).toEqual(['Received: Bench by the pond is broken', 'Received: Bench by the pond is broken']);
    expect(told[0].body).toMatch(/You will get an answer by [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ 2026 at the latest\./);
    // The advisor reads Dutch, and was told in Dutch of the same request.
    expect((await outboxFor('sanne.kuipers@helmond.example', 'request.submitted')).map((message) => message.subject)).toContain('Nieuw: Bench by the pond is broken');

    const resident = await t.logIn('resident');
    // Choosing the digest later keeps the language chosen before.
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, as: resident, payload: { wantsEmailCopies: true, wantsDailyDigest: true } })).json().locale).toBe('en');
    t.clock.advance(3_600_000);
    await t.database.db.transaction((tx) => sendDailyDigests(tx as never, t.clock));
    const [digest] = await outboxFor('eva.mulder@mail.example', 'digest');
    expect(digest.subject).toMatch(/^Wijkwerk: \d+ messages? from the past day$/);
    expect(digest.body).toContain('Received: Bench by the pond is broken');
    t.clock.advance(-3_600_000);
  });
});
