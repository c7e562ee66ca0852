import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, duplicateFromDatabase, type FieldProblem } from '../../platform/errors.ts';
import { offsetOf, type PageQuery, pageOf } from '../../platform/pagination.ts';
import { can, type Role, type RoleGrant, scopeTypeOfRole } from '../../platform/permissions.ts';
import type { CreateUser, RoleGrantInput, UpdateUser } from './user.contract.ts';
import { type Notice, notifyUsers } from '../notifications/index.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import type { PasswordLinkService } from './password-link.service.ts';
import { readSecuritySettings, type SecondFactorService, type SecuritySettings } from './second-factor.service.ts';
import { userNotices } from './user.notices.ts';
import { presentApiToken, presentUser } from './user.presenter.ts';
import { createUserRepository } from './user.repository.ts';
import { generateToken, hashToken } from './token.ts';
import { userPermissions } from './user.permissions.ts';

/** The table each kind of scope lives in; a grant must point at a row of this municipality. */
const scopeTables: Record<string, string> = {
  council: 'council',
  neighbourhood: 'neighbourhood',
  department: 'department',
  portfolio: 'portfolio',
  partner_organisation: 'partner_organisation',
};

/** The roles asked for, each checked to have a scope of its kind in this municipality; `fieldOf` names a refused one. */
export async function resolveGrants(tx: Executor, municipalityId: string, inputs: RoleGrantInput[], fieldOf = (index: number) => `body.roles.${index}.scopeId`): Promise<(RoleGrant & { title: string | null })[]> {
  const problems: FieldProblem[] = [];
  const grants: (RoleGrant & { title: string | null })[] = [];
  for (const [index, input] of inputs.entries()) {
    const scopeType = scopeTypeOfRole[input.role as Role];
    const field = fieldOf(index);
    if (scopeType === 'municipality') {
      grants.push({ role: input.role, scopeType, scopeId: null, title: input.title ?? null });
      continue;
    }
    if (!input.scopeId) {
      problems.push({ field, code: 'required' });
      continue;
    }
    const table = scopeTables[scopeType];
    const found = await queryRows(tx, sql`select 1 from ${sql.identifier(table)} where id = ${input.scopeId} and municipality_id = ${municipalityId}`);
    if (found.length === 0) problems.push({ field, code: 'unknownReference' });
    else grants.push({ role: input.role, scopeType, scopeId: input.scopeId, title: input.title ?? null });
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
  // The same role on the same scope twice is one grant.
  const unique = new Map(grants.map((grant) => [`${grant.role}:${grant.scopeId}`, grant]));
  return [...unique.values()];
}

/** Grants compared as a set: the same roles in another order are no change. */
function sameGrants(left: { role: string; scopeId: string | null }[], right: { role: string; scopeId: string | null }[]): boolean {
  const keys = (grants: typeof left) => grants.map((grant) => `${grant.role}:${grant.scopeId}`).sort().join(',');
  return keys(left) === keys(right);
}

export function createUserService(dependencies: { db: Executor; clock: Clock; publicUrl: string; passwordLinks: PasswordLinkService; secondFactors: SecondFactorService }) {
  const { db, clock, publicUrl, passwordLinks, secondFactors } = dependencies;

  /** Tells a person of a change to how they log in or what they may do, so that a change they did not make is noticed. */
  const tellAboutAccount = (tx: Executor, context: UseCaseContext, userId: string, topic: string, notice: Notice) =>
    notifyUsers(tx, clock, publicUrl, { municipalityId: context.municipalityId, recipientUserIds: [userId], topic, notice, isSecurityNotice: true });

  function assertCanManage(context: UseCaseContext) {
    if (!can(context.actor, userPermissions['users.manage'])) throw new DomainError('FORBIDDEN');
  }

  async function presentOne(tx: Executor, municipalityId: string, userId: string) {
    const repository = createUserRepository(tx);
    const user = await repository.findById(municipalityId, userId);
    if (!user) throw new DomainError('NOT_FOUND');
    return presentUser(user, await repository.grantsOf(municipalityId, [userId]));
  }

  /** The change itself; the caller maps a taken e-mail address to a field error. */
  async function changeUser(context: UseCaseContext, userId: string, input: UpdateUser) {
    return inTransaction(db, async (tx) => {
      const repository = createUserRepository(tx);
      const before = await presentOne(tx, context.municipalityId, userId);
      // A deactivated account is no longer a recipient, so it hears of its deactivation before the change.
      if (input.isActive === false && before.isActive) await tellAboutAccount(tx, context, userId, 'user.deactivated', userNotices.deactivated());
      const changes: Record<string, unknown> = {};
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      if (input.locale !== undefined) changes.locale = input.locale;
      if (input.isActive !== undefined) changes.isActive = input.isActive;
      const emailChanges = input.email !== undefined && input.email !== before.email;
      if (emailChanges) {
        changes.email = input.email;
        // The old address hears of it too: a change made to take the account over is noticed where its owner reads.
        const { subject, body } = userNotices.emailChanged({ to: input.email! })[before.locale] ?? userNotices.emailChanged({ to: input.email! }).nl;
        await enqueueMessage(tx, clock, { municipalityId: context.municipalityId, channel: 'email', recipientUserId: userId, recipientEmail: before.email, topic: 'user.emailChanged', subject, body });
        // A link to set the password that went to the old address stops working.
        await passwordLinks.voidLinks(tx, context.municipalityId, userId);
      }
      const updated = await repository.update(context.municipalityId, userId, input.version, changes);
      if (!updated) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
      if (input.roles) await repository.replaceGrants(context.municipalityId, userId, await resolveGrants(tx, context.municipalityId, input.roles));
      // Nobody may lock the municipality out of its own administration.
      if ((await repository.countActiveAdmins(context.municipalityId)) === 0) {
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: input.roles ? 'body.roles' : 'body.isActive', code: 'lastAdmin' }] });
      }
      // A deactivated account ends every open session.
      if (input.isActive === false) await repository.revokeAllSessions(context.municipalityId, userId, clock.now());
      const after = await presentOne(tx, context.municipalityId, userId);
      await recordAudit(tx, clock, context, { action: 'user.update', entityType: 'user', entityId: userId, before, after });
      if (emailChanges && after.isActive) await tellAboutAccount(tx, context, userId, 'user.emailChanged', userNotices.emailChanged({ to: after.email }));
      if (after.isActive && !sameGrants(before.roles, after.roles)) {
        await tellAboutAccount(tx, context, userId, 'user.rolesChanged', userNotices.rolesChanged());
        // A role that now requires a second factor: open sessions can do nothing else until one is added.
        const hasFactor = (await secondFactors.confirmedOf(tx, context.municipalityId, userId)).length > 0;
        if (!hasFactor && (await secondFactors.isRequired(tx, context.municipalityId, after.roles))) await repository.requireSecondFactorEnrolment(context.municipalityId, userId);
      }
      return after;
    });
  }

  return {
    async listUsers(context: UseCaseContext, query: PageQuery & { search?: string; role?: Role }) {
      assertCanManage(context);
      const repository = createUserRepository(db);
      const { rows, total } = await repository.list(context.municipalityId, { search: query.search, role: query.role, offset: offsetOf(query), limit: query.pageSize });
      const grants = await repository.grantsOf(context.municipalityId, rows.map((row) => row.id));
      return pageOf(rows.map((row) => presentUser(row, grants)), total, query);
    },

    async getUser(context: UseCaseContext, userId: string) {
      assertCanManage(context);
      return presentOne(db, context.municipalityId, userId);
    },

    async createUser(context: UseCaseContext, input: CreateUser) {
      assertCanManage(context);
      try {
        return await inTransaction(db, async (tx) => {
          const grants = await resolveGrants(tx, context.municipalityId, input.roles);
          const repository = createUserRepository(tx);
          // No password: the person chooses one with the link in the invitation.
          const user = await repository.insert({ municipalityId: context.municipalityId, email: input.email, displayName: input.displayName, locale: input.locale, passwordHash: null, createdAt: clock.now() });
          await repository.replaceGrants(context.municipalityId, user.id, grants);
          const presented = await presentOne(tx, context.municipalityId, user.id);
          await recordAudit(tx, clock, context, { action: 'user.create', entityType: 'user', entityId: user.id, after: presented });
          const invitationExpiresAt = await passwordLinks.sendLink(tx, context, user, 'invitation');
          return { ...presented, invitationExpiresAt: invitationExpiresAt.toISOString() };
        });
      } catch (error) {
        throw duplicateFromDatabase(error, { user_account_email_key: 'body.email' }) ?? error;
      }
    },

    async updateUser(context: UseCaseContext, userId: string, input: UpdateUser) {
      assertCanManage(context);
      try {
        return await changeUser(context, userId, input);
      } catch (error) {
        throw duplicateFromDatabase(error, { user_account_email_key: 'body.email' }) ?? error;
      }
    },
    /**
     * Sends the person a new link to set their password (they forgot it, or the invitation expired). With
     * blockCurrentPassword the old one stops working at once and every session ends, for when it may be known.
     */
    async sendPasswordLink(context: UseCaseContext, userId: string, input: { blockCurrentPassword: boolean }) {
      assertCanManage(context);
      return inTransaction(db, async (tx) => {
        const repository = createUserRepository(tx);
        const user = await repository.findById(context.municipalityId, userId);
        if (!user) throw new DomainError('NOT_FOUND');
        if (!user.isActive) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'userId', code: 'accountInactive' }] });
        if (input.blockCurrentPassword) {
          await repository.clearPassword(context.municipalityId, userId);
          await repository.revokeAllSessions(context.municipalityId, userId, clock.now());
          await recordAudit(tx, clock, context, { action: 'user.blockPassword', entityType: 'user', entityId: userId });
          await tellAboutAccount(tx, context, userId, 'user.passwordChanged', userNotices.passwordBlockedByAdmin());
        }
        const expiresAt = await passwordLinks.sendLink(tx, context, user, user.passwordHash || input.blockCurrentPassword ? 'reset' : 'invitation');
        return { expiresAt: expiresAt.toISOString() };
      });
    },

    /** Removes every second factor of a person who lost their phone or key; they add a new one at their next login. */
    async resetSecondFactors(context: UseCaseContext, userId: string) {
      assertCanManage(context);
      return inTransaction(db, async (tx) => {
        const repository = createUserRepository(tx);
        if (!(await repository.findById(context.municipalityId, userId))) throw new DomainError('NOT_FOUND');
        const removed = await secondFactors.resetForUser(tx, context, userId);
        await repository.revokeAllSessions(context.municipalityId, userId, clock.now());
        return { removed };
      });
    },

    async getSecuritySettings(context: UseCaseContext) {
      assertCanManage(context);
      return readSecuritySettings(db, context.municipalityId);
    },

    async updateSecuritySettings(context: UseCaseContext, input: Partial<SecuritySettings> & Pick<SecuritySettings, 'staffSecondFactorRequired'>) {
      assertCanManage(context);
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        const before = await readSecuritySettings(tx, context.municipalityId);
        const after: SecuritySettings = { ...before, ...input };
        await municipalities.writeSettings(context.municipalityId, 'security', after);
        await recordAudit(tx, clock, context, { action: 'security.settings.update', entityType: 'municipality', entityId: context.municipalityId, before, after });
        return readSecuritySettings(tx, context.municipalityId);
      });
    },

    async createApiToken(context: UseCaseContext, input: { userId: string; name: string; validDays: number }) {
      if (!can(context.actor, userPermissions['apiTokens.manage'])) throw new DomainError('FORBIDDEN');
      return inTransaction(db, async (tx) => {
        const repository = createUserRepository(tx);
        const user = await repository.findById(context.municipalityId, input.userId);
        if (!user) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.userId', code: 'unknownReference' }] });
        const token = generateToken('ww_');
        const now = clock.now();
        const row = await repository.insertApiToken({
          municipalityId: context.municipalityId,
          userId: user.id,
          name: input.name,
          tokenHash: hashToken(token),
          prefix: token.slice(0, 8),
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.validDays * 86_400_000),
        });
        const presented = presentApiToken({ ...row, userDisplayName: user.displayName });
        await recordAudit(tx, clock, context, { action: 'apiToken.create', entityType: 'api_token', entityId: row.id, after: presented });
        await tellAboutAccount(tx, context, user.id, 'user.apiTokenCreated', userNotices.apiTokenCreated({ name: row.name, expiresAt: row.expiresAt ?? now }));
        return { ...presented, token };
      });
    },

    async listApiTokens(context: UseCaseContext) {
      if (!can(context.actor, userPermissions['apiTokens.manage'])) throw new DomainError('FORBIDDEN');
      return { items: (await createUserRepository(db).listApiTokens(context.municipalityId)).map(presentApiToken) };
    },

    async revokeApiToken(context: UseCaseContext, apiTokenId: string) {
      if (!can(context.actor, userPermissions['apiTokens.manage'])) throw new DomainError('FORBIDDEN');
      await inTransaction(db, async (tx) => {
        const revoked = await createUserRepository(tx).revokeApiToken(context.municipalityId, apiTokenId, clock.now());
        if (!revoked) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'apiToken.revoke', entityType: 'api_token', entityId: apiTokenId, before: { name: revoked.name } });
      });
    },

    async currentUser(context: UseCaseContext) {
      if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
      const { version: _version, ...user } = await presentOne(db, context.municipalityId, context.actor.userId);
      return user;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
