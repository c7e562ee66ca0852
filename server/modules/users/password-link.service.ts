import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import type { Actor } from '../../platform/permissions.ts';
import { notifyUsers } from '../notifications/index.ts';
import { hashPassword } from './password.ts';
import { checkPasswordStrength } from './password.rules.ts';
import { generateToken, hashToken } from './token.ts';
import { userErrors } from './user.errors.ts';
import { userNotices } from './user.notices.ts';
import { createUserRepository, type UserRow } from './user.repository.ts';
import { passwordLink, userAccount } from './user.tables.ts';

export type PasswordLinkPurpose = 'invitation' | 'reset' | 'forgotten';

export interface PasswordLinkPolicy {
  /** How long a link works: long enough for someone who reads mail once a day, short enough to be useless later. */
  validHours: number;
  /** A link the person asked for themselves is used at once or not at all: it lives much shorter. */
  forgottenValidMinutes: number;
}

/**
 * Administrators never choose or see anyone's password. A new account, or one whose password an administrator
 * resets, gets a link by e-mail with which the person sets their own; it works once and expires. The token is in
 * the fragment (#…), which browsers do not send to the server, so it never shows up in access logs or referrers.
 */
export function createPasswordLinkService(dependencies: { db: Executor; clock: Clock; publicUrl: string; policy: PasswordLinkPolicy }) {
  const { db, clock, publicUrl, policy } = dependencies;

  /** Finds a link that still works; an unknown, used or expired one is the same answer, so nothing can be probed. */
  async function findUsable(municipalityId: string, token: string) {
    const [row] = await db
      .select({ link: passwordLink, user: userAccount })
      .from(passwordLink)
      .innerJoin(userAccount, eq(userAccount.id, passwordLink.userId))
      .where(and(eq(passwordLink.municipalityId, municipalityId), eq(passwordLink.tokenHash, hashToken(token)), isNull(passwordLink.usedAt), gt(passwordLink.expiresAt, clock.now())));
    if (!row?.user.isActive) throw new DomainError(userErrors.PASSWORD_LINK_INVALID);
    return row;
  }

  /** Every unused link of the account stops working (its e-mail address changed, or a new link replaces them). */
  async function voidLinks(tx: Executor, municipalityId: string, userId: string) {
    await tx.update(passwordLink).set({ usedAt: clock.now() }).where(and(eq(passwordLink.municipalityId, municipalityId), eq(passwordLink.userId, userId), isNull(passwordLink.usedAt)));
  }

  async function issueLink(tx: Executor, context: UseCaseContext, user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>, purpose: PasswordLinkPurpose): Promise<{ expiresAt: Date; address: string }> {
    const now = clock.now();
    const token = generateToken();
    const validMs = purpose === 'forgotten' ? policy.forgottenValidMinutes * 60_000 : policy.validHours * 3_600_000;
    const expiresAt = new Date(now.getTime() + validMs);
    await voidLinks(tx, context.municipalityId, user.id);
    await tx.insert(passwordLink).values({ municipalityId: context.municipalityId, userId: user.id, tokenHash: hashToken(token), purpose, createdAt: now, expiresAt });
    const address = `${publicUrl.replace(/\/$/, '')}/${context.municipalitySlug}/wachtwoord-instellen#${token}`;
    const notice = { invitation: userNotices.invitation, reset: userNotices.passwordReset, forgotten: userNotices.passwordForgotten }[purpose]({ name: user.displayName, link: address, expiresAt });
    const { subject, body } = notice[user.locale] ?? notice.nl;
    // E-mail only: the person cannot read messages in the app before they can log in.
    await enqueueMessage(tx, clock, { municipalityId: context.municipalityId, channel: 'email', recipientUserId: user.id, recipientEmail: user.email, topic: `user.passwordLink.${purpose}`, subject, body });
    await recordAudit(tx, clock, context, { action: 'user.sendPasswordLink', entityType: 'user', entityId: user.id, after: { purpose, expiresAt } });
    return { expiresAt, address };
  }

  return {
    voidLinks,
    policy,

    /** When the account was last sent a link: a person asking again within minutes gets no second mail. */
    async lastLinkSentAt(tx: Executor, municipalityId: string, userId: string): Promise<Date | undefined> {
      const [row] = await tx
        .select({ createdAt: passwordLink.createdAt })
        .from(passwordLink)
        .where(and(eq(passwordLink.municipalityId, municipalityId), eq(passwordLink.userId, userId)))
        .orderBy(desc(passwordLink.createdAt))
        .limit(1);
      return row?.createdAt;
    },

    /**
     * Makes a new link for the account, voids any earlier one and e-mails it, inside the caller's transaction so
     * the account change and its link are one. Returns when the link expires.
     */
    async sendLink(tx: Executor, context: UseCaseContext, user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>, purpose: PasswordLinkPurpose): Promise<Date> {
      return (await issueLink(tx, context, user, purpose)).expiresAt;
    },

    /**
     * As sendLink, and also returns the link itself: for the command that founds a municipality, which prints its
     * first administrator's invitation on the server for whoever cannot wait for the e-mail.
     */
    issueLink,

    /** What the set-password page shows before the person chooses: whose account, and until when the link works. */
    async inspect(context: UseCaseContext, token: string) {
      const { link, user } = await findUsable(context.municipalityId, token);
      return { email: user.email, displayName: user.displayName, purpose: link.purpose, expiresAt: link.expiresAt.toISOString() };
    },

    /**
     * Sets the password and uses the link up. Strength is checked before the link is used, so a refused password
     * leaves the link working; the link is taken with a conditional update, so two tabs cannot both use it.
     */
    async redeem(context: UseCaseContext, input: { token: string; newPassword: string }) {
      const { user } = await findUsable(context.municipalityId, input.token);
      const problems = checkPasswordStrength(input.newPassword, user.email, 'body.newPassword');
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const passwordHash = await hashPassword(input.newPassword);
      const actor: Actor = { userId: user.id, municipalityId: user.municipalityId, displayName: user.displayName, email: user.email, grants: [], authenticatedBy: 'session' };
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const [used] = await tx
          .update(passwordLink)
          .set({ usedAt: now })
          .where(and(eq(passwordLink.municipalityId, context.municipalityId), eq(passwordLink.tokenHash, hashToken(input.token)), isNull(passwordLink.usedAt), gt(passwordLink.expiresAt, now)))
          .returning({ id: passwordLink.id, purpose: passwordLink.purpose });
        if (!used) throw new DomainError(userErrors.PASSWORD_LINK_INVALID);
        const repository = createUserRepository(tx);
        await repository.setPasswordHash(context.municipalityId, user.id, passwordHash);
        // Whoever was logged in with the old password is not any more.
        const revokedSessions = await repository.revokeAllSessions(context.municipalityId, user.id, now);
        await recordAudit(tx, clock, { ...context, actor }, { action: 'user.setPasswordByLink', entityType: 'user', entityId: user.id, after: { purpose: used.purpose, revokedSessions } });
        await notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [user.id], topic: 'user.passwordSet', notice: userNotices.passwordSetWithLink(), isSecurityNotice: true });
        return { email: user.email };
      });
    },
  };
}

export type PasswordLinkService = ReturnType<typeof createPasswordLinkService>;
