import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, sampleFiles } from '../../../test/multipart.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

const url = `${tenantPath}/appearance`;
const colours = { primary: '#01689B', primaryHover: '#154273', link: '#01689b', header: '#154273', footer: null };
const filledIn = {
  displayName: 'Gemeente Helmond',
  colours,
  formOfAddress: 'u',
  contact: { phone: '14 0492', email: 'Info@Helmond.example', address: 'Weg op den Heuvel 35\n5701 NV Helmond', website: 'https://www.helmond.example' },
};
const messagesOf = (body: { errors?: { field: string; message: string }[] }) => Object.fromEntries((body.errors ?? []).map((error) => [error.field, error.message]));
const logoForm = (content: Buffer, fileName = 'logo.png') => multipartForm([{ name: 'file', fileName, content, contentType: 'image/png' }]);

describe('the municipality’s appearance', () => {
  it('is public with standard values until the municipality sets its own', async () => {
    const other = await t.request({ url: '/api/v1/municipalities/eindhoven/appearance' });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({
      municipalityName: t.other.municipality.name,
      displayName: null,
      colours: { primary: null, primaryHover: null, link: null, header: null, footer: null },
      formOfAddress: 'je',
      contact: { phone: null, email: null, address: null, website: null },
      logoUrl: null,
    });
  });

  it('is set by an administrator, audited, and shown to everyone without anything else', async () => {
    const saved = await t.request({ method: 'PUT', url, as: admin, payload: filledIn });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ displayName: 'Gemeente Helmond', colours: { primary: '#01689b' }, formOfAddress: 'u', contact: { email: 'info@helmond.example' } });
    const shown = await t.request({ url });
    expect(Object.keys(shown.json()).sort()).toEqual(['colours', 'contact', 'displayName', 'formOfAddress', 'logoUrl', 'municipalityName']);
    expect(shown.json().contact.address).toBe('Weg op den Heuvel 35\n5701 NV Helmond');
    // The municipality's registered name stays as it is: the display name is only how it is shown.
    expect((await t.request({ url: tenantPath })).json().name).toBe('Helmond');
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=municipality.appearance.update`, as: admin })).json().items;
    expect(audit).toHaveLength(1);
  });

  it('refuses a colour that is not a colour, or too light to read white text on, naming the field and changing nothing', async () => {
    const notAColour = await t.request({ method: 'PUT', url, as: admin, payload: { ...filledIn, displayName: 'Anders', colours: { ...colours, primary: 'blauw' } } });
    expect(notAColour.statusCode).toBe(400);
    expect(messagesOf(notAColour.json())['body.colours.primary']).toContain('#01689b');

    const tooLight = await t.request({ method: 'PUT', url, as: admin, payload: { ...filledIn, displayName: 'Anders', colours: { ...colours, primary: '#ffcc00', link: '#777777' } } });
    expect(tooLight.statusCode).toBe(400);
    const messages = messagesOf(tooLight.json());
    expect(messages['body.colours.primary']).toContain('te weinig contrast met wit (1.');
    expect(messages['body.colours.link']).toContain('(4.4:1)');
    expect(messages['body.colours.header']).toBeUndefined();

    const english = await t.request({ method: 'PUT', url, as: admin, headers: { 'accept-language': 'en' }, payload: { ...filledIn, colours: { ...colours, header: '#aaaaaa' } } });
    expect(messagesOf(english.json())['body.colours.header']).toContain('too little contrast with white');

    const badContact = await t.request({ method: 'PUT', url, as: admin, payload: { ...filledIn, formOfAddress: 'jij', contact: { ...filledIn.contact, website: 'http://helmond.example' } } });
    expect(badContact.statusCode).toBe(400);
    expect(Object.keys(messagesOf(badContact.json())).sort()).toEqual(['body.contact.website', 'body.formOfAddress']);

    const now = (await t.request({ url })).json();
    expect(now.displayName).toBe('Gemeente Helmond');
    expect(now.colours.primary).toBe('#01689b');
  });

  it('takes a PNG logo, serves it as a cacheable picture that can run nothing, and removes it again', async () => {
    const uploaded = await t.request({ method: 'PUT', url: `${url}/logo`, as: admin, ...logoForm(sampleFiles.png) });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const { logoUrl } = uploaded.json();
    expect(logoUrl).toMatch(/^\/api\/v1\/municipalities\/helmond\/appearance\/logo\?v=\d+$/);
    expect((await t.request({ url })).json().logoUrl).toBe(logoUrl);

    const logo = await t.request({ url: logoUrl });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['content-security-policy']).toContain("default-src 'none'");
    expect(logo.headers['cache-control']).toContain('public');
    expect(logo.rawPayload.equals(sampleFiles.png)).toBe(true);
    expect((await t.request({ url: `${tenantPath}/audit-log?action=municipality.logo.replace`, as: admin })).json().items).toHaveLength(1);

    // Another municipality without a logo has none to show.
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/appearance/logo' })).statusCode).toBe(404);

    const removed = await t.request({ method: 'DELETE', url: `${url}/logo`, as: admin });
    expect(removed.json().logoUrl).toBeNull();
    expect((await t.request({ url: `${url}/logo` })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/audit-log?action=municipality.logo.remove`, as: admin })).json().items).toHaveLength(1);
  });

  it('refuses a logo of the wrong type, an SVG or one too large, naming the file field and keeping the old one', async () => {
    const kept = (await t.request({ method: 'PUT', url: `${url}/logo`, as: admin, ...logoForm(sampleFiles.png) })).json().logoUrl;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const [content, fileName, status] of [
      [sampleFiles.pdf, 'logo.png', 415],
      [svg, 'logo.svg', 415],
      [sampleFiles.webPage, 'logo.png', 415],
      [Buffer.concat([sampleFiles.png, Buffer.alloc(210 * 1024)]), 'groot.png', 413],
    ] as const) {
      const refused = await t.request({ method: 'PUT', url: `${url}/logo`, as: admin, ...logoForm(content, fileName) });
      expect(refused.statusCode, fileName).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(messagesOf(refused.json()))).toEqual(['body.file']);
    }
    expect((await t.request({ url })).json().logoUrl).toBe(kept);
  });

  it('cannot be changed by anyone but an administrator of this municipality', async () => {
    expect((await t.request({ method: 'PUT', url, payload: filledIn })).statusCode).toBe(401);
    expect((await t.request({ method: 'PUT', url: `${url}/logo`, ...logoForm(sampleFiles.png) })).statusCode).toBe(401);
    for (const person of ['resident', 'advisor', 'officer', 'alderman', 'councilMember'] as const) {
      const session = await t.logIn(person);
      expect((await t.request({ method: 'PUT', url, as: session, payload: { ...filledIn, displayName: 'Niet' } })).statusCode, person).toBe(403);
      expect((await t.request({ method: 'PUT', url: `${url}/logo`, as: session, ...logoForm(sampleFiles.png) })).statusCode, person).toBe(403);
      expect((await t.request({ method: 'DELETE', url: `${url}/logo`, as: session })).statusCode, person).toBe(403);
    }
    const otherAdmin = await t.logIn(t.other.adminLogin);
    expect((await t.request({ method: 'PUT', url, as: otherAdmin, payload: { ...filledIn, displayName: 'Niet' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${url}/logo`, as: otherAdmin })).statusCode).toBe(403);
    expect((await t.request({ url })).json().displayName).not.toBe('Niet');
    expect((await t.request({ url })).json().logoUrl).not.toBeNull();
  });
});
