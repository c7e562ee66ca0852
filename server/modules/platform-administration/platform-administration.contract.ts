import { z } from 'zod';
import { municipalitySchema } from '../municipalities/index.ts';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email()).describe('E-mail address, compared case-insensitively');

/** Paths the web app and the server use themselves: a municipality cannot be called after one of them. */
export const reservedSlugs = new Set(['api', 'assets', 'platformbeheer', 'platform', 'beheer', 'healthz', 'readyz', 'open311', 'favicon.ico', 'robots.txt', 'sw.js', 'manifest.webmanifest']);

export const platformLoginBody = z.object({ email, password: z.string().min(1).max(200) }).meta({ id: 'PlatformLogin' });

export const platformSessionSchema = z
  .object({
    administrator: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }).nullable().describe('Null when nobody is logged in as a platform administrator'),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every change made with the platform session cookie'),
  })
  .meta({ id: 'PlatformSession' });

export const foundMunicipalityBody = z
  .object({
    name: z.string().trim().min(2).max(100).describe('As the municipality calls itself, e.g. "Eindhoven"'),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'field:slugFormat')
      .max(40)
      .refine((slug) => !reservedSlugs.has(slug), 'field:slugReserved')
      .describe('The municipality in every web address, e.g. "eindhoven" in /eindhoven/wijken'),
    cbsCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^GM\d{4}$/, 'field:cbsMunicipalityCode')
      .describe('The CBS municipality code, e.g. GM0772; the area import takes the wijken and buurten under it'),
    administrator: z
      .object({
        displayName: z.string().trim().min(2).max(100),
        email,
        locale: z.enum(['nl', 'en']).default('nl'),
      })
      .describe('The municipality’s first administrator: gets an e-mail with a link to choose a password'),
  })
  .meta({ id: 'FoundMunicipality' });

export const foundedMunicipalitySchema = z
  .object({
    municipality: municipalitySchema,
    administrator: z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), invitationExpiresAt: z.iso.datetime({ offset: true }) }),
    startedWith: z.object({ meetingKinds: z.number().int(), themes: z.number().int(), reportCategories: z.number().int() }).describe('The note’s defaults the municipality starts with'),
  })
  .meta({ id: 'FoundedMunicipality' });

export const platformMunicipalitySchema = municipalitySchema
  .extend({
    createdAt: z.iso.datetime({ offset: true }),
    neighbourhoods: z.number().int().describe('How many wijken it has'),
    users: z.number().int().describe('How many accounts it has'),
  })
  .meta({ id: 'PlatformMunicipality' });

export const platformMunicipalityListSchema = z.object({ items: z.array(platformMunicipalitySchema) }).meta({ id: 'PlatformMunicipalityList' });

export type FoundMunicipality = z.infer<typeof foundMunicipalityBody>;
