import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { createUserRepository, generateToken, hashPassword, hashToken, verifyPassword } from '../users/index.ts';
import { platformErrors } from './platform-administration.errors.ts';
import { platformAdministrator, platformSession } from './platform-administration.tables.ts';

export interface PlatformAdministrator {
  id: string;
  email: string;
  displayName: string;
}

export interface PlatformSessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Failed platform logins from one address within a quarter of an hour before it has to wait: few, as there are few such people. */
const failuresPerAddress = 10;
const failureWindowMs = 15 * 60_000;
const touchIntervalMs = 60_000;

/** Logging in as a platform administrator, and the sessions that follow: apart from every municipality's accounts. */
export function createPlatformSessionService(dependencies: { db: Executor; clock: Clock; policy: PlatformSessionPolicy }) {
  const { db, clock, policy } = dependencies;

  return {
    async logIn(input: { email: string; password: string; ipAddress: string }) {
      const email = input.email.trim().toLowerCase();
      const throttleKey = `platform-ip:${input.ipAddress}`;
      const failures = createUserRepository(db);
      const now = clock.now();
      const [attempt] = await failures.recordFailures([throttleKey], now);
      const recent = await failures.countFailuresSince([throttleKey], new Date(now.getTime() - failureWindowMs));
      if ((recent.get(throttleKey) ?? 0) > failuresPerAddress) {
        await failures.removeFailures([attempt]);
        throw new DomainError('TOO_MANY_LOGIN_ATTEMPTS', { params: { minutes: 15 }, headers: { 'retry-after': String(failureWindowMs / 1000) } });
      }
      const [administrator] = await db.select().from(platformAdministrator).where(eq(platformAdministrator.email, email));
      // A wrong address costs a hash too, so the answer's timing tells nothing about who exists.
      const canLogIn = administrator !== undefined && administrator.disabledAt === null;
      const checked = await verifyPassword(canLogIn ? administrator.passwordHash : await decoy(), input.password);
      const isValid = canLogIn && checked;
      if (!administrator || !isValid) throw new DomainError(platformErrors.PLATFORM_LOGIN_FAILED);
      const token = generateToken();
      const csrfToken = generateToken();
      await inTransaction(db, async (tx) => {
        await createUserRepository(tx).removeFailures([attempt]);
        await tx.insert(platformSession).values({ administratorId: administrator.id, tokenHash: hashToken(token), csrfToken, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000) });
      });
      return { token, csrfToken, administrator: { id: administrator.id, email: administrator.email, displayName: administrator.displayName } };
    },

    /** The administrator behind a session cookie, while the session is neither idle too long, expired nor ended. */
    async authenticate(token: string): Promise<{ administrator: PlatformAdministrator; csrfToken: string } | undefined> {
      const now = clock.now();
      const [found] = await db
        .select({ session: platformSession, administrator: platformAdministrator })
        .from(platformSession)
        .innerJoin(platformAdministrator, eq(platformAdministrator.id, platformSession.administratorId))
        .where(and(eq(platformSession.tokenHash, hashToken(token)), isNull(platformSession.revokedAt), gt(platformSession.expiresAt, now), isNull(platformAdministrator.disabledAt)));
      if (!found) return undefined;
      if (now.getTime() - found.session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return undefined;
      if (now.getTime() - found.session.lastSeenAt.getTime() > touchIntervalMs) {
        await db.update(platformSession).set({ lastSeenAt: now }).where(eq(platformSession.id, found.session.id));
      }
      const { administrator } = found;
      return { administrator: { id: administrator.id, email: administrator.email, displayName: administrator.displayName }, csrfToken: found.session.csrfToken };
    },

    async logOut(token: string): Promise<void> {
      await db.update(platformSession).set({ revokedAt: clock.now() }).where(and(eq(platformSession.tokenHash, hashToken(token)), isNull(platformSession.revokedAt)));
    },
  };
}

export type PlatformSessionService = ReturnType<typeof createPlatformSessionService>;

let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches no platform administrator');
  return decoyHash;
}

/**
 * Makes a platform administrator, or gives an existing one a new password (the command on the server is the only
 * way in, so it is also the way back in). Returns whether the administrator was new.
 */
export async function savePlatformAdministrator(db: Executor, clock: Clock, input: { email: string; displayName: string; password: string }): Promise<'created' | 'updated'> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: platformAdministrator.id }).from(platformAdministrator).where(eq(platformAdministrator.email, email)).for('update');
    if (existing) {
      await tx.update(platformAdministrator).set({ passwordHash, displayName: input.displayName, disabledAt: null }).where(eq(platformAdministrator.id, existing.id));
      // A new password ends the sessions opened with the old one.
      await tx.update(platformSession).set({ revokedAt: clock.now() }).where(and(eq(platformSession.administratorId, existing.id), isNull(platformSession.revokedAt)));
      return 'updated';
    }
    await tx.insert(platformAdministrator).values({ email, displayName: input.displayName, passwordHash, createdAt: clock.now() });
    return 'created';
  });
}

export async function countPlatformAdministrators(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(platformAdministrator).where(sql`${platformAdministrator.disabledAt} is null`);
  return row.value;
}
