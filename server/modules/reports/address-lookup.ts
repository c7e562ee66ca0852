import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';

/** What the PDOK Locatieserver answers on `/free` (its documented Solr response), only the fields we read. */
const locatieserverAnswer = z.object({
  response: z.object({
    docs: z.array(
      z.object({
        weergavenaam: z.string(),
        centroide_ll: z.string().regex(/^POINT\(-?[\d.]+ -?[\d.]+\)$/),
        type: z.string().optional(),
      }),
    ),
  }),
});

export interface AddressSuggestion {
  label: string;
  latitude: number;
  longitude: number;
}

/** "POINT(5.6935 51.4655)": longitude first, as WKT has it. */
function pointOf(wkt: string): { latitude: number; longitude: number } {
  const [longitude, latitude] = wkt.slice('POINT('.length, -1).split(' ').map(Number);
  return { latitude, longitude };
}

/**
 * Typing an address instead of tapping the map: addresses of this municipality from the PDOK Locatieserver (its
 * `free` search, filtered on type and municipality code). Without GEOCODER_URL the lookup is simply not there.
 */
export function createAddressLookup(baseUrl: string | undefined, options: { timeoutMs?: number } = {}) {
  return {
    isAvailable: baseUrl !== undefined,

    async suggest(text: string, municipalityCbsCode: string | null): Promise<AddressSuggestion[]> {
      if (!baseUrl) return [];
      const query = new URLSearchParams({ q: text, rows: '6', fl: 'weergavenaam,centroide_ll,type' });
      query.append('fq', 'type:adres');
      // GM0794 → gemeentecode 0794: only addresses in this municipality.
      if (municipalityCbsCode) query.append('fq', `gemeentecode:${municipalityCbsCode.replace(/^GM/, '')}`);
      let body: unknown;
      try {
        const response = await fetch(`${baseUrl.replace(/\/$/, '')}/free?${query}`, { signal: AbortSignal.timeout(options.timeoutMs ?? 3000), headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`answered ${response.status}`);
        body = await response.json();
      } catch {
        throw new DomainError('ADDRESS_LOOKUP_UNAVAILABLE');
      }
      const parsed = locatieserverAnswer.safeParse(body);
      if (!parsed.success) throw new DomainError('ADDRESS_LOOKUP_UNAVAILABLE');
      return parsed.data.response.docs.map((doc) => ({ label: doc.weergavenaam, ...pointOf(doc.centroide_ll) }));
    },
  };
}

export type AddressLookup = ReturnType<typeof createAddressLookup>;
