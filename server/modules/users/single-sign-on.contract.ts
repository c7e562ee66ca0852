import { z } from 'zod';
import { roles } from '../../platform/permissions.ts';

/** Which group of the identity provider gives which role: the scope (a department, a council…) by id, or none for municipality-wide roles. */
export const roleMappingSchema = z
  .object({
    group: z.string().trim().min(1).max(200).describe('The value in the groups claim, e.g. "wijkwerk-ambtenaren" or a group id'),
    role: z.enum(roles),
    scopeId: z.uuid().nullable().default(null).describe('The department, neighbourhood, council, portfolio or partner organisation; null for municipality-wide roles'),
  })
  .meta({ id: 'SingleSignOnRoleMapping' });

export const singleSignOnSettingsSchema = z
  .object({
    isEnabled: z.boolean().describe('Shows "Inloggen met …" on the login page'),
    issuer: z.string().describe('The identity provider’s issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0; its /.well-known/openid-configuration is read. Empty until configured'),
    clientId: z.string(),
    hasClientSecret: z.boolean().describe('The secret is stored, encrypted; it is never shown again'),
    label: z.string().describe('The button text after "Inloggen met", e.g. "het gemeenteaccount"'),
    emailClaim: z.string().describe('The claim that holds the e-mail address; usually "email"'),
    groupsClaim: z.string().nullable().describe('The claim that holds the person’s groups; null: no roles from groups'),
    roleMappings: z.array(roleMappingSchema),
    createsAccounts: z.boolean().describe('Someone without an account gets one on first login, with the roles of their groups'),
    staffPasswordLogin: z.boolean().describe('Staff may still log in with a password; administrators always may, so nobody is locked out'),
    redirectUri: z.string().describe('Register this address at the identity provider as the redirect URI'),
  })
  .meta({ id: 'SingleSignOnSettings' });

export const singleSignOnInput = z
  .object({
    isEnabled: z.boolean(),
    issuer: z.url({ protocol: /^https?$/, error: 'field:issuerUrl' }).max(500),
    clientId: z.string().trim().min(1).max(300),
    clientSecret: z.string().min(1).max(2000).optional().describe('Leave out to keep the stored one'),
    label: z.string().trim().min(2).max(60).default('het gemeenteaccount'),
    emailClaim: z.string().trim().min(1).max(100).default('email'),
    groupsClaim: z.string().trim().min(1).max(100).nullable().default(null),
    roleMappings: z.array(roleMappingSchema).max(100).default([]),
    createsAccounts: z.boolean().default(false),
    staffPasswordLogin: z.boolean().default(true),
  })
  .meta({ id: 'SingleSignOnInput' });

export const signOnStartQuery = z.object({ naar: z.string().max(500).optional().describe('The page of the app to return to, e.g. /helmond/mijn') });
export const signOnCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
  // The provider may add error_description and session_state (snake_case, as OpenID Connect names them): not
  // declared here, as the API's own names are camelCase; openid-client reads the whole address itself.
});

export const signOnOptionsSchema = z
  .object({ isEnabled: z.boolean(), label: z.string().nullable(), staffPasswordLogin: z.boolean() })
  .meta({ id: 'SignOnOptions' });

export type SingleSignOnInput = z.infer<typeof singleSignOnInput>;

/** As stored in municipality.settings.singleSignOn; the client secret sealed with SECRET_ENCRYPTION_KEY. */
export interface StoredSingleSignOn extends Omit<SingleSignOnInput, 'clientSecret'> {
  clientSecretSealed: string | null;
}
