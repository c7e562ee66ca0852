import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const url = `${tenantPath}/accessibility-statement`;
const filledIn = { status: 'partial', adoptedOn: '2026-12-01', contactEmail: 'Digitoegankelijk@Helmond.example', contactPhone: '0492 58 77 77', responseWorkingDays: 3, knownIssues: 'De kaart is niet met een toetsenbord te bedienen.' };

describe('the accessibility statement', () => {
  it('is public, with the municipality’s name and its own contact details', async () => {
    const statement = await t.request({ url });
    expect(statement.statusCode).toBe(200);
    expect(statement.json()).toMatchObject({ municipalityName: 'Helmond', status: 'partial', adoptedOn: '2026-11-30', contactEmail: 'toegankelijkheid@helmond.example', responseWorkingDays: 5 });
    // Another municipality that filled in nothing: no invented date or contact.
    const other = await t.request({ url: '/api/v1/municipalities/eindhoven/accessibility-statement' });
    expect(other.json()).toEqual({ municipalityName: t.other.municipality.name, status: 'partial', adoptedOn: null, contactEmail: null, contactPhone: null, responseWorkingDays: 5, knownIssues: null });
  });

  it('is kept by an administrator, audited, and refuses a bad phone number or date in words', async () => {
    const admin = await t.logIn('admin');
    const saved = await t.request({ method: 'PUT', url, as: admin, payload: filledIn });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...filledIn, contactEmail: 'digitoegankelijk@helmond.example' });
    expect((await t.request({ url })).json().responseWorkingDays).toBe(3);
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=municipality.accessibilityStatement.update`, as: admin })).json().items;
    expect(audit).toHaveLength(1);

    const bad = await t.request({ method: 'PUT', url, as: admin, payload: { ...filledIn, contactPhone: 'bel maar', adoptedOn: '1-12-2026' } });
    expect(bad.statusCode).toBe(400);
    const messages = Object.fromEntries(bad.json().errors.map((error: { field: string; message: string }) => [error.field, error.message]));
    expect(messages['body.contactPhone']).toContain('Vul een telefoonnummer in');
    expect(messages['body.adoptedOn']).toBeDefined();
    expect((await t.request({ url })).json().contactPhone).toBe('0492 58 77 77');
  });

  it('cannot be changed by anyone but an administrator of this municipality', async () => {
    expect((await t.request({ method: 'PUT', url, payload: filledIn })).statusCode).toBe(401);
    for (const person of ['resident', 'advisor', 'alderman', 'councilMember'] as const) {
      expect((await t.request({ method: 'PUT', url, as: await t.logIn(person), payload: { ...filledIn, knownIssues: 'Niets' } })).statusCode).toBe(403);
    }
    const otherAdmin = await t.logIn(t.other.adminLogin);
    expect((await t.request({ method: 'PUT', url, as: otherAdmin, payload: { ...filledIn, knownIssues: 'Niets' } })).statusCode).toBe(403);
    expect((await t.request({ url })).json().knownIssues).not.toBe('Niets');
  });
});
