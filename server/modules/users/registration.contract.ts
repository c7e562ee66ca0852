import { z } from 'zod';

const email = z.string().trim().toLowerCase().pipe(z.email()).describe('E-mail address, compared case-insensitively');
const linkToken = z.string().min(1).max(200).describe('The part of the link after "#"');

export const registrationOptionsSchema = z
  .object({ isOpen: z.boolean().describe('Residents can create their own account here; otherwise an administrator invites them') })
  .meta({ id: 'RegistrationOptions' });

export const registerBody = z
  .object({
    email,
    displayName: z.string().trim().min(2).max(120).describe('The name others see with your requests and messages'),
    password: z.string().max(200).describe('12 to 128 characters, not a commonly used or leaked password nor one built from such a word or from the e-mail address'),
    locale: z.enum(['nl', 'en']).default('nl').describe('The language of your e-mail and notifications'),
    homeNeighbourhoodId: z.uuid().nullable().optional().describe('The neighbourhood you live in; forms start there'),
  })
  .meta({ id: 'Register' });

export const registrationSentSchema = z
  .object({
    email: z.string(),
    expiresAt: z.iso.datetime({ offset: true }).describe('Until when the confirmation link works'),
  })
  .describe('The same answer whether or not the address already has an account: the e-mail tells the owner which it is')
  .meta({ id: 'RegistrationSent' });

export const confirmRegistrationBody = z.object({ token: linkToken }).meta({ id: 'ConfirmRegistration' });

export const requestPasswordResetBody = z.object({ email }).meta({ id: 'RequestPasswordReset' });
export const passwordResetSentSchema = z
  .object({ email: z.string(), validMinutes: z.number().int().describe('How long the e-mailed link works') })
  .describe('The same answer whether or not the address has an account')
  .meta({ id: 'PasswordResetSent' });

export const homeNeighbourhoodBody = z.object({ homeNeighbourhoodId: z.uuid().nullable().describe('Null: no neighbourhood chosen') }).meta({ id: 'SetHomeNeighbourhood' });
export const homeNeighbourhoodSchema = homeNeighbourhoodBody.meta({ id: 'HomeNeighbourhood' });
