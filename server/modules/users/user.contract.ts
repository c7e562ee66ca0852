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
    roles: z.array(roleGrantSchema),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const userListSchema = pageSchema(userSchema).meta({ id: 'UserList' });
export const userListQuery = pageQuery.extend({
  search: z.string().trim().max(100).optional().describe('Part of the name or e-mail address'),
  role: z.enum(roles).optional(),
});

export const userParams = z.object({ municipality: z.string(), userId: z.uuid() });

export const createUserBody = z
  .object({
    email,
    displayName: z.string().trim().min(2).max(120),
    password: z.string().max(200).optional().describe('12 to 128 characters, not a commonly used or leaked password nor one built from such a word or from the e-mail address; without one the account cannot log in with a password'),
    locale: z.enum(['nl', 'en']).default('nl'),
    roles: z.array(roleGrantInput).max(50).default([]),
  })
  .meta({ id: 'CreateUser' });

export const updateUserBody = requireSomeChange(z
  .object({
    version: int32().min(1),
    displayName: z.string().trim().min(2).max(120).optional(),
    locale: z.enum(['nl', 'en']).optional(),
    isActive: z.boolean().optional(),
    password: z.string().max(200).optional(),
    roles: z.array(roleGrantInput).max(50).optional(),
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
  })
  .meta({ id: 'CurrentSession' });

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
