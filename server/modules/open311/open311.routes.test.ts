import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

// Requests written from the GeoReport v2 specification (wiki.open311.org/GeoReport_v2): its paths, its
// form-encoded POST, its field names, its JSON arrays and XML elements, its error format.
let t: TestApp;
let apiKey: string;
const base = '/open311/v2';
const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const streetLight = { jurisdiction_id: 'helmond', service_code: 'straatverlichting-openbare-klok', lat: '51.4655', long: '5.6935', address_string: 'Hortsedijk 12, Helmond', description: 'Lamp brandt niet sinds zondag.', 'attribute[wat-is-er-aan-de-hand]': 'uit' };

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.logIn('admin');
  const officer = (await t.request({ url: `${tenantPath}/users?search=Vermeulen`, as: admin })).json().items[0].id;
  const created = await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: officer, name: 'Meldingen-app aannemer' } });
  apiKey = created.json().token;
});
afterAll(async () => t?.close());

describe('Open311 service discovery', () => {
  it('lists services with group and metadata in JSON and XML', async () => {
    const json = await t.request({ url: `${base}/services.json?jurisdiction_id=helmond` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    const light = json.json().find((service: { service_code: string }) => service.service_code === 'straatverlichting-openbare-klok');
    expect(light).toEqual({ service_code: 'straatverlichting-openbare-klok', service_name: 'Straatverlichting / openbare klok', description: '', metadata: true, type: 'realtime', keywords: '', group: 'Wegen, verkeer, straatmeubilair' });

    const xml = await t.request({ url: `${base}/services.xml?jurisdiction_id=helmond` });
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services>\n {2}<service>/);
    expect(xml.body).toContain('<service_code>straatverlichting-openbare-klok</service_code>');
  });

  it('describes a service’s attributes, with the values of a list', async () => {
    const definition = (await t.request({ url: `${base}/services/straatverlichting-openbare-klok.json?jurisdiction_id=helmond` })).json();
    expect(definition.service_code).toBe('straatverlichting-openbare-klok');
    expect(definition.attributes[1]).toMatchObject({ variable: true, code: 'wat-is-er-aan-de-hand', datatype: 'singlevaluelist', required: true, order: 2, values: expect.arrayContaining([{ key: 'uit', name: 'De lamp is uit' }]) });
    const xml = await t.request({ url: `${base}/services/straatverlichting-openbare-klok.xml?jurisdiction_id=helmond` });
    expect(xml.body).toContain('<service_definition>');
    expect(xml.body).toContain('<datatype>singlevaluelist</datatype>');
  });

  it('answers unknown services, jurisdictions and formats in the specification’s error format', async () => {
    const unknown = await t.request({ url: `${base}/services/bestaat-niet.json?jurisdiction_id=helmond` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code') }]);
    const nowhere = await t.request({ url: `${base}/services.xml?jurisdiction_id=atlantis` });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.body).toContain('<errors>\n  <error>\n    <code>404</code>');
    // This test server holds two municipalities, so the jurisdiction must be named.
    const missing = await t.request({ url: `${base}/services.json` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toContain('jurisdiction_id');
    expect((await t.request({ url: `${base}/services.csv?jurisdiction_id=helmond` })).statusCode).toBe(404);
  });
});

describe('Open311 POST requests', () => {
  it('takes a form-encoded report from a visitor, through the same rules as the web form, and answers with id and token', async () => {
    const response = await t.request({ method: 'POST', url: `${base}/requests.json`, ...form({ ...streetLight, email: 'app-melder@mail.example', first_name: 'Piet' }) });
    expect(response.statusCode, response.body).toBe(201);
    const [created] = response.json();
    expect(created.service_request_id).toMatch(/^M-2026-\d{6}$/);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [stored] = await queryRows<{ channel: string; neighbourhood: string; reporter_email: string; answers: Record<string, string> }>(
      t.database.db,
      sql`select r.channel, n.name as neighbourhood, r.reporter_email, r.answers from report r join neighbourhood n on n.id = r.neighbourhood_id where r.reference = ${created.service_request_id}`,
    );
    expect(stored).toEqual({ channel: 'open311', neighbourhood: 'Brouwhuis', reporter_email: 'app-melder@mail.example', answers: { 'wat-is-er-aan-de-hand': 'uit' } });
    expect(JSON.stringify(await queryRows(t.database.db, sql`select * from report where reference = ${created.service_request_id}`))).not.toContain('Piet');

    const token = await t.request({ url: `${base}/tokens/${created.token}.json?jurisdiction_id=helmond` });
    expect(token.json()).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
  });

  it('accepts JSON with an attribute object and an api_key, answers in XML, and honours Idempotency-Key', async () => {
    const body = { ...streetLight, 'attribute[wat-is-er-aan-de-hand]': undefined, attribute: { 'wat-is-er-aan-de-hand': 'knippert' }, api_key: apiKey, description: 'Knipperende lamp bij de school.' };
    const first = await t.request({ method: 'POST', url: `${base}/requests.xml`, payload: body, headers: { 'idempotency-key': 'app-7f3a1c2e-0001' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.body).toMatch(/<service_requests>\n {2}<request>\n {4}<service_request_id>M-2026-\d{6}<\/service_request_id>/);
    const again = await t.request({ method: 'POST', url: `${base}/requests.xml`, payload: body, headers: { 'idempotency-key': 'app-7f3a1c2e-0001' } });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    const [event] = await queryRows<{ actor: string }>(t.database.db, sql`select u.display_name as actor from report_event e join report r on r.id = e.report_id join user_account u on u.id = e.actor_user_id where r.description = 'Knipperende lamp bij de school.'`);
    expect(event.actor).toBe('Ilse Vermeulen');
  });

  it.each([
    ['no service_code', { service_code: '' }, 400, 'service_code'],
    ['an unknown service_code', { service_code: 'bestaat-niet' }, 400, 'service_code'],
    ['no location', { lat: '', long: '' }, 400, 'lat'],
    ['a latitude that is not a number', { lat: 'noord' }, 400, 'lat'],
    ['a place outside the municipality', { lat: '52.3731', long: '4.8922' }, 422, 'Helmond'],
    ['a required attribute left out', { 'attribute[wat-is-er-aan-de-hand]': '' }, 400, 'attribute[wat-is-er-aan-de-hand]'],
    ['a wrong api_key', { api_key: 'wwt_dit-is-geen-sleutel' }, 403, 'api_key'],
    ['an unknown jurisdiction', { jurisdiction_id: 'atlantis' }, 404, 'jurisdiction_id'],
  ])('refuses %s with the specification’s error list and stores nothing', async (_case, change, status, named) => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await t.request({ method: 'POST', url: `${base}/requests.json`, ...form({ ...streetLight, ...change }) });
    expect(response.statusCode, response.body).toBe(status);
    const errors = response.json();
    expect(errors).toEqual([{ code: status, description: expect.stringContaining(named) }]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('answers a broken form or JSON body with an error list, never a 500', async () => {
    const broken = await t.request({ method: 'POST', url: `${base}/requests.json`, payload: '{"service_code":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()[0].code).toBe(400);
    const xmlBody = await t.request({ method: 'POST', url: `${base}/requests.xml`, payload: '<request/>', headers: { 'content-type': 'application/xml' } });
    expect(xmlBody.statusCode).toBe(415);
    expect(xmlBody.body).toContain('<code>415</code>');
  });
});

describe('Open311 GET requests', () => {
  it('lists recent reports with open/closed status and no personal data, filtered as the specification says', async () => {
    const list = await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&service_code=straatverlichting-openbare-klok&status=open` });
    expect(list.statusCode).toBe(200);
    const items = list.json();
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items[0]).toMatchObject({ status: 'open', service_code: 'straatverlichting-openbare-klok', agency_responsible: 'Wijkonderhoud', requested_datetime: '2026-06-15T12:00:00+02:00', expected_datetime: '2026-07-06T23:59:59+02:00', lat: 51.4655, long: 5.6935 });
    expect(list.body).not.toContain('app-melder@mail.example');
    expect(list.body).not.toContain('Lamp brandt niet');

    expect((await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&status=closed` })).json()).toEqual([]);
    expect((await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&start_date=2026-07-01T00:00:00Z` })).json()).toEqual([]);
    expect((await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&page_size=1` })).json()).toHaveLength(1);
    const badDate = await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&start_date=gisteren` });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()[0].description).toContain('start_date');
  });

  it('gives one report by its id in JSON and XML; another municipality’s id finds nothing', async () => {
    const [one] = (await t.request({ url: `${base}/requests.json?jurisdiction_id=helmond&page_size=1` })).json();
    const single = await t.request({ url: `${base}/requests/${one.service_request_id}.json?jurisdiction_id=helmond` });
    expect(single.json()).toEqual([one]);
    const xml = await t.request({ url: `${base}/requests/${one.service_request_id}.xml?jurisdiction_id=helmond` });
    expect(xml.body).toContain(`<service_request_id>${one.service_request_id}</service_request_id>`);
    expect(xml.body).toContain('<status>open</status>');
    expect((await t.request({ url: `${base}/requests/${one.service_request_id}.json?jurisdiction_id=eindhoven` })).statusCode).toBe(404);
  });
});
