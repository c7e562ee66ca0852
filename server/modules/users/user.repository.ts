import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { RoleGrant } from '../../platform/permissions.ts';
import { apiToken, loginFailure, roleAssignment, userAccount, userSession } from './user.tables.ts';

export type UserRow = typeof userAccount.$inferSelect;
export type GrantRow = typeof roleAssignment.$inferSelect;
export type SessionRow = typeof userSession.$inferSelect;
export type ApiTokenRow = typeof apiToken.$inferSelect;

export function createUserRepository(db: Executor) {
  return {
    async findByEmail(municipalityId: string, email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.email, email.toLowerCase())));
      return row;
    },

    async findById(municipalityId: string, userId: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      return row;
    },

    async grantsOf(municipalityId: string, userIds: string[]): Promise<GrantRow[]> {
      if (userIds.length === 0) return [];
      return db
        .select()
        .from(roleAssignment)
        .where(and(eq(roleAssignment.municipalityId, municipalityId), inArray(roleAssignment.userId, userIds)))
        .orderBy(asc(roleAssignment.role), asc(roleAssignment.createdAt));
    },

    async usersWithGrantIn(municipalityId: string, scopeType: RoleGrant['scopeType'], scopeIds: string[]) {
      if (scopeIds.length === 0) return [];
      return db
        .select({ grant: roleAssignment, user: userAccount })
        .from(roleAssignment)
        .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
        .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.scopeType, scopeType), inArray(roleAssignment.scopeId, scopeIds), eq(userAccount.isActive, true)))
        .orderBy(asc(userAccount.displayName));
    },

    async list(municipalityId: string, filter: { search?: string; role?: string; offset: number; limit: number }) {
      const conditions = [eq(userAccount.municipalityId, municipalityId)];
      if (filter.search) {
        const pattern = `%${filter.search.replace(/[%_\\]/g, (character) => `\\${character}`)}%`;
        conditions.push(or(ilike(userAccount.displayName, pattern), ilike(userAccount.email, pattern))!);
      }
      if (filter.role) {
        conditions.push(sql`exists (select 1 from role_assignment ra where ra.municipality_id = ${municipalityId} and ra.user_id = ${userAccount.id} and ra.role = ${filter.role})`);
      }
      const where = and(...conditions);
      const [rows, [{ total }]] = await Promise.all([
        db.select().from(userAccount).where(where).orderBy(asc(userAccount.displayName), asc(userAccount.id)).offset(filter.offset).limit(filter.limit),
        db.select({ total: count() }).from(userAccount).where(where),
      ]);
      return { rows, total };
    },

    async insert(values: typeof userAccount.$inferInsert): Promise<UserRow> {
      const [row] = await db.insert(userAccount).values({ ...values, email: values.email.toLowerCase() }).returning();
      return row;
    },

    async update(municipalityId: string, userId: string, expectedVersion: number, values: Partial<typeof userAccount.$inferInsert>): Promise<UserRow | undefined> {
      const [row] = await db
        .update(userAccount)
        .set({ ...values, version: sql`${userAccount.version} + 1` })
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId), eq(userAccount.version, expectedVersion)))
        .returning();
      return row;
    },

    async replaceGrants(municipalityId: string, userId: string, grants: (RoleGrant & { title?: string | null })[]): Promise<void> {
      await db.delete(roleAssignment).where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.userId, userId)));
      if (grants.length > 0) {
        await db.insert(roleAssignment).values(grants.map((grant) => ({ municipalityId, userId, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId, title: grant.title ?? null })));
      }
    },

    async countActiveAdmins(municipalityId: string): Promise<number> {
      const [{ total }] = await db
        .select({ total: count() })
        .from(roleAssignment)
        .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
        .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.role, 'admin'), eq(userAccount.isActive, true)));
      return total;
    },

    // Sessions

    async insertSession(values: typeof userSession.$inferInsert): Promise<SessionRow> {
      const [row] = await db.insert(userSession).values(values).returning();
      return row;
    },

    async findSessionByTokenHash(tokenHash: string) {
      const [row] = await db
        .select({ session: userSession, user: userAccount })
        .from(userSession)
        .innerJoin(userAccount, eq(userAccount.id, userSession.userId))
        .where(and(eq(userSession.tokenHash, tokenHash), isNull(userSession.revokedAt)));
      return row;
    },

    async touchSession(sessionId: string, at: Date): Promise<void> {
      await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, sessionId));
    },

    async revokeSession(municipalityId: string, sessionId: string, at: Date): Promise<void> {
      await db.update(userSession).set({ revokedAt: at }).where(and(eq(userSession.municipalityId, municipalityId), eq(userSession.id, sessionId)));
    },

    /** A person's sessions that still work: not ended, not past their absolute end, used since `activeSince`. */
    async listActiveSessions(municipalityId: string, userId: string, now: Date, activeSince: Date) {
      return db
        .select({ id: userSession.id, ipAddress: userSession.ipAddress, userAgent: userSession.userAgent, createdAt: userSession.createdAt, lastSeenAt: userSession.lastSeenAt })
        .from(userSession)
        .where(
          and(
            eq(userSession.municipalityId, municipalityId),
            eq(userSession.userId, userId),
            isNull(userSession.revokedAt),
            gt(userSession.expiresAt, now),
            gte(userSession.lastSeenAt, activeSince),
          ),
        )
        .orderBy(desc(userSession.lastSeenAt))
        .limit(100);
    },

    /** Ends one session of this person; false when it is not theirs or already ended. */
    async revokeOwnSession(municipalityId: string, userId: string, sessionId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(userSession)
        .set({ revokedAt: at })
        .where(and(eq(userSession.municipalityId, municipalityId), eq(userSession.userId, userId), eq(userSession.id, sessionId), isNull(userSession.revokedAt)))
        .returning({ id: userSession.id });
      return rows.length > 0;
    },

    async revokeAllSessions(municipalityId: string, userId: string, at: Date, exceptSessionId?: string): Promise<number> {
      const rows = await db
        .update(userSession)
        .set({ revokedAt: at })
        .where(and(eq(userSession.municipalityId, municipalityId), eq(userSession.userId, userId), isNull(userSession.revokedAt), exceptSessionId ? ne(userSession.id, exceptSessionId) : undefined))
        .returning({ id: userSession.id });
      return rows.length;
    },

    async setPasswordHash(municipalityId: string, userId: string, passwordHash: string): Promise<void> {
      await db
        .update(userAccount)
        .set({ passwordHash, version: sql`${userAccount.version} + 1` })
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
    },

    async clearPassword(municipalityId: string, userId: string): Promise<void> {
      await db
        .update(userAccount)
        .set({ passwordHash: null, version: sql`${userAccount.version} + 1` })
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
    },

    /** Open sessions of this person may do nothing but add a second factor until they have one. */
    async requireSecondFactorEnrolment(municipalityId: string, userId: string): Promise<void> {
      await db
        .update(userSession)
        .set({ mustEnrolSecondFactor: true })
        .where(and(eq(userSession.municipalityId, municipalityId), eq(userSession.userId, userId), isNull(userSession.revokedAt)));
    },

    // Login throttling

    async countFailuresSince(throttleKeys: string[], since: Date) {
      const rows = await db
        .select({ throttleKey: loginFailure.throttleKey, total: count() })
        .from(loginFailure)
        .where(and(inArray(loginFailure.throttleKey, throttleKeys), gte(loginFailure.occurredAt, since)))
        .groupBy(loginFailure.throttleKey);
      return new Map(rows.map((row) => [row.throttleKey, row.total]));
    },

    /** The newest failures of one key since a moment; `limit` bounds the work for a key under attack. */
    async recentFailures(throttleKey: string, since: Date, limit: number) {
      return db
        .select({ id: loginFailure.id, occurredAt: loginFailure.occurredAt })
        .from(loginFailure)
        .where(and(eq(loginFailure.throttleKey, throttleKey), gte(loginFailure.occurredAt, since)))
        .orderBy(desc(loginFailure.occurredAt))
        .limit(limit);
    },

    async recordFailures(throttleKeys: string[], at: Date): Promise<string[]> {
      const rows = await db
        .insert(loginFailure)
        .values(throttleKeys.map((throttleKey) => ({ throttleKey, occurredAt: at })))
        .returning({ id: loginFailure.id });
      return rows.map((row) => row.id);
    },

    async removeFailures(failureIds: string[]): Promise<void> {
      if (failureIds.length > 0) await db.delete(loginFailure).where(inArray(loginFailure.id, failureIds));
    },

    async forgetFailuresBefore(moment: Date): Promise<void> {
      await db.delete(loginFailure).where(lt(loginFailure.occurredAt, moment));
    },

    async clearFailures(throttleKey: string): Promise<void> {
      await db.delete(loginFailure).where(eq(loginFailure.throttleKey, throttleKey));
    },

    // API tokens

    async insertApiToken(values: typeof apiToken.$inferInsert): Promise<ApiTokenRow> {
      const [row] = await db.insert(apiToken).values(values).returning();
      return row;
    },

    async findApiTokenByHash(tokenHash: string) {
      const [row] = await db
        .select({ token: apiToken, user: userAccount })
        .from(apiToken)
        .innerJoin(userAccount, eq(userAccount.id, apiToken.userId))
        .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt)));
      return row;
    },

    async touchApiToken(tokenId: string, at: Date): Promise<void> {
      await db.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, tokenId));
    },

    async listApiTokens(municipalityId: string): Promise<(ApiTokenRow & { userDisplayName: string })[]> {
      const rows = await db
        .select({ token: apiToken, userDisplayName: userAccount.displayName })
        .from(apiToken)
        .innerJoin(userAccount, eq(userAccount.id, apiToken.userId))
        .where(and(eq(apiToken.municipalityId, municipalityId), isNull(apiToken.revokedAt)))
        .orderBy(asc(apiToken.createdAt))
        .limit(500);
      return rows.map((row) => ({ ...row.token, userDisplayName: row.userDisplayName }));
    },

    async revokeApiToken(municipalityId: string, tokenId: string, at: Date): Promise<ApiTokenRow | undefined> {
      const [row] = await db
        .update(apiToken)
        .set({ revokedAt: at })
        .where(and(eq(apiToken.municipalityId, municipalityId), eq(apiToken.id, tokenId), isNull(apiToken.revokedAt)))
        .returning();
      return row;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

/** Names other modules may show for a user: id and display name, never contact details. */
export async function findUserSummaries(db: Executor, municipalityId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: userAccount.id, displayName: userAccount.displayName })
    .from(userAccount)
    .where(and(eq(userAccount.municipalityId, municipalityId), inArray(userAccount.id, userIds)));
}

/**
 * Who hears of something and how: the notifications module's view of an account. Inactive accounts are left out;
 * the e-mail address is for the outbox only and never leaves the API.
 */
export async function findNotificationRecipients(db: Executor, municipalityId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: userAccount.id, email: userAccount.email, locale: userAccount.locale, wantsEmailCopies: userAccount.wantsEmailCopies, wantsDailyDigest: userAccount.wantsDailyDigest })
    .from(userAccount)
    .where(and(eq(userAccount.municipalityId, municipalityId), inArray(userAccount.id, userIds), eq(userAccount.isActive, true)));
}

export async function findNotificationPreferences(db: Executor, municipalityId: string, userId: string) {
  const [row] = await db
    .select({ wantsEmailCopies: userAccount.wantsEmailCopies, wantsDailyDigest: userAccount.wantsDailyDigest, locale: userAccount.locale })
    .from(userAccount)
    .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
  return row;
}

export async function updateNotificationPreferences(db: Executor, municipalityId: string, userId: string, values: { wantsEmailCopies: boolean; wantsDailyDigest: boolean; locale?: 'nl' | 'en' }) {
  const [row] = await db
    .update(userAccount)
    .set(values)
    .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)))
    .returning({ wantsEmailCopies: userAccount.wantsEmailCopies, wantsDailyDigest: userAccount.wantsDailyDigest, locale: userAccount.locale });
  return row;
}

/** Everyone in a municipality (or all municipalities) who asked for one daily e-mail instead of a copy of each message. */
export async function findDigestSubscribers(db: Executor) {
  return db
    .select({ id: userAccount.id, municipalityId: userAccount.municipalityId, email: userAccount.email, locale: userAccount.locale })
    .from(userAccount)
    .where(and(eq(userAccount.wantsDailyDigest, true), eq(userAccount.isActive, true)))
    .limit(10_000);
}

/** The people holding a role on a scope (e.g. the members of a council), for display: name and title only. */
export async function findScopeMembers(db: Executor, municipalityId: string, role: RoleGrant['role'], scopeIds: string[]) {
  if (scopeIds.length === 0) return [];
  return db
    .select({ scopeId: roleAssignment.scopeId, userId: userAccount.id, displayName: userAccount.displayName, title: roleAssignment.title })
    .from(roleAssignment)
    .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.role, role), inArray(roleAssignment.scopeId, scopeIds), eq(userAccount.isActive, true)))
    .orderBy(asc(userAccount.displayName));
}

/** The active users holding a role anywhere in the municipality (e.g. every administrator). */
export async function findRoleHolderIds(db: Executor, municipalityId: string, role: RoleGrant['role']): Promise<string[]> {
  const rows = await db
    .select({ id: userAccount.id })
    .from(roleAssignment)
    .innerJoin(userAccount, and(eq(userAccount.municipalityId, roleAssignment.municipalityId), eq(userAccount.id, roleAssignment.userId)))
    .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.role, role), eq(userAccount.isActive, true)))
    .limit(1000);
  return [...new Set(rows.map((row) => row.id))];
}

/** Whether this active user of this municipality holds the role (on any scope). */
export async function holdsRole(db: Executor, municipalityId: string, userId: string, role: RoleGrant['role']): Promise<boolean> {
  const rows = await db
    .select({ id: roleAssignment.id })
    .from(roleAssignment)
    .innerJoin(userAccount, and(eq(userAccount.municipalityId, roleAssignment.municipalityId), eq(userAccount.id, roleAssignment.userId)))
    .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.userId, userId), eq(roleAssignment.role, role), eq(userAccount.isActive, true)))
    .limit(1);
  return rows.length > 0;
}

/** When a scope (council, department…) is deleted, the roles on it go too; the accounts stay. */
export async function removeGrantsOnScope(db: Executor, municipalityId: string, scopeType: RoleGrant['scopeType'], scopeId: string): Promise<number> {
  const rows = await db
    .delete(roleAssignment)
    .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.scopeType, scopeType), eq(roleAssignment.scopeId, scopeId)))
    .returning({ id: roleAssignment.id });
  return rows.length;
}
