import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from './database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from './harness.ts';

// Every failure a client can cause is an RFC 9457 problem+json a person can act on — in Dutch, or in
// English when asked — and changes nothing.

let t: TestApp;
let admin: Session;
let resident: Session;
let brouwhuisId: string;
const unknownId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: 2048 });
  admin = await t.logIn('admin');
  resident = await t.logIn('resident');
  brouwhuisId = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brouwhuis` })).json().items[0].id;
});
afterAll(async () => t?.close());

type Case = { name: string; status: number; code: string; request: () => InjectOptions & { as?: Session } };

const json = { 'content-type': 'application/json' };
const cases: Case[] = [
  { name: 'malformed JSON', status: 400, code: 'MALFORMED_JSON', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: json, payload: '{"name": "Oost",' }) },
  { name: 'an empty JSON body', status: 400, code: 'MALFORMED_JSON', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: json, payload: '' }) },
  { name: 'malformed JSON at login', status: 400, code: 'MALFORMED_JSON', request: () => ({ method: 'POST', url: `${tenantPath}/sessions`, headers: json, payload: '{email:' }) },
  { name: 'a schema violation', status: 400, code: 'VALIDATION_FAILED', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { isDevelopmentArea: 'ja' } }) },
  { name: 'a bad query parameter', status: 400, code: 'VALIDATION_FAILED', request: () => ({ url: `${tenantPath}/neighbourhoods?pageSize=1000` }) },
  { name: 'a path id that cannot exist', status: 404, code: 'NOT_FOUND', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/not-a-uuid`, as: admin, payload: { version: 1, name: 'X' } }) },
  { name: 'an unknown route', status: 404, code: 'NOT_FOUND', request: () => ({ url: '/api/v1/does-not-exist' }) },
  { name: 'an unknown route of a municipality', status: 404, code: 'NOT_FOUND', request: () => ({ method: 'POST', url: `${tenantPath}/wormholes`, as: admin, payload: {} }) },
  { name: 'a method a route does not have', status: 404, code: 'NOT_FOUND', request: () => ({ method: 'PUT', url: `${tenantPath}/themes`, as: admin, payload: {} }) },
  { name: 'an unknown resource', status: 404, code: 'NOT_FOUND', request: () => ({ url: `${tenantPath}/councils/${unknownId}` }) },
  { name: 'a change to an unknown resource', status: 404, code: 'NOT_FOUND', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${unknownId}`, as: admin, payload: { version: 1, description: 'Bestaat niet' } }) },
  { name: 'an unknown municipality', status: 404, code: 'MUNICIPALITY_NOT_FOUND', request: () => ({ url: '/api/v1/municipalities/atlantis/councils' }) },
  { name: 'a read when not logged in', status: 401, code: 'NOT_AUTHENTICATED', request: () => ({ url: `${tenantPath}/users` }) },
  { name: 'a change when not logged in', status: 401, code: 'NOT_AUTHENTICATED', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, payload: { name: 'Nieuwe Wijk' } }) },
  { name: 'a read that is not allowed', status: 403, code: 'FORBIDDEN', request: () => ({ url: `${tenantPath}/users`, as: resident }) },
  { name: 'a change that is not allowed', status: 403, code: 'FORBIDDEN', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: resident, payload: { name: 'Nieuwe Wijk' } }) },
  { name: 'a cookie change without CSRF token', status: 403, code: 'CSRF_TOKEN_INVALID', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, headers: { cookie: admin.cookie }, payload: { name: 'Nieuwe Wijk' } }) },
  { name: 'a duplicate', status: 409, code: 'DUPLICATE', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Warande' } }) },
  { name: 'a stale version', status: 409, code: 'VERSION_CONFLICT', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${brouwhuisId}`, as: admin, payload: { version: 7, description: 'Te laat' } }) },
  { name: 'a body over the limit', status: 413, code: 'BODY_TOO_LARGE', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Groot', description: 'x'.repeat(4000) } }) },
  { name: 'a body as plain text', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', request: () => ({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'content-type': 'text/plain' }, payload: 'name=Oost' }) },
  { name: 'a form post', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', request: () => ({ method: 'POST', url: `${tenantPath}/sessions`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40b.nl&password=x' }) },
  { name: 'an XML body', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${brouwhuisId}`, as: admin, headers: { 'content-type': 'application/xml' }, payload: '<version>1</version>' }) },
];

async function send(testCase: Case, language?: string) {
  const { as, ...options } = testCase.request();
  const headers = { ...(options.headers as Record<string, string>), ...(language ? { 'accept-language': language } : {}) };
  return t.request({ ...options, as, headers });
}

describe('problem+json', () => {
  it.each(cases)('$status $code for $name, in Dutch and in English, and nothing changed', async (testCase) => {
    const before = await fingerprintDatabase(t.database.db);
    const titles: string[] = [];
    for (const language of [undefined, 'en-GB,en;q=0.9,nl;q=0.5']) {
      const response = await send(testCase, language);
      expect(response.statusCode).toBe(testCase.status);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.headers['api-version']).toBe('1.0.0');
      const body = response.json();
      expect(body).toMatchObject({ status: testCase.status, code: testCase.code, instance: String(testCase.request().url).split('?')[0] });
      expect(body.type).toMatch(/^urn:wijkwerk:problem:[a-z-]+$/);
      for (const member of ['title', 'detail']) expect(body[member], member).toEqual(expect.stringMatching(/\S/));
      // Nothing of the machinery shows: no stack, no SQL, no library error codes.
      expect(response.body).not.toMatch(/FST_|stack|at .*\.ts:|select |insert |violates/i);
      titles.push(body.title);
    }
    expect(titles[0]).not.toBe(titles[1]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('names every field that needs fixing, in Dutch by default and in English on request', async () => {
    const payload = { name: 5, isDevelopmentArea: 'ja', cbsCode: 12 };
    const dutch = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload })).json();
    const english = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'accept-language': 'en' }, payload })).json();
    expect(dutch.title).toBe('Controleer wat je hebt ingevuld');
    expect(english.title).toBe('Check what you entered');
    const fields = (problem: { errors: { field: string }[] }) => problem.errors.map((error) => error.field).sort();
    expect(fields(dutch)).toEqual(['body.cbsCode', 'body.isDevelopmentArea', 'body.name']);
    expect(fields(english)).toEqual(fields(dutch));
    const byField = (problem: { errors: { field: string; message: string }[] }, field: string) => problem.errors.find((error) => error.field === field)?.message;
    // In words a resident understands, not zod's type names.
    expect(byField(dutch, 'body.isDevelopmentArea')).toBe('Kies ja of nee.');
    expect(byField(english, 'body.isDevelopmentArea')).toBe('Choose yes or no.');
    expect(byField(dutch, 'body.name')).toBe('Vul hier tekst in.');

    const missing = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: {} })).json();
    expect(missing.errors).toEqual([{ field: 'body.name', code: 'required', message: 'Dit veld is verplicht.' }]);
    const missingEnglish = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'accept-language': 'en' }, payload: {} })).json();
    expect(missingEnglish.errors).toEqual([{ field: 'body.name', code: 'required', message: 'This field is required.' }]);
  });

  it('says which query parameter is wrong, and that an address with an impossible id leads nowhere', async () => {
    const query = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=1000` })).json();
    expect(query.errors.map((error: { field: string }) => error.field)).toEqual(['querystring.pageSize']);
    // A mistyped or cut-off link is "not found", in words, never a schema path or "UUID".
    const path = await t.request({ url: `${tenantPath}/neighbourhoods/geen-bestaande-wijk` });
    expect(path.statusCode).toBe(404);
    expect(path.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(path.body).not.toMatch(/UUID|params\./i);
    const english = await t.request({ url: `${tenantPath}/councils/12345`, headers: { 'accept-language': 'en' } });
    expect(english.statusCode).toBe(404);
    expect(english.json().title).not.toMatch(/UUID/i);
  });

  it('says how large a body may be, and which version is current', async () => {
    const tooLarge = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Groot', description: 'x'.repeat(4000) } })).json();
    expect(tooLarge.detail).toContain('2048 bytes');
    const stale = (await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${brouwhuisId}`, as: admin, payload: { version: 7, description: 'Te laat' } })).json();
    expect(stale.detail).toContain('versie 1');
    const duplicate = (await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Warande' } })).json();
    expect(duplicate.errors?.[0]?.field).toMatch(/^body\.(name|slug)$/);
  });
});
