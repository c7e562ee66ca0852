import { and, asc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RoleGrant } from '../../platform/permissions.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { authenticationOptions, registrationOptions, relyingPartyOf, type StoredPasskey, verifiedAuthentication, verifiedRegistration } from './passkey.ts';
import { authChallenge, secondFactor } from './second-factor.tables.ts';
import { acceptedTotpStep, newTotpEnrolment } from './totp.ts';
import { userNotices } from './user.notices.ts';
import { userSession } from './user.tables.ts';

export type SecondFactorRow = typeof secondFactor.$inferSelect;

/** The municipality's own choice, on top of the rule that administrators always need a second factor. */
export interface SecuritySettings {
  /** Every municipal employee (advisor, officer, alderman, administrator) logs in with a second factor. */
  staffSecondFactorRequired: boolean;
  /** 'open': residents create their own account; 'invitation': only administrators do. */
  residentRegistration: 'open' | 'invitation';
}

export interface SecondFactorPolicy {
  /** Administrators must use a second factor. Only a test set-up turns this off. */
  requiredForAdmins: boolean;
}

/** The roles of municipal employees: they see internal notes and residents' personal data. */
const staffRoles = new Set<RoleGrant['role']>(['advisor', 'officer', 'alderman', 'admin']);

export async function readSecuritySettings(db: Executor, municipalityId: string): Promise<SecuritySettings> {
  const stored = (await createMunicipalityRepository(db).readSettings(municipalityId, 'security')) as Partial<SecuritySettings> | undefined;
  // Open unless the municipality closed it: residents must be able to ask their question.
  return { staffSecondFactorRequired: stored?.staffSecondFactorRequired === true, residentRegistration: stored?.residentRegistration === 'invitation' ? 'invitation' : 'open' };
}

/** A proof of the second factor, as the browser sends it: a code from the app, or a signed passkey challenge. */
export interface SecondFactorProof {
  totpCode?: string;
  passkey?: unknown;
}

const passkeyOf = (row: SecondFactorRow): StoredPasskey => ({ credentialId: row.credentialId!, publicKey: row.publicKey!, signCount: row.signCount ?? 0, transports: row.transports });

export function createSecondFactorService(dependencies: { db: Executor; clock: Clock; publicUrl: string; policy: SecondFactorPolicy; secrets: SecretBox }) {
  const { db, clock, publicUrl, policy, secrets } = dependencies;
  const relyingParty = relyingPartyOf(publicUrl);

  const confirmedOf = (tx: Executor, municipalityId: string, userId: string) =>
    tx
      .select()
      .from(secondFactor)
      .where(and(eq(secondFactor.municipalityId, municipalityId), eq(secondFactor.userId, userId), isNotNull(secondFactor.confirmedAt)))
      .orderBy(asc(secondFactor.createdAt));

  async function isRequired(tx: Executor, municipalityId: string, grants: Pick<RoleGrant, 'role'>[]): Promise<boolean> {
    if (policy.requiredForAdmins && grants.some((grant) => grant.role === 'admin')) return true;
    if (!grants.some((grant) => staffRoles.has(grant.role))) return false;
    return (await readSecuritySettings(tx, municipalityId)).staffSecondFactorRequired;
  }

  /** A session that had to add a second factor may do everything once it has one. */
  async function releaseSessions(tx: Executor, municipalityId: string, userId: string) {
    await tx.update(userSession).set({ mustEnrolSecondFactor: false }).where(and(eq(userSession.municipalityId, municipalityId), eq(userSession.userId, userId)));
  }

  function personOf(context: UseCaseContext) {
    const actor = context.actor;
    if (!actor) throw new DomainError('NOT_AUTHENTICATED');
    // A second factor belongs to a person at a browser, not to an integration.
    if (actor.authenticatedBy !== 'session' || !actor.sessionId) throw new DomainError('PERSON_REQUIRED');
    return { ...actor, sessionId: actor.sessionId };
  }

  async function added(tx: Executor, context: UseCaseContext, factor: SecondFactorRow) {
    await releaseSessions(tx, context.municipalityId, factor.userId);
    await recordAudit(tx, clock, context, { action: 'secondFactor.add', entityType: 'user', entityId: factor.userId, after: { factorId: factor.id, kind: factor.kind, label: factor.label } });
    await notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [factor.userId], topic: 'user.secondFactorAdded', notice: userNotices.secondFactorAdded(factor), isSecurityNotice: true });
  }

  return {
    isRequired,
    confirmedOf,

    /**
     * Checks a proof against the person's factors and, when it holds, records its use (the TOTP step, so the same
     * code cannot be used again; the passkey's counter, so a cloned key shows). Returns the factor used.
     */
    async verify(tx: Executor, factors: SecondFactorRow[], proof: SecondFactorProof, passkeyChallenge: string | null): Promise<SecondFactorRow | undefined> {
      const now = clock.now();
      if (proof.totpCode !== undefined) {
        for (const factor of factors.filter((candidate) => candidate.kind === 'totp')) {
          const step = acceptedTotpStep(secrets.open(factor.totpSecret!), proof.totpCode, now);
          if (step === undefined || (factor.totpLastStep !== null && step <= factor.totpLastStep)) continue;
          // Conditional on the last step, so two requests with the same code cannot both pass.
          const [used] = await tx
            .update(secondFactor)
            .set({ totpLastStep: step, lastUsedAt: now })
            .where(and(eq(secondFactor.id, factor.id), or(isNull(secondFactor.totpLastStep), lt(secondFactor.totpLastStep, step))))
            .returning();
          if (used) return used;
        }
        return undefined;
      }
      if (proof.passkey !== undefined && passkeyChallenge) {
        const passkeys = factors.filter((candidate) => candidate.kind === 'passkey');
        const verified = await verifiedAuthentication(relyingParty, passkeyChallenge, proof.passkey, passkeys.map(passkeyOf));
        if (!verified) return undefined;
        const [used] = await tx.update(secondFactor).set({ signCount: verified.signCount, lastUsedAt: now }).where(eq(secondFactor.credentialId, verified.credentialId)).returning();
        return used;
      }
      return undefined;
    },

    /** Options for the browser to sign with one of these passkeys; undefined when the person has none. */
    async passkeyOptionsFor(factors: SecondFactorRow[]) {
      const passkeys = factors.filter((factor) => factor.kind === 'passkey');
      return passkeys.length > 0 ? authenticationOptions(relyingParty, passkeys.map(passkeyOf)) : undefined;
    },

    /** The person's own factors, without secrets, and whether their role requires one. */
    async listMine(context: UseCaseContext) {
      const actor = context.actor;
      if (!actor) throw new DomainError('NOT_AUTHENTICATED');
      const factors = await confirmedOf(db, context.municipalityId, actor.userId);
      return {
        required: await isRequired(db, context.municipalityId, actor.grants),
        items: factors.map((factor) => ({ id: factor.id, kind: factor.kind, label: factor.label, createdAt: factor.createdAt.toISOString(), lastUsedAt: factor.lastUsedAt?.toISOString() ?? null })),
      };
    },

    /** Step 1 of adding an authenticator app: a new secret to scan. It counts only after a first code (step 2). */
    async beginTotp(context: UseCaseContext, input: { label: string }) {
      const actor = personOf(context);
      return inTransaction(db, async (tx) => {
        // One unfinished enrolment at a time: starting again replaces the previous QR code.
        await tx.delete(secondFactor).where(and(eq(secondFactor.municipalityId, context.municipalityId), eq(secondFactor.userId, actor.userId), eq(secondFactor.kind, 'totp'), isNull(secondFactor.confirmedAt)));
        const enrolment = newTotpEnrolment({ issuer: `Wijkwerk ${context.municipalitySlug}`, label: actor.email });
        const [row] = await tx.insert(secondFactor).values({ municipalityId: context.municipalityId, userId: actor.userId, kind: 'totp', label: input.label, totpSecret: secrets.seal(enrolment.secret), createdAt: clock.now() }).returning();
        return { factorId: row.id, secret: enrolment.secret, otpauthUri: enrolment.uri, qrSvg: enrolment.qrSvg };
      });
    },

    /** Step 2: the first code from the app proves it holds the secret; from now on it is a second factor. */
    async confirmTotp(context: UseCaseContext, factorId: string, input: { code: string }) {
      const actor = personOf(context);
      return inTransaction(db, async (tx) => {
        const [factor] = await tx
          .select()
          .from(secondFactor)
          .where(and(eq(secondFactor.municipalityId, context.municipalityId), eq(secondFactor.userId, actor.userId), eq(secondFactor.id, factorId), eq(secondFactor.kind, 'totp'), isNull(secondFactor.confirmedAt)));
        if (!factor) throw new DomainError('NOT_FOUND');
        const step = acceptedTotpStep(secrets.open(factor.totpSecret!), input.code, clock.now());
        if (step === undefined) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.code', code: 'totpCodeIncorrect' }] });
        const [confirmed] = await tx.update(secondFactor).set({ confirmedAt: clock.now(), totpLastStep: step }).where(eq(secondFactor.id, factor.id)).returning();
        await added(tx, context, confirmed);
        return { id: confirmed.id, kind: confirmed.kind, label: confirmed.label, createdAt: confirmed.createdAt.toISOString(), lastUsedAt: null };
      });
    },

    /** Step 1 of adding a passkey: what the browser needs to make one. The challenge belongs to this session. */
    async beginPasskey(context: UseCaseContext) {
      const actor = personOf(context);
      return inTransaction(db, async (tx) => {
        const existing = (await confirmedOf(tx, context.municipalityId, actor.userId)).filter((factor) => factor.kind === 'passkey');
        const options = await registrationOptions(relyingParty, { id: actor.userId, email: actor.email, displayName: actor.displayName }, existing.map(passkeyOf));
        await tx.delete(authChallenge).where(and(eq(authChallenge.sessionId, actor.sessionId), eq(authChallenge.purpose, 'passkeyRegistration')));
        const now = clock.now();
        await tx.insert(authChallenge).values({ municipalityId: context.municipalityId, userId: actor.userId, purpose: 'passkeyRegistration', sessionId: actor.sessionId, passkeyChallenge: options.challenge, createdAt: now, expiresAt: new Date(now.getTime() + 5 * 60_000) });
        return options;
      });
    },

    /** Step 2: the browser's new passkey, checked against this session's challenge; the challenge is used up. */
    async finishPasskey(context: UseCaseContext, input: { label: string; response: unknown }) {
      const actor = personOf(context);
      return inTransaction(db, async (tx) => {
        const [challenge] = await tx.delete(authChallenge).where(and(eq(authChallenge.sessionId, actor.sessionId), eq(authChallenge.purpose, 'passkeyRegistration'))).returning();
        const passkey = challenge && challenge.expiresAt > clock.now() ? await verifiedRegistration(relyingParty, challenge.passkeyChallenge!, input.response) : undefined;
        if (!passkey) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.response', code: 'passkeyNotVerified' }] });
        const now = clock.now();
        const [row] = await tx
          .insert(secondFactor)
          .values({ municipalityId: context.municipalityId, userId: actor.userId, kind: 'passkey', label: input.label, credentialId: passkey.credentialId, publicKey: passkey.publicKey, signCount: passkey.signCount, transports: passkey.transports, createdAt: now, confirmedAt: now })
          .returning();
        await added(tx, context, row);
        return { id: row.id, kind: row.kind, label: row.label, createdAt: row.createdAt.toISOString(), lastUsedAt: null };
      });
    },

    /** Removes one of the person's own factors; never the last one when their role requires one. */
    async removeMine(context: UseCaseContext, factorId: string) {
      const actor = personOf(context);
      await inTransaction(db, async (tx) => {
        const factors = await confirmedOf(tx, context.municipalityId, actor.userId);
        const factor = factors.find((candidate) => candidate.id === factorId);
        if (!factor) throw new DomainError('NOT_FOUND');
        if (factors.length === 1 && (await isRequired(tx, context.municipalityId, actor.grants))) {
          throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'factorId', code: 'lastSecondFactor' }] });
        }
        await tx.delete(secondFactor).where(eq(secondFactor.id, factor.id));
        await recordAudit(tx, clock, context, { action: 'secondFactor.remove', entityType: 'user', entityId: actor.userId, before: { factorId: factor.id, kind: factor.kind, label: factor.label } });
        await notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [actor.userId], topic: 'user.secondFactorRemoved', notice: userNotices.secondFactorRemoved({ label: factor.label, byAdmin: false }), isSecurityNotice: true });
      });
    },

    /**
     * An administrator removes every second factor of someone who lost their phone or key. Their sessions end;
     * at the next login they add a new one (when their role requires it) before anything else.
     */
    async resetForUser(tx: Executor, context: UseCaseContext, userId: string): Promise<number> {
      const removed = await tx.delete(secondFactor).where(and(eq(secondFactor.municipalityId, context.municipalityId), eq(secondFactor.userId, userId))).returning({ id: secondFactor.id, label: secondFactor.label });
      await recordAudit(tx, clock, context, { action: 'secondFactor.reset', entityType: 'user', entityId: userId, after: { removed: removed.length } });
      if (removed.length > 0) {
        await notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [userId], topic: 'user.secondFactorRemoved', notice: userNotices.secondFactorRemoved({ label: removed.map((factor) => factor.label).join('", "'), byAdmin: true }), isSecurityNotice: true });
      }
      return removed.length;
    },
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
