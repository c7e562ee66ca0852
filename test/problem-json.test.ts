import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, tenantPath } from './harness.ts';

// Every failure a client can cause is an RFC 9457 problem+json a person can act on, and changes nothing.

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: 2048 });
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

async function neighbourhoodCount() {
  return (await t.request({ url: `${tenantPath}/neighbourhoods` })).json().total as number;
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const body = response.json();
  expect(body).toMatchObject({ status, code });
  for (const member of ['type', 'title', 'detail']) expect(typeof body[member], member).toBe('string');
  return body;
}

describe('problem+json', () => {
  it('400 for malformed JSON', async () => {
    const before = await neighbourhoodCount();
    const response = await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'content-type': 'application/json' }, payload: '{"name": "Oost",' });
    expectProblem(response, 400, 'MALFORMED_JSON');
    expect(await neighbourhoodCount()).toBe(before);
  });

  it('400 with a message per field, in Dutch by default and in English on request', async () => {
    const dutch = expectProblem(await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { isDevelopmentArea: 'ja' } }), 400, 'VALIDATION_FAILED');
    expect(dutch.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.name', code: 'required', message: 'Dit veld is verplicht.' },
        expect.objectContaining({ field: 'body.isDevelopmentArea', code: 'invalid_type' }),
      ]),
    );
    const english = expectProblem(await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'accept-language': 'en' }, payload: {} }), 400, 'VALIDATION_FAILED');
    expect(english.title).toBe('Invalid input');
    expect(english.errors).toEqual([{ field: 'body.name', code: 'required', message: 'This field is required.' }]);
  });

  it('400 for bad query parameters and path ids', async () => {
    const query = expectProblem(await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=1000` }), 400, 'VALIDATION_FAILED');
    expect((query.errors as { field: string }[])[0].field).toBe('querystring.pageSize');
    const path = expectProblem(await t.request({ url: `${tenantPath}/neighbourhoods/not-a-uuid` }), 400, 'VALIDATION_FAILED');
    expect((path.errors as { field: string }[])[0].field).toBe('params.neighbourhoodId');
  });

  it('404 for an unknown route and an unknown resource', async () => {
    expectProblem(await t.request({ url: '/api/v1/does-not-exist' }), 404, 'NOT_FOUND');
    expectProblem(await t.request({ url: `${tenantPath}/councils/00000000-0000-4000-8000-000000000000` }), 404, 'NOT_FOUND');
  });

  it('401 when not logged in, 403 when not allowed', async () => {
    expectProblem(await t.request({ url: `${tenantPath}/users` }), 401, 'NOT_AUTHENTICATED');
    const resident = await t.logIn('resident');
    expectProblem(await t.request({ url: `${tenantPath}/users`, as: resident }), 403, 'FORBIDDEN');
  });

  it('409 for a duplicate and for a stale version', async () => {
    expectProblem(await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Warande' } }), 409, 'DUPLICATE');
    const id = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brouwhuis` })).json().items[0].id;
    const stale = expectProblem(await t.request({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${id}`, as: admin, payload: { version: 7, description: 'x' } }), 409, 'VERSION_CONFLICT');
    expect(stale.detail).toContain('versie 1');
  });

  it('413 for a body over the limit, and nothing saved', async () => {
    const before = await neighbourhoodCount();
    expectProblem(await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Groot', description: 'x'.repeat(4000) } }), 413, 'BODY_TOO_LARGE');
    expect(await neighbourhoodCount()).toBe(before);
  });

  it('415 for a body that is not JSON', async () => {
    expectProblem(await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, headers: { 'content-type': 'text/plain' }, payload: 'name=Oost' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('404 for an unknown municipality', async () => {
    expectProblem(await t.request({ url: '/api/v1/municipalities/atlantis/councils' }), 404, 'MUNICIPALITY_NOT_FOUND');
  });
});
