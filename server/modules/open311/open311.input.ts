import { z } from 'zod';
import type { SubmitReport } from '../reports/index.ts';

/**
 * What an Open311 client sends, read the way GeoReport v2 says: flat fields, `attribute[code]=value` for a
 * category's questions. Pure: no Fastify, no database.
 */
export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];

const text = (max: number) => z.string().max(max).optional();

export const open311SubmitFields = z.object({
  jurisdiction_id: text(60),
  api_key: text(200),
  service_code: z.string().trim().min(1).max(80),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: text(200),
  address_id: text(200),
  email: text(320),
  phone: text(30),
  description: text(2000),
  first_name: text(200),
  last_name: text(200),
  device_id: text(200),
  account_id: text(200),
  media_url: text(2000),
});
export type Open311Submit = z.infer<typeof open311SubmitFields> & { attributes: Record<string, string> };

/** A body as fields and attributes: `attribute[code]` keys (form encoding) or an `attribute` object (JSON). */
export function readSubmitBody(body: unknown): { fields: Record<string, unknown>; attributes: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { fields, attributes };
  for (const [key, value] of Object.entries(body as Record<string, unknown>).slice(0, 60)) {
    const attribute = /^attribute\[([^\]]{1,60})\]$/.exec(key);
    if (attribute) attributes[attribute[1]] = String(value);
    else if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, answer] of Object.entries(value as Record<string, unknown>).slice(0, 30)) attributes[code] = String(answer);
    } else fields[key] = Array.isArray(value) ? value[0] : value;
  }
  return { fields, attributes };
}

/**
 * Our submission from theirs. An e-mail address or phone number given to an Open311 client is given to hear back
 * about the report (decision record 13); names, device and account ids are not kept; media_url is not fetched.
 */
export function toSubmitReport(input: z.infer<typeof open311SubmitFields>, attributes: Record<string, string>): Partial<SubmitReport> & Record<string, unknown> {
  const email = input.email?.trim() || undefined;
  const phone = input.phone?.trim() || undefined;
  return {
    categoryCode: input.service_code,
    location: input.lat === undefined || input.long === undefined ? undefined : { latitude: input.lat, longitude: input.long },
    address: input.address_string?.trim() ?? '',
    description: input.description ?? '',
    answers: Object.fromEntries(Object.entries(attributes).filter(([, value]) => value.trim() !== '')),
    email,
    phone,
    contactConsent: Boolean(email || phone),
    mayPublishPhotos: false,
  };
}

/** Our field names back to the specification's, for error descriptions a client's developer recognises. */
export function open311FieldName(field: string): string {
  const name = field.replace(/^(body|querystring|params)\./, '');
  if (name.startsWith('answers.')) return `attribute[${name.slice('answers.'.length)}]`;
  if (name === 'location.latitude') return 'lat';
  if (name === 'location.longitude') return 'long';
  if (name.startsWith('location')) return 'lat, long';
  const names: Record<string, string> = { categoryCode: 'service_code', address: 'address_string', contactConsent: 'email', email: 'email', phone: 'phone', description: 'description', website: 'description' };
  return names[name] ?? name;
}

export const open311ListQuery = z.object({
  jurisdiction_id: text(60),
  api_key: text(200),
  service_request_id: z
    .string()
    .max(2000)
    .optional()
    .transform((value) => value?.split(',').map((id) => id.trim()).filter(Boolean).slice(0, 100)),
  service_code: z
    .string()
    .max(2000)
    .optional()
    .transform((value) => value?.split(',').map((code) => code.trim()).filter(Boolean).slice(0, 100)),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(1000).default(1000),
});

export const jurisdictionQuery = z.object({ jurisdiction_id: text(60), api_key: text(200) });

/** The window GET requests covers: the dates asked for, or the last 90 days, as the specification suggests. */
export function requestWindow(query: { start_date?: string; end_date?: string; service_request_id?: string[] }, now: Date): { from?: Date; until?: Date } {
  if (query.service_request_id?.length) return {};
  const until = query.end_date ? new Date(query.end_date) : undefined;
  const from = query.start_date ? new Date(query.start_date) : new Date((until ?? now).getTime() - 90 * 86_400_000);
  return { from, until };
}
