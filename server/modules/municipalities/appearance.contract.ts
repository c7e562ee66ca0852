import { z } from 'zod';
import { colourRoles } from './appearance.rules.ts';

export const formsOfAddress = ['je', 'u'] as const;
export const logoMediaTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

const hexColour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'field:hexColour')
  .nullable();

const colours = z
  .object(Object.fromEntries(colourRoles.map((role) => [role, hexColour])) as Record<(typeof colourRoles)[number], typeof hexColour>)
  .describe('Design-token colours as #rrggbb; null keeps the standard. primary: buttons; primaryHover: buttons under the pointer; link: links on the white page; header and footer: their backgrounds. Each must reach 4.5:1 against white.')
  .meta({ id: 'MunicipalityColours' });

const contact = z
  .object({
    phone: z.string().trim().min(6).max(30).regex(/^[+\d][\d ()-]+$/, 'field:phoneNumber').nullable(),
    email: z.string().trim().toLowerCase().pipe(z.email()).nullable(),
    address: z.string().trim().min(1).max(300).nullable().describe('Visiting or postal address, one line a row'),
    website: z.string().trim().max(300).pipe(z.url({ protocol: /^https$/, error: 'field:invalidUrl' })).nullable(),
  })
  .meta({ id: 'MunicipalityContact' });

const appearanceFields = {
  displayName: z.string().trim().min(2).max(80).nullable().describe('The name as the municipality shows it, e.g. "Gemeente Helmond"; null shows the registered name'),
  colours,
  formOfAddress: z.enum(formsOfAddress).describe('How the texts for residents address them: informal "je" or formal "u"'),
  contact,
};

export const appearanceSchema = z
  .object({
    municipalityName: z.string().describe('The registered name, as in the CBS list of municipalities'),
    ...appearanceFields,
    logoUrl: z.string().nullable().describe('Where the logo is, with a version that changes when the logo does; null when there is none'),
  })
  .meta({ id: 'MunicipalityAppearance' });

export const updateAppearanceBody = z.object(appearanceFields).meta({ id: 'UpdateMunicipalityAppearance' });
export type AppearanceInput = z.infer<typeof updateAppearanceBody>;

export const logoQuery = z.object({ v: z.string().max(40).optional().describe('Version of the logo; only makes the address change when the logo does') });

export const uploadLogoForm = z
  .object({ file: z.string().meta({ format: 'binary' }).describe('PNG, JPEG or WebP, at most 200 kB') })
  .meta({ id: 'UploadMunicipalityLogo' });
