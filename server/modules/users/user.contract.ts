import { z } from 'zod';
import { int32, requireSomeChange } from '../../platform/input-bounds.ts';
import { roles, scopeTypes } from '../../platform/permissions.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';

const email = z.string().trim().toLowerCase().pipe(z.email()).describe('E-mail address, compared case-insensitively');

export const roleGrantSchema = z
  .object({
    role: z.enum(roles),
    scopeType: z.enum(scopeTypes),
    scopeId: z.uuid().nullable().describe('The council, neighbourhood, department, portfolio or partner organisation; null for municipality-wide roles'),
    title: z.string().nullable().optional().describe('E.g. "voorzitter" for a council member'),
  })
  .meta({ id: 'RoleGrant' });

export const roleGrantInput = z
  .object({
    role: z.enum(roles),
    scopeId: z.uuid().nullable().optional().describe('Required for scoped roles; the scope type follows from the role'),
    title: z.string().trim().max(100).nullable().optional(),
  })
  .meta({ id: 'RoleGrantAssignment' });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(['nl', 'en']),
    isActive: z.boolean(),
    hasPassword: z.boolean().describe('False until the person has set a password with the link from their invitation'),
    homeNeighbourhoodId: z.uuid().nullable().describe('The neighbourhood the person says they live in; forms start there'),
    roles: z.array(roleGrantSchema),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const createdUserSchema = userSchema
  .extend({ invitationExpiresAt: z.iso.datetime({ offset: true }).describe('Until when the e-mailed link to set a password works') })
  .meta({ id: 'CreatedUser' });

export const userListSchema = pageSchema(userSchema).meta({ id: 'UserList' });
export const userListQuery = pageQuery.extend({
  search: z.string().trim().max(100).optional().describe('Part of the name or e-mail address'),
  role: z.enum(roles).optional(),
});

export const userParams = z.object({ municipality: z.string(), userId: z.uuid() });

/**
 * Administrators do not choose passwords for others. A client that still sends one hears why, instead of the
 * field being dropped without a word.
 */
const passwordFromAdministrator = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value !== undefined) context.addIssue({ code: 'custom', message: 'field:passwordByLink' });
  })
  .describe('Not accepted: the person chooses their own password with the single-use link e-mailed to them (POST /users/{userId}/password-link)');

export const createUserBody = z
  .object({
    email,
    displayName: z.string().trim().min(2).max(120),
    locale: z.enum(['nl', 'en']).default('nl'),
    roles: z.array(roleGrantInput).max(50).default([]),
    password: passwordFromAdministrator,
  })
  .meta({ id: 'CreateUser' });

export const updateUserBody = requireSomeChange(z
  .object({
    version: int32().min(1),
    email: email.optional().describe('A new address; the old and the new one both hear of the change, and an unused link to set a password stops working'),
    displayName: z.string().trim().min(2).max(120).optional(),
    locale: z.enum(['nl', 'en']).optional(),
    isActive: z.boolean().optional(),
    roles: z.array(roleGrantInput).max(50).optional(),
    password: passwordFromAdministrator,
  }))
  .meta({ id: 'UpdateUser' });

export const loginBody = z
  .object({ email, password: z.string().min(1).max(200) })
  .meta({ id: 'Login' });

export const changeOwnPasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().max(200).describe('12 to 128 characters, not a commonly used or leaked password nor one built from such a word or from the e-mail address'),
  })
  .meta({ id: 'ChangeOwnPassword' });

export const ownPasswordChangedSchema = z
  .object({ revokedSessions: z.number().int().describe('Sessions on other devices that were ended; this one stays') })
  .meta({ id: 'OwnPasswordChanged' });

export const currentSessionSchema = z
  .object({
    user: userSchema.omit({ version: true }),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every change made with the session cookie'),
    mustEnrolSecondFactor: z.boolean().describe('The role requires a second factor that is not added yet: until it is, only adding one (and logging out) is possible'),
    authenticatedAt: z.iso.datetime({ offset: true }).nullable().describe('When the person last confirmed who they are; changes to roles, passwords and tokens need this to be recent'),
  })
  .meta({ id: 'CurrentSession' });

/** "Who am I" for someone without a session: every page asks, so a visitor gets an answer rather than a 401. */
export const visitorSessionSchema = z
  .object({ user: z.null(), csrfToken: z.null(), mustEnrolSecondFactor: z.literal(false), authenticatedAt: z.null() })
  .meta({ id: 'VisitorSession' });

const passkeyOptionsSchema = z.record(z.string(), z.unknown()).describe('WebAuthn options for navigator.credentials (PublicKeyCredentialRequestOptionsJSON / CreationOptionsJSON)');
const secondFactorKind = z.enum(['totp', 'passkey']);

export const secondFactorChallengeSchema = z
  .object({
    secondFactorRequired: z.literal(true),
    challengeToken: z.string().describe('Send back with the code or passkey to POST /sessions/second-factor within five minutes'),
    methods: z.array(secondFactorKind),
    passkeyOptions: passkeyOptionsSchema.nullable(),
  })
  .meta({ id: 'SecondFactorChallenge' });

/** A proof of the second factor: a six-digit code from the authenticator app, or the browser's passkey answer. */
const secondFactorProof = {
  totpCode: z.string().trim().max(12).optional().describe('The six digits the authenticator app shows'),
  passkey: z.record(z.string(), z.unknown()).optional().describe('The PublicKeyCredential JSON from navigator.credentials.get'),
};

export const completeLoginBody = z.object({ challengeToken: z.string().min(1).max(200), ...secondFactorProof }).meta({ id: 'CompleteLogin' });

export const reauthenticationOptionsSchema = z
  .object({ methods: z.array(z.enum(['password', 'totp', 'passkey'])), passkeyOptions: passkeyOptionsSchema.nullable() })
  .meta({ id: 'ReauthenticationOptions' });
export const reauthenticateBody = z.object({ password: z.string().max(200).optional(), ...secondFactorProof }).meta({ id: 'Reauthenticate' });
export const reauthenticatedSchema = z.object({ authenticatedAt: z.iso.datetime({ offset: true }) }).meta({ id: 'Reauthenticated' });

export const secondFactorSchema = z
  .object({ id: z.uuid(), kind: secondFactorKind, label: z.string(), createdAt: z.iso.datetime({ offset: true }), lastUsedAt: z.iso.datetime({ offset: true }).nullable() })
  .meta({ id: 'SecondFactor' });
export const mySecondFactorsSchema = z
  .object({ required: z.boolean().describe('Whether the person’s role requires a second factor'), items: z.array(secondFactorSchema) })
  .meta({ id: 'MySecondFactors' });
const factorLabel = z.string().trim().min(1).max(60).describe('Your own name for it, e.g. "telefoon" or "YubiKey"');
export const beginTotpBody = z.object({ label: factorLabel }).meta({ id: 'BeginTotp' });
export const totpEnrolmentSchema = z
  .object({
    factorId: z.uuid(),
    secret: z.string().describe('Base32, to type into the app when the QR code cannot be scanned'),
    otpauthUri: z.string(),
    qrSvg: z.string().describe('The otpauth URI as a QR code (SVG)'),
  })
  .meta({ id: 'TotpEnrolment' });
export const confirmTotpBody = z.object({ code: z.string().trim().max(12) }).meta({ id: 'ConfirmTotp' });
export const finishPasskeyBody = z.object({ label: factorLabel, response: z.record(z.string(), z.unknown()).describe('The PublicKeyCredential JSON from navigator.credentials.create') }).meta({ id: 'FinishPasskey' });
export const secondFactorParams = z.object({ municipality: z.string(), factorId: z.uuid() });
export const secondFactorsResetSchema = z.object({ removed: z.number().int() }).meta({ id: 'SecondFactorsReset' });

export const sendPasswordLinkBody = z
  .object({
    blockCurrentPassword: z.boolean().default(false).describe('Also make the current password stop working now and end every session (when it may be known to someone else)'),
  })
  .meta({ id: 'SendPasswordLink' });
export const passwordLinkSentSchema = z.object({ expiresAt: z.iso.datetime({ offset: true }) }).meta({ id: 'PasswordLinkSent' });
const linkToken = z.string().min(1).max(200).describe('The part of the link after "#"');
export const inspectPasswordLinkBody = z.object({ token: linkToken }).meta({ id: 'InspectPasswordLink' });
export const passwordLinkSchema = z
  .object({ email: z.string(), displayName: z.string(), purpose: z.enum(['invitation', 'reset', 'forgotten']).describe('invitation: a new account; reset: sent by an administrator; forgotten: asked for by the person'), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'PasswordLink' });
export const redeemPasswordLinkBody = z
  .object({ token: linkToken, newPassword: z.string().max(200).describe('12 to 128 characters, not a commonly used or leaked password nor one built from such a word or from the e-mail address') })
  .meta({ id: 'RedeemPasswordLink' });
export const passwordLinkRedeemedSchema = z.object({ email: z.string() }).meta({ id: 'PasswordLinkRedeemed' });

export const securitySettingsSchema = z
  .object({
    staffSecondFactorRequired: z.boolean().describe('Every municipal employee (advisor, officer, alderman, administrator) logs in with a second factor; administrators always do'),
    residentRegistration: z.enum(['open', 'invitation']).describe('open: residents create their own account (confirmed by e-mail); invitation: only administrators create accounts'),
  })
  .meta({ id: 'SecuritySettings' });
/** Settings left out keep their current value, so an older client cannot switch something off by not knowing it. */
export const updateSecuritySettingsBody = securitySettingsSchema.partial({ residentRegistration: true }).meta({ id: 'UpdateSecuritySettings' });

export const mySessionListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        device: z.string().nullable().describe('The browser’s own description (user agent)'),
        ipAddress: z.string().nullable(),
        createdAt: z.iso.datetime({ offset: true }),
        lastSeenAt: z.iso.datetime({ offset: true }),
        isCurrent: z.boolean().describe('The session this request comes from'),
      }),
    ),
  })
  .meta({ id: 'MySessionList' });
export const sessionParams = z.object({ municipality: z.string(), sessionId: z.uuid() });

export const loggedOutEverywhereSchema = z.object({ revokedSessions: z.number().int() }).meta({ id: 'LoggedOutEverywhere' });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    userId: z.uuid(),
    userDisplayName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().describe('Null only for tokens made before every token got an expiry date'),
  })
  .meta({ id: 'ApiToken' });

export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string().describe('Shown once; send as "Authorization: Bearer <token>"') }).meta({ id: 'CreatedApiToken' });
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) }).meta({ id: 'ApiTokenList' });
export const createApiTokenBody = z
  .object({
    userId: z.uuid().describe('The account the token acts as'),
    name: z.string().trim().min(2).max(100),
    validDays: z.number().int().min(1).max(730).default(365).describe('Days until the token expires (at most two years); a token always expires, so a forgotten one stops working on its own'),
  })
  .meta({ id: 'CreateApiToken' });
export const apiTokenParams = z.object({ municipality: z.string(), apiTokenId: z.uuid() });

export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;
export type RoleGrantInput = z.infer<typeof roleGrantInput>;
