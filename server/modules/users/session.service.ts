import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Actor, RoleGrant } from '../../platform/permissions.ts';
import { verifyAgainstDecoy, verifyPassword } from './password.ts';
import { generateToken, hashToken } from './token.ts';
import { createUserRepository, type GrantRow, type UserRow } from './user.repository.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  throttleWindowMinutes: number;
}

/** Touching last-seen on every request would turn every read into a write; once a minute is enough for a 30-minute idle limit. */
const touchIntervalMs = 60_000;

function grantsFrom(rows: GrantRow[]): RoleGrant[] {
  return rows.map((row) => ({ role: row.role, scopeType: row.scopeType, scopeId: row.scopeId }));
}

function actorFrom(user: UserRow, grants: GrantRow[], authenticatedBy: Actor['authenticatedBy'], sessionId?: string): Actor {
  return { userId: user.id, municipalityId: user.municipalityId, displayName: user.displayName, email: user.email, grants: grantsFrom(grants), authenticatedBy, sessionId };
}

export function createSessionService(dependencies: { db: Executor; clock: Clock; policy: SessionPolicy }) {
  const { db, clock, policy } = dependencies;

  /**
   * Counts this attempt against the account and the address before the password is checked, and refuses it
   * when either is over its limit. Counting first makes the limit hold for parallel guesses too: checking
   * and recording afterwards let every request of a burst pass the check before any failure was written.
   * Returns the attempt's rows, which stay as the failure record unless the login succeeds.
   */
  async function reserveAttempt(accountKey: string, ipKey: string): Promise<string[]> {
    const repository = createUserRepository(db);
    const now = clock.now();
    const attemptIds = await repository.recordFailures([accountKey, ipKey], now);
    const since = new Date(now.getTime() - policy.throttleWindowMinutes * 60_000);
    const failures = await repository.countFailuresSince([accountKey, ipKey], since);
    if ((failures.get(accountKey) ?? 0) > policy.maxFailuresPerAccount || (failures.get(ipKey) ?? 0) > policy.maxFailuresPerIp) {
      // A refused attempt checked no password, so it does not extend the lock-out.
      await repository.removeFailures(attemptIds);
      throw new DomainError('TOO_MANY_LOGIN_ATTEMPTS', {
        params: { minutes: policy.throttleWindowMinutes },
        headers: { 'retry-after': String(policy.throttleWindowMinutes * 60) },
      });
    }
    return attemptIds;
  }

  return {
    /** Email + password → a new session. Failures count against the account and the address it came from. */
    async logIn(context: UseCaseContext, input: { email: string; password: string; ipAddress: string; userAgent?: string }) {
      const email = input.email.trim().toLowerCase();
      const accountKey = `account:${context.municipalityId}:${email}`;
      const ipKey = `ip:${input.ipAddress}`;
      const attemptIds = await reserveAttempt(accountKey, ipKey);

      const repository = createUserRepository(db);
      const user = await repository.findByEmail(context.municipalityId, email);
      const isValid = user?.passwordHash && user.isActive ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
      if (!user || !isValid) throw new DomainError('INVALID_CREDENTIALS');

      const token = generateToken();
      const now = clock.now();
      const session = await inTransaction(db, async (tx) => {
        const inTx = createUserRepository(tx);
        // A good password wipes the account's failures and takes this attempt off the address's count.
        await inTx.clearFailures(accountKey);
        await inTx.removeFailures(attemptIds);
        const created = await inTx.insertSession({
          municipalityId: context.municipalityId,
          userId: user.id,
          tokenHash: hashToken(token),
          csrfToken: generateToken(),
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
          ipAddress: input.ipAddress,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        });
        const grants = await inTx.grantsOf(context.municipalityId, [user.id]);
        const actor = actorFrom(user, grants, 'session', created.id);
        await recordAudit(tx, clock, { ...context, actor }, { action: 'session.login', entityType: 'user', entityId: user.id, after: { sessionId: created.id, ipAddress: input.ipAddress } });
        return { session: created, actor };
      });
      return { token, csrfToken: session.session.csrfToken, expiresAt: session.session.expiresAt, actor: session.actor };
    },

    /** Resolves a session cookie; expired by idle time or absolute age → no actor. */
    async authenticateSession(token: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
      const repository = createUserRepository(db);
      const found = await repository.findSessionByTokenHash(hashToken(token));
      if (!found?.user.isActive) return undefined;
      const now = clock.now();
      const idleLimit = found.session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
      if (now.getTime() > idleLimit || now >= found.session.expiresAt) return undefined;
      if (now.getTime() - found.session.lastSeenAt.getTime() > touchIntervalMs) await repository.touchSession(found.session.id, now);
      const grants = await repository.grantsOf(found.user.municipalityId, [found.user.id]);
      return { actor: actorFrom(found.user, grants, 'session', found.session.id), csrfToken: found.session.csrfToken };
    },

    async authenticateApiToken(token: string): Promise<Actor | undefined> {
      const repository = createUserRepository(db);
      const found = await repository.findApiTokenByHash(hashToken(token));
      if (!found?.user.isActive) return undefined;
      const now = clock.now();
      if (found.token.expiresAt && now >= found.token.expiresAt) return undefined;
      if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > touchIntervalMs) await repository.touchApiToken(found.token.id, now);
      const grants = await repository.grantsOf(found.user.municipalityId, [found.user.id]);
      return actorFrom(found.user, grants, 'api_token');
    },

    async logOut(context: UseCaseContext) {
      const actor = context.actor;
      if (!actor?.sessionId) return;
      await inTransaction(db, async (tx) => {
        await createUserRepository(tx).revokeSession(context.municipalityId, actor.sessionId!, clock.now());
        await recordAudit(tx, clock, context, { action: 'session.logout', entityType: 'user', entityId: actor.userId, after: { sessionId: actor.sessionId } });
      });
    },

    /** Ends every session of the actor, on every device. */
    async logOutEverywhere(context: UseCaseContext): Promise<number> {
      const actor = context.actor;
      if (!actor) return 0;
      return inTransaction(db, async (tx) => {
        const revoked = await createUserRepository(tx).revokeAllSessions(context.municipalityId, actor.userId, clock.now());
        await recordAudit(tx, clock, context, { action: 'session.logoutEverywhere', entityType: 'user', entityId: actor.userId, after: { revokedSessions: revoked } });
        return revoked;
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
