import { connect } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from './database.ts';
import { createTestApp, findDemoIds, type DemoIds, type Session, type TestApp, tenantPath } from './harness.ts';

// Input no person would send on purpose — control characters, NUL in text, numbers and dates beyond what
// the database holds, empty changes, a URL or headers HTTP does not allow — is a 4xx problem+json that
// names the field and changes nothing, never a 500.

let t: TestApp;
let admin: Session;
let ids: DemoIds;
let areaId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
  ids = await findDemoIds(t);
  areaId = (await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}`, as: admin })).json().areas[0].id;
});
afterAll(async () => t?.close());

type Case = { name: string; status: number; code: string; field?: string; fieldCode?: string; request: () => InjectOptions & { as?: Session } };

const cases: Case[] = [
  { name: 'NUL in the municipality', status: 400, code: 'VALIDATION_FAILED', field: 'params.municipality', fieldCode: 'controlCharacter', request: () => ({ url: '/api/v1/municipalities/hel%00mond/neighbourhoods' }) },
  { name: 'a control character in the municipality', status: 400, code: 'VALIDATION_FAILED', field: 'params.municipality', fieldCode: 'controlCharacter', request: () => ({ url: '/api/v1/municipalities/helmond%01/councils' }) },
  { name: 'NUL in a path id', status: 400, code: 'VALIDATION_FAILED', field: 'params.neighbourhoodId', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/%00`, as: admin, payload: { version: 1, name: 'Oost' } }) },
  { name: 'NUL in a text field', status: 400, code: 'VALIDATION_FAILED', field: 'body.name', fieldCode: 'nulCharacter', request: () => ({ method: 'POST', url: `${tenantPath}/departments`, as: admin, payload: { code: 'nul', name: 'Nul\u0000teken' } }) },
  { name: 'NUL deep in a body', status: 400, code: 'VALIDATION_FAILED', field: 'body.boundary.type', request: () => ({ method: 'PATCH', url: `${tenantPath}/areas/${areaId}`, as: admin, payload: { boundary: { type: 'Polygon\u0000' } } }) },
  { name: 'NUL in a query parameter', status: 400, code: 'VALIDATION_FAILED', field: 'querystring.search', fieldCode: 'nulCharacter', request: () => ({ url: `${tenantPath}/neighbourhoods?search=wa%00rande` }) },
  { name: 'a version past the integer column', status: 400, code: 'VALIDATION_FAILED', field: 'body.version', fieldCode: 'too_big', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${ids.brandevoort}`, as: admin, payload: { version: 2 ** 31, description: 'Te groot' } }) },
  { name: 'a version of 2^53', status: 400, code: 'VALIDATION_FAILED', field: 'body.version', request: () => ({ method: 'PATCH', url: `${tenantPath}/councils/${ids.councilOost}`, as: admin, payload: { version: 2 ** 53, name: 'Te groot' } }) },
  { name: 'a page past the integer range', status: 400, code: 'VALIDATION_FAILED', field: 'querystring.page', request: () => ({ url: `${tenantPath}/neighbourhoods?page=9007199254740993` }) },
  { name: 'year 0 on a council term', status: 400, code: 'VALIDATION_FAILED', field: 'body.startsOn', fieldCode: 'dateOutOfRange', request: () => ({ method: 'POST', url: `${tenantPath}/council-terms`, as: admin, payload: { name: 'Oertijd', startsOn: '0000-01-01', endsOn: '2030-01-01' } }) },
  { name: 'year 9999 on a council term', status: 400, code: 'VALIDATION_FAILED', field: 'body.endsOn', fieldCode: 'dateOutOfRange', request: () => ({ method: 'POST', url: `${tenantPath}/council-terms`, as: admin, payload: { name: 'Eeuwig', startsOn: '2026-01-01', endsOn: '9999-12-31' } }) },
  { name: 'year 0 in the audit log filter', status: 400, code: 'VALIDATION_FAILED', field: 'querystring.from', fieldCode: 'dateOutOfRange', request: () => ({ url: `${tenantPath}/audit-log?from=0000-01-01T00:00:00Z`, as: admin }) },
  { name: 'an empty change to an area', status: 400, code: 'VALIDATION_FAILED', field: 'body', fieldCode: 'nothingToChange', request: () => ({ method: 'PATCH', url: `${tenantPath}/areas/${areaId}`, as: admin, payload: {} }) },
  { name: 'a change of only the version', status: 400, code: 'VALIDATION_FAILED', field: 'body', fieldCode: 'nothingToChange', request: () => ({ method: 'PATCH', url: `${tenantPath}/neighbourhoods/${ids.brandevoort}`, as: admin, payload: { version: 1 } }) },
  { name: 'a session cookie that is not percent-encoded', status: 401, code: 'NOT_AUTHENTICATED', request: () => ({ url: `${tenantPath}/users`, headers: { cookie: 'wijkwerk_session=%E0%A4%A' } }) },
  { name: 'a bearer token of garbage', status: 401, code: 'NOT_AUTHENTICATED', request: () => ({ url: `${tenantPath}/users`, headers: { authorization: `Bearer ${'%ZZ'.repeat(500)}` } }) },
  { name: 'a path parameter over 100 characters', status: 414, code: 'URI_TOO_LONG', request: () => ({ url: `${tenantPath}/councils/${'a'.repeat(150)}` }) },
  { name: 'a municipality over 100 characters', status: 414, code: 'URI_TOO_LONG', request: () => ({ url: `/api/v1/municipalities/${'h'.repeat(101)}/councils` }) },
];

describe('hostile input', () => {
  it.each(cases)('$status $code for $name, and nothing changed', async (testCase) => {
    const before = await fingerprintDatabase(t.database.db);
    const { as, ...options } = testCase.request();
    for (const language of ['nl', 'en']) {
      const response = await t.request({ ...options, as, headers: { ...(options.headers as Record<string, string>), 'accept-language': language } });
      expect(response.statusCode, response.body).toBe(testCase.status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json();
      expect(body).toMatchObject({ status: testCase.status, code: testCase.code });
      expect(body.detail).toBeTruthy();
      if (testCase.field) expect(body.errors).toContainEqual(expect.objectContaining({ field: testCase.field, ...(testCase.fieldCode ? { code: testCase.fieldCode } : {}) }));
      for (const error of body.errors ?? []) expect(error.message).not.toMatch(/^field:/);
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('words the new field messages in both languages', async () => {
    const dutch = (await t.request({ url: `${tenantPath}/audit-log?from=0000-01-01T00:00:00Z`, as: admin })).json();
    const english = (await t.request({ url: `${tenantPath}/audit-log?from=0000-01-01T00:00:00Z`, as: admin, headers: { 'accept-language': 'en' } })).json();
    expect(dutch.errors[0].message).toBe('Kies een datum tussen 1900-01-01 en 2200-12-31.');
    expect(english.errors[0].message).toBe('Choose a date between 1900-01-01 and 2200-12-31.');
  });
});

describe('requests Node refuses before Fastify sees them', () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });

  /** Raw bytes over a socket: these requests cannot be made with inject or fetch. */
  function sendRaw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy());
    });
  }

  function parse(answer: string) {
    const [head, body] = answer.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1], body: JSON.parse(body) };
  }

  it('answers headers over the size limit with 431 problem+json', async () => {
    const answer = parse(await sendRaw(`GET ${tenantPath}/councils HTTP/1.1\r\nHost: localhost\r\nCookie: ${'x'.repeat(20_000)}\r\n\r\n`));
    expect(answer).toMatchObject({ status: 431, contentType: expect.stringMatching(/^application\/problem\+json/), body: { status: 431, code: 'HEADERS_TOO_LARGE' } });
  });

  it('answers a header with bytes HTTP does not allow with 400 problem+json', async () => {
    const answer = parse(await sendRaw(`GET ${tenantPath}/councils HTTP/1.1\r\nHost: localhost\r\nX-Test: a\u0001b\r\n\r\n`));
    expect(answer).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/), body: { status: 400, code: 'BAD_REQUEST' } });
  });
});
