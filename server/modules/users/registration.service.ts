import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { hashPassword } from './password.ts';
import type { PasswordLinkService } from './password-link.service.ts';
import { checkPasswordStrength } from './password.rules.ts';
import { readSecuritySettings } from './second-factor.service.ts';
import type { SessionService } from './session.service.ts';
import { generateToken, hashToken } from './token.ts';
import { userErrors } from './user.errors.ts';
import { userNotices } from './user.notices.ts';
import { createUserRepository } from './user.repository.ts';
import { registration, roleAssignment, userAccount } from './user.tables.ts';

export interface RegistrationPolicy {
  /** How long the confirmation link works; the registration is deleted after it. */
  linkValidHours: number;
  /** A second registration or reset for the same address within this time sends no second e-mail. */
  resendAfterMinutes: number;
}

/**
 * Residents create their own account and recover a forgotten password. Both answer the same whether or not the
 * address has an account, so the pages cannot be used to find out who uses Wijkwerk; the e-mail tells the
 * owner of the address what applies. An address becomes an account only when its owner uses the link.
 */
export function createRegistrationService(dependencies: { db: Executor; clock: Clock; publicUrl: string; policy: RegistrationPolicy; passwordLinks: PasswordLinkService; sessions: SessionService }) {
  const { db, clock, publicUrl, policy, passwordLinks, sessions } = dependencies;
  const pageUrl = (context: UseCaseContext, path: string) => `${publicUrl.replace(/\/$/, '')}/${context.municipalitySlug}/${path}`;
  const resendWindowMs = policy.resendAfterMinutes * 60_000;

  async function isOpen(tx: Executor, municipalityId: string) {
    return (await readSecuritySettings(tx, municipalityId)).residentRegistration === 'open';
  }

  return {
    async options(context: UseCaseContext) {
      return { isOpen: await isOpen(db, context.municipalityId) };
    },

    async register(context: UseCaseContext, input: { email: string; displayName: string; password: string; locale: 'nl' | 'en'; homeNeighbourhoodId?: string | null }) {
      if (!(await isOpen(db, context.municipalityId))) throw new DomainError(userErrors.REGISTRATION_CLOSED);
      const problems = checkPasswordStrength(input.password, input.email, 'body.password');
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      // Hashed before the transaction: it takes a moment on purpose, and holds no lock meanwhile.
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + policy.linkValidHours * 3_600_000);
      const tenant = await createMunicipalityRepository(db).findById(context.municipalityId);

      await inTransaction(db, async (tx) => {
        const [recent] = await tx
          .select({ createdAt: registration.createdAt })
          .from(registration)
          .where(and(eq(registration.municipalityId, context.municipalityId), eq(registration.email, input.email), gt(registration.createdAt, new Date(now.getTime() - resendWindowMs))))
          .limit(1);
        // Someone pressing the button twice, or a script filling a stranger's inbox: one e-mail is enough.
        if (recent) return;
        const token = generateToken();
        // Recorded even for an existing account, so the window above holds for both kinds of mail.
        const [row] = await tx
          .insert(registration)
          .values({
            municipalityId: context.municipalityId,
            email: input.email,
            displayName: input.displayName,
            passwordHash,
            locale: input.locale,
            homeNeighbourhoodId: input.homeNeighbourhoodId ?? null,
            tokenHash: hashToken(token),
            createdAt: now,
            expiresAt,
          })
          .returning({ id: registration.id });
        const existing = await createUserRepository(tx).findByEmail(context.municipalityId, input.email);
        const recipient = existing?.isActive ? existing : undefined;
        const notice = recipient
          ? userNotices.registrationForExistingAccount({ name: recipient.displayName, logIn: pageUrl(context, 'inloggen'), forgotten: pageUrl(context, 'wachtwoord-vergeten') })
          : userNotices.registrationConfirmation({ name: input.displayName, link: `${pageUrl(context, 'registreren/bevestigen')}#${token}`, expiresAt, municipality: tenant?.name ?? '' });
        const { subject, body } = notice[recipient?.locale ?? input.locale] ?? notice.nl;
        if (recipient) {
          // The link of this row must never make a second account for the address: it is used up at once.
          await tx.update(registration).set({ confirmedAt: now }).where(eq(registration.id, row.id));
        }
        await enqueueMessage(tx, clock, { municipalityId: context.municipalityId, channel: 'email', recipientUserId: recipient?.id, recipientEmail: input.email, topic: 'user.registration', subject, body });
        // Who registered is in the registration row (deleted when it expires); the audit log keeps no address.
        await recordAudit(tx, clock, context, { action: 'user.register', entityType: 'registration', entityId: row.id, after: { forExistingAccount: recipient !== undefined, expiresAt } });
      });
      return { email: input.email, expiresAt: expiresAt.toISOString() };
    },

    /**
     * The link from the e-mail: the account is made with the resident role and the person is logged in. A second
     * use, an expired link, or an address that got an account meanwhile, is the same "link no longer works".
     */
    async confirm(context: UseCaseContext, input: { token: string; ipAddress: string; userAgent?: string }) {
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const [pending] = await tx
          .update(registration)
          .set({ confirmedAt: now })
          .where(and(eq(registration.municipalityId, context.municipalityId), eq(registration.tokenHash, hashToken(input.token)), isNull(registration.confirmedAt), gt(registration.expiresAt, now)))
          .returning();
        if (!pending) throw new DomainError(userErrors.REGISTRATION_LINK_INVALID);
        const repository = createUserRepository(tx);
        if (await repository.findByEmail(context.municipalityId, pending.email)) throw new DomainError(userErrors.REGISTRATION_LINK_INVALID);
        const user = await repository.insert({
          municipalityId: context.municipalityId,
          email: pending.email,
          displayName: pending.displayName,
          passwordHash: pending.passwordHash,
          locale: pending.locale,
          homeNeighbourhoodId: pending.homeNeighbourhoodId,
        });
        await tx.insert(roleAssignment).values({ municipalityId: context.municipalityId, userId: user.id, role: 'resident', scopeType: 'municipality', scopeId: null });
        // The row has done its work; keeping the name and password hash twice serves nobody.
        await tx.delete(registration).where(eq(registration.id, pending.id));
        const actor = { userId: user.id, municipalityId: user.municipalityId, displayName: user.displayName, email: user.email, grants: [], authenticatedBy: 'session' as const };
        await recordAudit(tx, clock, { ...context, actor }, { action: 'user.registrationConfirmed', entityType: 'user', entityId: user.id, after: { role: 'resident', registrationId: pending.id } });
        return sessions.openSessionAfterRegistration(tx, context, user, { ipAddress: input.ipAddress, userAgent: input.userAgent });
      });
    },

    /** "Forgot my password": a short-lived link to the address, if it has an account that can log in. */
    async requestPasswordReset(context: UseCaseContext, input: { email: string }) {
      await inTransaction(db, async (tx) => {
        const user = await createUserRepository(tx).findByEmail(context.municipalityId, input.email);
        if (!user?.isActive || user.erasedAt) return;
        const lastSent = await passwordLinks.lastLinkSentAt(tx, context.municipalityId, user.id);
        if (lastSent && clock.now().getTime() - lastSent.getTime() < resendWindowMs) return;
        await passwordLinks.sendLink(tx, context, user, 'forgotten');
      });
      return { email: input.email, validMinutes: passwordLinks.policy.forgottenValidMinutes };
    },

    /** The neighbourhood the person lives in; the database refuses one of another municipality. */
    async setHomeNeighbourhood(context: UseCaseContext, input: { homeNeighbourhoodId: string | null }) {
      const actor = context.actor;
      if (!actor) throw new DomainError('NOT_AUTHENTICATED');
      return inTransaction(db, async (tx) => {
        const [before] = await tx
          .select({ homeNeighbourhoodId: userAccount.homeNeighbourhoodId })
          .from(userAccount)
          .where(and(eq(userAccount.municipalityId, context.municipalityId), eq(userAccount.id, actor.userId)));
        await tx
          .update(userAccount)
          .set({ homeNeighbourhoodId: input.homeNeighbourhoodId })
          .where(and(eq(userAccount.municipalityId, context.municipalityId), eq(userAccount.id, actor.userId)));
        await recordAudit(tx, clock, context, { action: 'user.homeNeighbourhood', entityType: 'user', entityId: actor.userId, before, after: input });
        return input;
      });
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

/** Unconfirmed registrations hold a name, an address and a password hash: they go once their link has expired. */
export function createRegistrationCleanupJob(dependencies: { clock: Clock }): ScheduledJob {
  return {
    name: 'forget-expired-registrations',
    run: async (tx) => {
      await tx.delete(registration).where(lt(registration.expiresAt, dependencies.clock.now()));
    },
  };
}
