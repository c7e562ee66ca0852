import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { presentPersonalData } from './personal-data.presenter.ts';
import { createPersonalDataRepository, findActiveAdminIds } from './personal-data.repository.ts';
import type { PrivacySettings } from './privacy.contract.ts';
import { privacyErrors } from './privacy.errors.ts';
import { privacyNotices } from './privacy.notices.ts';
import { privacyPermissions } from './privacy.permissions.ts';
import { erasedDisplayName, erasedEmailOf, privacySettingsFrom } from './privacy.rules.ts';
import { privacyStatementOf } from './privacy-statement.ts';

type ErasureRow = { id: string; userId: string; status: string; requestedAt: Date; carriedOutAt: Date | null };
const presentErasureRequest = (row: ErasureRow) => ({
  id: row.id,
  userId: row.userId,
  status: row.status as 'pending' | 'carriedOut',
  requestedAt: row.requestedAt.toISOString(),
  carriedOutAt: row.carriedOutAt?.toISOString() ?? null,
});

/** Retention settings, the privacy statement, and the data subject's rights: access (export) and erasure. */
export function createPrivacyService(dependencies: { db: Executor; clock: Clock; publicUrl: string }) {
  const { db, clock, publicUrl } = dependencies;

  function assertCanManage(context: UseCaseContext) {
    if (!can(context.actor, privacyPermissions['privacy.manage'])) throw new DomainError('FORBIDDEN');
  }
  function actorOf(context: UseCaseContext) {
    if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
    return context.actor;
  }
  const readSettings = async (tx: Executor, municipalityId: string) => privacySettingsFrom(await createMunicipalityRepository(tx).readSettings(municipalityId, 'privacy'));

  /**
   * Erasure (AVG art. 17): the account stays as a nameless row, so that requests, timelines and the audit log
   * still hold together; everything that identifies the person or lets anyone log in as them goes.
   */
  async function carryOutErasure(tx: Executor, context: UseCaseContext, userId: string) {
    const by = actorOf(context);
    const repository = createPersonalDataRepository(tx);
    // One erasure or role change at a time per municipality, so two cannot remove the last two administrators.
    await createMunicipalityRepository(tx).lockForUpdate(context.municipalityId);
    const account = await repository.account(context.municipalityId, userId);
    if (!account) throw new DomainError('NOT_FOUND');
    if (account.erasedAt) throw new DomainError(privacyErrors.ALREADY_ERASED);
    const isActiveAdmin = account.isActive && (await repository.roles(context.municipalityId, userId)).some((role) => role.role === 'admin');
    if (isActiveAdmin && (await repository.countActiveAdminsOtherThan(context.municipalityId, userId)) === 0) throw new DomainError(privacyErrors.LAST_ADMIN);

    const now = clock.now();
    // An administrator may erase on a request made by letter too, and a resident deletes without asking first: either way it is recorded as a request.
    const pending =
      (await repository.pendingErasureRequest(context.municipalityId, userId)) ?? (await repository.insertErasureRequest({ municipalityId: context.municipalityId, userId, requestedAt: now }));
    // While the request is pending and the account still has its name: the function looks for both.
    const auditSnapshotsCleared = await repository.clearAuditSnapshotsOf(context.municipalityId, userId);
    const sessionsEnded = await repository.deleteCredentialsAndRoles(context.municipalityId, userId, account.email);
    const messagesDeleted = await repository.deleteMessagesTo(context.municipalityId, userId, account.email);
    await repository.renameInTimelines(context.municipalityId, userId, erasedDisplayName);
    await repository.scrubNameFromTexts(context.municipalityId, userId, [account.email, account.displayName]);
    await repository.anonymiseAccount(context.municipalityId, userId, { email: erasedEmailOf(userId), displayName: erasedDisplayName, erasedAt: now });
    await repository.markErasureCarriedOut(context.municipalityId, pending.id, { carriedOutAt: now, carriedOutByUserId: by.userId });
    const result = { userId, erasedAt: now.toISOString(), sessionsEnded, messagesDeleted, auditSnapshotsCleared };
    // Ids and counts only: the record that it happened holds nothing of the person.
    await recordAudit(tx, clock, context, { action: by.userId === userId ? 'privacy.erasure.ownAccount' : 'privacy.erasure.carryOut', entityType: 'user', entityId: userId, after: { erasureRequestId: pending.id, ...result } });
    return result;
  }

  return {
    async getSettings(context: UseCaseContext): Promise<PrivacySettings> {
      assertCanManage(context);
      return readSettings(db, context.municipalityId);
    },

    async updateSettings(context: UseCaseContext, input: PrivacySettings): Promise<PrivacySettings> {
      assertCanManage(context);
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        const before = await readSettings(tx, context.municipalityId);
        await municipalities.writeSettings(context.municipalityId, 'privacy', input);
        await recordAudit(tx, clock, context, { action: 'privacy.settings.update', entityType: 'municipality', entityId: context.municipalityId, before, after: input });
        return readSettings(tx, context.municipalityId);
      });
    },

    async getStatement(context: UseCaseContext) {
      const municipalities = createMunicipalityRepository(db);
      const tenant = await municipalities.findById(context.municipalityId);
      if (!tenant) throw new DomainError('NOT_FOUND');
      return privacyStatementOf(await municipalities.readSettings(context.municipalityId, 'privacyStatement'), tenant.name);
    },

    async updateStatement(context: UseCaseContext, input: { text: string | null }) {
      assertCanManage(context);
      await inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        await municipalities.writeSettings(context.municipalityId, 'privacyStatement', input.text === null ? null : { text: input.text });
        // The text is the municipality's own publication, not personal data: its length is enough to trace a change.
        await recordAudit(tx, clock, context, { action: 'privacy.statement.update', entityType: 'municipality', entityId: context.municipalityId, after: { length: input.text?.length ?? null } });
      });
      return this.getStatement(context);
    },

    /** Everything about the person asking (AVG art. 15 and 20). */
    async exportOwnData(context: UseCaseContext) {
      const actor = actorOf(context);
      const repository = createPersonalDataRepository(db);
      const { municipalityId } = context;
      const userId = actor.userId;
      const [tenant, account] = await Promise.all([createMunicipalityRepository(db).findById(municipalityId), repository.account(municipalityId, userId)]);
      if (!tenant || !account) throw new DomainError('NOT_FOUND');
      const requests = await repository.submittedRequests(municipalityId, userId);
      const requestIds = requests.map((item) => item.id);
      const exportedAt = clock.now();
      const rows = {
        roles: await repository.roles(municipalityId, userId),
        sessions: await repository.sessions(municipalityId, userId),
        apiTokens: await repository.apiTokens(municipalityId, userId),
        calendarFeeds: await repository.calendarFeeds(municipalityId, userId),
        secondFactors: await repository.secondFactors(municipalityId, userId),
        events: await repository.eventsOf(municipalityId, requestIds),
        attachments: await repository.attachmentsOf(municipalityId, requestIds),
        eventsElsewhere: await repository.eventsWrittenElsewhere(municipalityId, userId, requestIds),
        messages: await repository.messages(municipalityId, userId),
        erasureRequests: await repository.erasureRequests(municipalityId, userId),
        auditTrail: await repository.auditTrail(municipalityId, userId),
      };
      await inTransaction(db, (tx) => recordAudit(tx, clock, context, { action: 'privacy.export', entityType: 'user', entityId: userId }));
      return presentPersonalData({ ...rows, exportedAt, municipality: { slug: tenant.slug, name: tenant.name }, userId, account, requests });
    },

    async myErasureRequest(context: UseCaseContext) {
      const actor = actorOf(context);
      const [latest] = await createPersonalDataRepository(db).erasureRequests(context.municipalityId, actor.userId);
      return { erasureRequest: latest ? presentErasureRequest(latest) : null };
    },

    /** The person asks; the administrators hear of it and carry it out (the law gives a month). */
    async requestErasure(context: UseCaseContext) {
      const actor = actorOf(context);
      return inTransaction(db, async (tx) => {
        const repository = createPersonalDataRepository(tx);
        const row = await repository.insertErasureRequest({ municipalityId: context.municipalityId, userId: actor.userId, requestedAt: clock.now() });
        if (!row) throw new DomainError(privacyErrors.ERASURE_ALREADY_REQUESTED);
        await recordAudit(tx, clock, context, { action: 'privacy.erasure.request', entityType: 'user', entityId: actor.userId, after: { erasureRequestId: row.id } });
        await notifyUsers(tx, clock, publicUrl, {
          municipalityId: context.municipalityId,
          recipientUserIds: await findActiveAdminIds(tx, context.municipalityId),
          topic: 'privacy.erasureRequested',
          notice: privacyNotices.erasureRequested(),
          path: context.municipalitySlug ? `/${context.municipalitySlug}/beheer/privacy` : undefined,
        });
        return presentErasureRequest(row);
      });
    },

    async listErasureRequests(context: UseCaseContext) {
      assertCanManage(context);
      const rows = await createPersonalDataRepository(db).listPendingErasureRequests(context.municipalityId);
      return { items: rows.map((row) => ({ ...presentErasureRequest(row), displayName: row.displayName, email: row.email })) };
    },

    async eraseUser(context: UseCaseContext, userId: string) {
      assertCanManage(context);
      return inTransaction(db, (tx) => carryOutErasure(tx, context, userId));
    },

    /**
     * A resident deletes their own account at once: the same erasure an administrator carries out, without the
     * wait. Someone with another role (a council member, staff) asks for it instead, because their work for others
     * must be handed over first.
     */
    async deleteOwnAccount(context: UseCaseContext) {
      const actor = actorOf(context);
      return inTransaction(db, async (tx) => {
        const roles = await createPersonalDataRepository(tx).roles(context.municipalityId, actor.userId);
        if (roles.some((role) => role.role !== 'resident')) throw new DomainError(privacyErrors.ACCOUNT_HAS_ROLES);
        return carryOutErasure(tx, context, actor.userId);
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
