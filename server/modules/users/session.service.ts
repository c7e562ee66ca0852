import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { userErrors } from './user.errors.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Actor, RoleGrant } from '../../platform/permissions.ts';
import { notifyUsers } from '../notifications/index.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password.ts';
import { checkPasswordStrength } from './password.rules.ts';
import { accountAddressMemoryMs, type LoginThrottlePolicy, secondsUntilAccountAddressRetry, secondsUntilAddressRetry, throttledAddress } from './login-throttle.rules.ts';
import { generateToken, hashToken } from './token.ts';
import { userNotices } from './user.notices.ts';
import { and, eq, lt, sql } from 'drizzle-orm';
import { createUserRepository, type GrantRow, type SessionRow, type UserRow } from './user.repository.ts';
import type { SecondFactorProof, SecondFactorService } from './second-factor.service.ts';
import { authChallenge } from './second-factor.tables.ts';
import { userSession } from './user.tables.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import type { StoredSingleSignOn } from './single-sign-on.contract.ts';
import { isPasswordLoginRefused } from './single-sign-on.rules.ts';

/** After a correct password: either a session, or the second step still to take. */
export type LoginOutcome =
  | { kind: 'session'; token: string; csrfToken: string; expiresAt: Date; actor: Actor }
  | { kind: 'secondFactorNeeded'; challengeToken: string; methods: ('totp' | 'passkey')[]; passkeyOptions: unknown };

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  throttle: LoginThrottlePolicy;
}

/** Touching last-seen on every request would turn every read into a write; once a minute is enough for a 30-minute idle limit. */
const touchIntervalMs = 60_000;

function grantsFrom(rows: GrantRow[]): RoleGrant[] {
  return rows.map((row) => ({ role: row.role, scopeType: row.scopeType, scopeId: row.scopeId }));
}

function actorFrom(user: UserRow, grants: GrantRow[], authenticatedBy: Actor['authenticatedBy'], session?: SessionRow): Actor {
  const actor: Actor = { userId: user.id, municipalityId: user.municipalityId, displayName: user.displayName, email: user.email, grants: grantsFrom(grants), authenticatedBy };
  if (session) Object.assign(actor, { sessionId: session.id, authenticatedAt: session.authenticatedAt, mustEnrolSecondFactor: session.mustEnrolSecondFactor });
  return actor;
}

/** Between the password and the second factor: five minutes and five tries, then the person starts again. */
const loginStepMs = 5 * 60_000;
const loginStepAttempts = 5;

export function createSessionService(dependencies: { db: Executor; clock: Clock; policy: SessionPolicy; publicUrl: string; secondFactors: SecondFactorService }) {
  const { db, clock, policy, publicUrl, secondFactors } = dependencies;

  /** A new session for a person whose identity is settled; returns the token for the cookie. */
  async function openSession(tx: Executor, context: UseCaseContext, user: UserRow, input: { ipAddress: string; userAgent?: string; secondFactorAt: Date | null; mustEnrolSecondFactor: boolean; via: string }) {
    const token = generateToken();
    const now = clock.now();
    const inTx = createUserRepository(tx);
    const created = await inTx.insertSession({
      municipalityId: context.municipalityId,
      userId: user.id,
      tokenHash: hashToken(token),
      csrfToken: generateToken(),
      createdAt: now,
      lastSeenAt: now,
      authenticatedAt: now,
      secondFactorAt: input.secondFactorAt,
      mustEnrolSecondFactor: input.mustEnrolSecondFactor,
      expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    const grants = await inTx.grantsOf(context.municipalityId, [user.id]);
    const actor = actorFrom(user, grants, 'session', created);
    await recordAudit(tx, clock, { ...context, actor }, { action: 'session.login', entityType: 'user', entityId: user.id, after: { sessionId: created.id, ipAddress: input.ipAddress, via: input.via } });
    return { token, csrfToken: created.csrfToken, expiresAt: created.expiresAt, actor };
  }

  /**
   * Counts this attempt against the account-and-address pair and the address before the password is
   * checked, and refuses it when either has to wait. Counting first makes the limits hold for parallel
   * guesses too: each attempt of a burst sees the ones recorded before it, so no more than the free
   * failures get a password checked. Returns the attempt's rows, which stay as the failure record unless
   * the login succeeds.
   */
  async function reserveAttempt(accountAddressKey: string, addressKey: string): Promise<string[]> {
    const repository = createUserRepository(db);
    const throttle = policy.throttle;
    const now = clock.now();
    const attemptIds = await repository.recordFailures([accountAddressKey, addressKey], now);
    // Any sensible wait reaches its maximum within 32 doublings; older failures beyond those change nothing.
    const remembered = await repository.recentFailures(accountAddressKey, new Date(now.getTime() - accountAddressMemoryMs(throttle)), throttle.freeFailuresPerAccountAndAddress + 32);
    const earlier = remembered.filter((failure) => !attemptIds.includes(failure.id)).map((failure) => failure.occurredAt);
    const addressFailures = await repository.countFailuresSince([addressKey], new Date(now.getTime() - throttle.addressWindowMinutes * 60_000));
    const waitSeconds = Math.max(secondsUntilAccountAddressRetry(earlier, now, throttle), secondsUntilAddressRetry(addressFailures.get(addressKey) ?? 0, throttle));
    if (waitSeconds > 0) {
      // A refused attempt checked no password, so it does not lengthen the wait.
      await repository.removeFailures(attemptIds);
      throw new DomainError(userErrors.TOO_MANY_LOGIN_ATTEMPTS, { params: { minutes: Math.ceil(waitSeconds / 60) }, headers: { 'retry-after': String(waitSeconds) } });
    }
    return attemptIds;
  }

  return {
    /**
     * A resident who just confirmed their registration is logged in at once: the link proved the address and the
     * password was chosen with it. Residents need no second factor, so none is asked for.
     */
    openSessionAfterRegistration(tx: Executor, context: UseCaseContext, user: UserRow, input: { ipAddress: string; userAgent?: string }) {
      return openSession(tx, context, user, { ...input, secondFactorAt: null, mustEnrolSecondFactor: false, via: 'registration' });
    },

    /**
     * The municipality's identity provider vouched for the person (single sign-on): a session, without a second step
     * here, since the provider asks for its own.
     */
    openSessionAfterSignOn(tx: Executor, context: UseCaseContext, user: UserRow, input: { ipAddress: string; userAgent?: string }) {
      return openSession(tx, context, user, { ...input, secondFactorAt: null, mustEnrolSecondFactor: false, via: 'sso' });
    },

    /** Email + password → a new session. Failures count against the account from this address, and against the address. */
    async logIn(context: UseCaseContext, input: { email: string; password: string; ipAddress: string; userAgent?: string }) {
      const email = input.email.trim().toLowerCase();
      const address = throttledAddress(input.ipAddress);
      const accountAddressKey = `account-ip:${context.municipalityId}:${email}:${address}`;
      const addressKey = `ip:${address}`;
      const attemptIds = await reserveAttempt(accountAddressKey, addressKey);

      const repository = createUserRepository(db);
      const user = await repository.findByEmail(context.municipalityId, email);
      const isValid = user?.passwordHash && user.isActive ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
      if (!user || !isValid) throw new DomainError(userErrors.INVALID_CREDENTIALS);

      return inTransaction(db, async (tx): Promise<LoginOutcome> => {
        const inTx = createUserRepository(tx);
        // A good password wipes the account's failures from this address and takes this attempt off the address's count.
        await inTx.clearFailures(accountAddressKey);
        await inTx.removeFailures(attemptIds);
        const roles = await inTx.grantsOf(context.municipalityId, [user.id]);
        const signOn = (await createMunicipalityRepository(tx).readSettings(context.municipalityId, 'singleSignOn')) as StoredSingleSignOn | undefined;
        if (isPasswordLoginRefused(signOn, roles)) throw new DomainError(userErrors.PASSWORD_LOGIN_OFF, { params: { label: signOn?.label ?? '' } });
        const factors = await secondFactors.confirmedOf(tx, context.municipalityId, user.id);
        if (factors.length > 0) {
          // The password was right; the session opens only after the second factor (completeLogin).
          const challengeToken = generateToken();
          const passkeyOptions = await secondFactors.passkeyOptionsFor(factors);
          const now = clock.now();
          await tx.insert(authChallenge).values({ municipalityId: context.municipalityId, userId: user.id, purpose: 'login', tokenHash: hashToken(challengeToken), passkeyChallenge: passkeyOptions?.challenge ?? null, createdAt: now, expiresAt: new Date(now.getTime() + loginStepMs) });
          return { kind: 'secondFactorNeeded', challengeToken, methods: [...new Set(factors.map((factor) => factor.kind))], passkeyOptions };
        }
        const grants = await inTx.grantsOf(context.municipalityId, [user.id]);
        const mustEnrolSecondFactor = await secondFactors.isRequired(tx, context.municipalityId, grants);
        return { kind: 'session', ...(await openSession(tx, context, user, { ...input, secondFactorAt: null, mustEnrolSecondFactor, via: 'password' })) };
      });
    },

    /**
     * Step 2 of a login with a second factor: the code or passkey for the challenge handed out after the password.
     * A wrong proof counts as a failed login (so the usual waits apply) and uses up one of five tries.
     */
    async completeLogin(context: UseCaseContext, input: SecondFactorProof & { challengeToken: string; ipAddress: string; userAgent?: string }) {
      const now = clock.now();
      const [challenge] = await db
        .select()
        .from(authChallenge)
        .where(and(eq(authChallenge.municipalityId, context.municipalityId), eq(authChallenge.tokenHash, hashToken(input.challengeToken)), eq(authChallenge.purpose, 'login')));
      if (!challenge || challenge.expiresAt <= now || challenge.attempts >= loginStepAttempts) throw new DomainError(userErrors.LOGIN_STEP_EXPIRED);
      const user = await createUserRepository(db).findById(context.municipalityId, challenge.userId);
      if (!user?.isActive) throw new DomainError(userErrors.LOGIN_STEP_EXPIRED);
      const address = throttledAddress(input.ipAddress);
      const accountAddressKey = `account-ip:${context.municipalityId}:${user.email}:${address}`;
      const attemptIds = await reserveAttempt(accountAddressKey, `ip:${address}`);

      const outcome = await inTransaction(db, async (tx) => {
        // Taking a try is conditional on the count, so parallel guesses cannot share one.
        const [taken] = await tx
          .update(authChallenge)
          .set({ attempts: sql`${authChallenge.attempts} + 1` })
          .where(and(eq(authChallenge.id, challenge.id), lt(authChallenge.attempts, loginStepAttempts)))
          .returning();
        if (!taken) return undefined;
        const factors = await secondFactors.confirmedOf(tx, context.municipalityId, user.id);
        const used = await secondFactors.verify(tx, factors, input, challenge.passkeyChallenge);
        if (!used) return undefined;
        await tx.delete(authChallenge).where(eq(authChallenge.id, challenge.id));
        const inTx = createUserRepository(tx);
        await inTx.clearFailures(accountAddressKey);
        await inTx.removeFailures(attemptIds);
        return openSession(tx, context, user, { ...input, secondFactorAt: now, mustEnrolSecondFactor: false, via: used.kind });
      });
      if (!outcome) throw new DomainError(userErrors.SECOND_FACTOR_FAILED);
      return outcome;
    },

    /** What a person needs to confirm it is them again: their password, or (with a second factor) a code or passkey. */
    async reauthenticationOptions(context: UseCaseContext) {
      const actor = context.actor;
      if (!actor?.sessionId) throw new DomainError('PERSON_REQUIRED');
      const factors = await secondFactors.confirmedOf(db, context.municipalityId, actor.userId);
      if (factors.length === 0) return { methods: ['password'] as const, passkeyOptions: undefined };
      const passkeyOptions = await secondFactors.passkeyOptionsFor(factors);
      await inTransaction(db, async (tx) => {
        await tx.delete(authChallenge).where(and(eq(authChallenge.sessionId, actor.sessionId!), eq(authChallenge.purpose, 'reauthentication')));
        if (passkeyOptions) {
          const now = clock.now();
          await tx.insert(authChallenge).values({ municipalityId: context.municipalityId, userId: actor.userId, purpose: 'reauthentication', sessionId: actor.sessionId, passkeyChallenge: passkeyOptions.challenge, createdAt: now, expiresAt: new Date(now.getTime() + loginStepMs) });
        }
      });
      return { methods: [...new Set(factors.map((factor) => factor.kind))], passkeyOptions };
    },

    /**
     * The person confirms it is them, and for the next minutes may change roles, passwords and tokens. Someone with
     * a second factor confirms with it (a password alone would make a stolen password enough); someone without,
     * with their password. A wrong answer counts as a failed login.
     */
    async reauthenticate(context: UseCaseContext, input: SecondFactorProof & { password?: string; ipAddress: string }) {
      const actor = context.actor;
      if (!actor?.sessionId || actor.authenticatedBy !== 'session') throw new DomainError('PERSON_REQUIRED');
      const sessionId = actor.sessionId;
      const address = throttledAddress(input.ipAddress);
      const accountAddressKey = `account-ip:${context.municipalityId}:${actor.email}:${address}`;
      const attemptIds = await reserveAttempt(accountAddressKey, `ip:${address}`);
      const confirmed = await inTransaction(db, async (tx) => {
        const factors = await secondFactors.confirmedOf(tx, context.municipalityId, actor.userId);
        if (factors.length > 0) {
          const [challenge] = await tx.delete(authChallenge).where(and(eq(authChallenge.sessionId, sessionId), eq(authChallenge.purpose, 'reauthentication'))).returning();
          const passkeyChallenge = challenge && challenge.expiresAt > clock.now() ? challenge.passkeyChallenge : null;
          const used = await secondFactors.verify(tx, factors, input, passkeyChallenge);
          return used ? { via: used.kind, field: '' } : { via: undefined, field: input.passkey !== undefined ? 'body.passkey' : 'body.totpCode' };
        }
        const user = await createUserRepository(tx).findById(context.municipalityId, actor.userId);
        const isValid = user?.passwordHash && input.password ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDecoy(input.password ?? '');
        return isValid ? { via: 'password', field: '' } : { via: undefined, field: 'body.password' };
      });
      if (!confirmed.via) {
        const code = confirmed.field === 'body.password' ? 'currentPasswordIncorrect' : confirmed.field === 'body.passkey' ? 'passkeyNotVerified' : 'totpCodeIncorrect';
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: confirmed.field, code }] });
      }
      const now = clock.now();
      await inTransaction(db, async (tx) => {
        const repository = createUserRepository(tx);
        await repository.clearFailures(accountAddressKey);
        await repository.removeFailures(attemptIds);
        await tx.update(userSession).set({ authenticatedAt: now }).where(eq(userSession.id, sessionId));
        await recordAudit(tx, clock, context, { action: 'session.reauthenticate', entityType: 'user', entityId: actor.userId, after: { sessionId, via: confirmed.via } });
      });
      return { authenticatedAt: now.toISOString() };
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
      return { actor: actorFrom(found.user, grants, 'session', found.session), csrfToken: found.session.csrfToken };
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

    /**
     * The logged-in person sets a new password. The current one is asked for, so that someone at an unlocked
     * screen cannot take the account over, and a wrong one counts as a failed login. Every other session ends;
     * this one stays, so the person is not logged out by their own change.
     */
    async changeOwnPassword(context: UseCaseContext, input: { currentPassword: string; newPassword: string; ipAddress: string }) {
      const actor = context.actor;
      if (!actor) throw new DomainError('NOT_AUTHENTICATED');
      // An API token acts for a system, not for the person who knows the password.
      if (actor.authenticatedBy !== 'session' || !actor.sessionId) throw new DomainError('FORBIDDEN');
      const address = throttledAddress(input.ipAddress);
      const accountAddressKey = `account-ip:${context.municipalityId}:${actor.email}:${address}`;
      const attemptIds = await reserveAttempt(accountAddressKey, `ip:${address}`);

      const user = await createUserRepository(db).findById(context.municipalityId, actor.userId);
      if (!user) throw new DomainError('NOT_AUTHENTICATED');
      const isValid = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : await verifyAgainstDecoy(input.currentPassword);
      if (!isValid) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.currentPassword', code: 'currentPasswordIncorrect' }] });
      await createUserRepository(db).removeFailures(attemptIds);

      const problems = input.newPassword === input.currentPassword ? [{ field: 'body.newPassword', code: 'passwordUnchanged' }] : checkPasswordStrength(input.newPassword, user.email, 'body.newPassword');
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const passwordHash = await hashPassword(input.newPassword);

      return inTransaction(db, async (tx) => {
        const repository = createUserRepository(tx);
        await repository.clearFailures(accountAddressKey);
        await repository.setPasswordHash(context.municipalityId, user.id, passwordHash);
        const revokedSessions = await repository.revokeAllSessions(context.municipalityId, user.id, clock.now(), actor.sessionId);
        await recordAudit(tx, clock, context, { action: 'user.changeOwnPassword', entityType: 'user', entityId: user.id, after: { revokedSessions } });
        await notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [user.id], topic: 'user.passwordChanged', notice: userNotices.ownPasswordChanged(), isSecurityNotice: true });
        return { revokedSessions };
      });
    },

    /** Where this person is logged in: device, address, first and last use; the session asking is marked. */
    async listMySessions(context: UseCaseContext) {
      const actor = context.actor;
      if (!actor) throw new DomainError('NOT_AUTHENTICATED');
      const now = clock.now();
      const rows = await createUserRepository(db).listActiveSessions(context.municipalityId, actor.userId, now, new Date(now.getTime() - policy.idleMinutes * 60_000));
      return {
        items: rows.map((row) => ({
          id: row.id,
          device: row.userAgent ? row.userAgent.slice(0, 300) : null,
          ipAddress: row.ipAddress,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          isCurrent: row.id === actor.sessionId,
        })),
      };
    },

    /** Ends one of this person's sessions (a phone left logged in somewhere); someone else's does not exist for them. */
    async endMySession(context: UseCaseContext, sessionId: string): Promise<{ wasCurrent: boolean }> {
      const actor = context.actor;
      if (!actor) throw new DomainError('NOT_AUTHENTICATED');
      return inTransaction(db, async (tx) => {
        if (!(await createUserRepository(tx).revokeOwnSession(context.municipalityId, actor.userId, sessionId, clock.now()))) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'session.end', entityType: 'user', entityId: actor.userId, after: { sessionId } });
        return { wasCurrent: sessionId === actor.sessionId };
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

/** The sweep job that forgets failed logins once they can no longer make anyone wait. */
export function createLoginFailureCleanupJob(dependencies: { clock: Clock; throttle: LoginThrottlePolicy }) {
  const keepMs = Math.max(accountAddressMemoryMs(dependencies.throttle), dependencies.throttle.addressWindowMinutes * 60_000);
  return {
    name: 'forget-old-login-failures',
    run: async (tx: Executor) => createUserRepository(tx).forgetFailuresBefore(new Date(dependencies.clock.now().getTime() - keepMs)),
  };
}
