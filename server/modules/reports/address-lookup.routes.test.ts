import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/free-port.ts';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

// A local stand-in for the PDOK Locatieserver, answering `/free` in its documented Solr format.
let locatieserver: Server;
let asked: URLSearchParams[] = [];
let answerWith: 'addresses' | 'error' | 'garbage' = 'addresses';
let t: TestApp;
let withoutLookup: TestApp;

beforeAll(async () => {
  const port = await freePort();
  locatieserver = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    asked.push(url.searchParams);
    if (answerWith === 'error') return response.writeHead(500).end('storing');
    response.writeHead(200, { 'content-type': 'application/json' });
    if (answerWith === 'garbage') return response.end('{"response": {"docs": [{"weergavenaam": 12}]}}');
    response.end(
      JSON.stringify({
        response: {
          numFound: 2,
          start: 0,
          maxScore: 17.2,
          docs: [
            { type: 'adres', weergavenaam: 'Hortsedijk 12, 5708HA Helmond', centroide_ll: 'POINT(5.69351 51.46552)' },
            { type: 'adres', weergavenaam: 'Hortsedijk 14, 5708HA Helmond', centroide_ll: 'POINT(5.69372 51.46561)' },
          ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => locatieserver.listen(port, '127.0.0.1', resolve));
  t = await createTestApp({ GEOCODER_URL: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1` });
  withoutLookup = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await withoutLookup?.close();
  locatieserver?.close();
});

describe('address lookup for reporters', () => {
  it('asks the Locatieserver for addresses in this municipality only, and gives them with their position', async () => {
    asked = [];
    const response = await t.request({ url: `${tenantPath}/address-suggestions?q=${encodeURIComponent('Hortsedijk 12')}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      isAvailable: true,
      items: [
        { label: 'Hortsedijk 12, 5708HA Helmond', latitude: 51.46552, longitude: 5.69351 },
        { label: 'Hortsedijk 14, 5708HA Helmond', latitude: 51.46561, longitude: 5.69372 },
      ],
    });
    expect(asked[0].get('q')).toBe('Hortsedijk 12');
    expect(asked[0].getAll('fq')).toEqual(['type:adres', 'gemeentecode:0794']);
  });

  it('says the lookup is down (503) when the Locatieserver fails or answers nonsense, and refuses too short a question', async () => {
    answerWith = 'error';
    const down = await t.request({ url: `${tenantPath}/address-suggestions?q=Hortsedijk` });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'ADDRESS_LOOKUP_UNAVAILABLE', title: 'Adres zoeken lukt nu niet' });
    answerWith = 'garbage';
    expect((await t.request({ url: `${tenantPath}/address-suggestions?q=Hortsedijk` })).statusCode).toBe(503);
    answerWith = 'addresses';
    expect((await t.request({ url: `${tenantPath}/address-suggestions?q=Ho` })).json().errors[0].field).toBe('querystring.q');
  });

  it('tells the web app there is no lookup when the installation has none', async () => {
    expect((await withoutLookup.request({ url: `${tenantPath}/address-suggestions?q=Hortsedijk` })).json()).toEqual({ isAvailable: false, items: [] });
    expect((await withoutLookup.request({ url: `${tenantPath}/report-form` })).json()).toEqual({ isAddressLookupAvailable: false });
    expect((await t.request({ url: `${tenantPath}/report-form` })).json()).toEqual({ isAddressLookupAvailable: true });
  });
});
