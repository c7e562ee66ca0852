import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { type Notice, notifyUsers } from '../notifications/index.ts';
import { findScopeMembers } from '../users/index.ts';
import { accessTo, allowedActionsOf, isStaff, isSubmitterSide, type RequestAccess, type RequestUserAction } from './request.policy.ts';
import { presentRequest } from './request.presenter.ts';
import type { RequestEventKind } from './request-event.rules.ts';
import { createRequestRepository, type RequestRow } from './request.repository.ts';
import { createRequestFollowerRepository } from './request-follower.repository.ts';
import { requestNotices } from './request.notices.ts';
import { type RequestAction, transition } from './request.workflow.ts';
import { type RequestSettings, resolveRequestSettings } from './request-settings.rules.ts';

export const unknownReference = (field: string) => new DomainError('VALIDATION_FAILED', { fields: [{ field, code: 'unknownReference' }] });

export interface RequestServiceDependencies {
  db: Executor;
  clock: Clock;
  /** The address of the web app, for links in e-mail. */
  publicUrl?: string;
}

export interface StepEvent {
  kind: RequestEventKind;
  text?: string | null;
  data?: unknown;
  isInternal?: boolean;
}

export interface StepOptions {
  action: RequestAction;
  version: number;
  /** Who may take this step on this request; `access` says where the actor holds a role. */
  authorise(access: RequestAccess, row: RequestRow): boolean;
  prepare(tx: Executor, row: RequestRow): Promise<Partial<RequestRow>>;
  /** The timeline event; a function when it depends on what `prepare` found (names, for instance). */
  event: StepEvent | (() => StepEvent);
  notify?(tx: Executor, row: RequestRow): Promise<void>;
}

/** The machinery every request use case shares: loading what the actor may see, one lifecycle step, notifying. */
export function createRequestSteps(dependencies: RequestServiceDependencies) {
  const { db, clock } = dependencies;
  const publicUrl = dependencies.publicUrl ?? 'http://localhost:3000';

  async function present(tx: Executor, context: UseCaseContext, row: RequestRow) {
    const repository = createRequestRepository(tx);
    // One after the other: a transaction is one connection, and queries on it do not run in parallel anyway.
    const names = await repository.namesFor(row, context.language);
    const themes = await repository.themesOf(row.municipalityId, row.id, context.language);
    const events = await repository.eventsOf(row.municipalityId, row.id);
    const links = await repository.linksOf(row.municipalityId, row.id);
    const access = await accessOf(tx, context, row);
    const adviceRequest = row.adviceRequestId ? await repository.adviceRequestTitleOf(row.municipalityId, row.adviceRequestId) : null;
    // Anyone logged in may follow a public request; its submitter's side hears of everything already.
    const canFollow = Boolean(context.actor) && row.isPublic && !access.isSubmitterSide;
    const isFollowing = canFollow && (await isFollowedBy(tx, row, context.actor!.userId));
    const followActions: RequestUserAction[] = canFollow ? [isFollowing ? 'unfollow' : 'follow'] : [];
    return presentRequest(
      row,
      names,
      themes,
      events,
      {
        isStaff: access.isStaff,
        isSubmitterSide: access.isSubmitterSide,
        now: clock.now(),
        language: context.language,
        allowedActions: [...allowedActionsOf(access, row), ...followActions],
        adviceRequest,
        isFollowing: canFollow ? isFollowing : null,
      },
      access.isStaff || access.isSubmitterSide ? links : links.filter((link) => link.isPublic),
    );
  }

  /** Where the actor stands towards this request: its advisor, an officer of its departments, its submitter's side… */
  async function accessOf(tx: Executor, context: UseCaseContext, row: RequestRow): Promise<RequestAccess> {
    const settings = await settingsOf(tx, row.municipalityId);
    return accessTo(context.actor, row, settings);
  }

  /** Loads a request the actor may see; one they may not see does not exist for them (404, not 403). */
  async function loadVisible(tx: Executor, context: UseCaseContext, requestId: string): Promise<RequestRow> {
    const row = await createRequestRepository(tx).findByIdOrReference(context.municipalityId, requestId);
    if (!row || !(row.isPublic || isStaff(context.actor) || isSubmitterSide(context.actor, row))) throw new DomainError('NOT_FOUND');
    return row;
  }

  async function settingsOf(tx: Executor, municipalityId: string): Promise<RequestSettings> {
    return resolveRequestSettings(await createMunicipalityRepository(tx).readSettings(municipalityId, 'requests'));
  }

  /** One step of the lifecycle: version check, timeline event, audit row and notification in one transaction. */
  async function step(context: UseCaseContext, requestId: string, options: StepOptions) {
    return inTransaction(db, async (tx) => {
      const repository = createRequestRepository(tx);
      const before = await loadVisible(tx, context, requestId);
      if (!options.authorise(await accessOf(tx, context, before), before)) throw new DomainError('FORBIDDEN');
      const result = transition(before.state, options.action);
      if (!result.isAllowed) throw new DomainError('INVALID_TRANSITION', { params: { state: before.state } });
      const changes = await options.prepare(tx, before);
      const after = await repository.update(context.municipalityId, before.id, options.version, { ...changes, state: result.to, updatedAt: clock.now() });
      if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
      await addEvent(tx, context, before.id, typeof options.event === 'function' ? options.event() : options.event);
      await recordAudit(tx, clock, context, { action: `request.${options.action}`, entityType: 'request', entityId: before.id, before, after });
      await options.notify?.(tx, after);
      return present(tx, context, after);
    });
  }

  async function addEvent(tx: Executor, context: UseCaseContext, requestId: string, event: StepEvent) {
    await createRequestRepository(tx).addEvent({
      municipalityId: context.municipalityId,
      requestId,
      kind: event.kind,
      actorUserId: context.actor?.userId,
      actorLabel: context.actor?.displayName ?? 'system',
      actorSide: !context.actor ? 'system' : isStaff(context.actor) ? 'staff' : 'submitterSide',
      isInternal: event.isInternal ?? false,
      text: event.text ?? null,
      data: event.data ?? null,
      occurredAt: clock.now(),
    });
  }

  async function pathOf(tx: Executor, row: RequestRow, context?: UseCaseContext): Promise<string | undefined> {
    const slug = context?.municipalitySlug ?? (await createMunicipalityRepository(tx).findById(row.municipalityId))?.slug;
    // The reference reads better in a link than the id, and the page takes either.
    return slug ? `/${slug}/vragen/${row.reference}` : undefined;
  }

  /** The submitter and, for a council's request, the council's members. */
  async function submitterSideOf(tx: Executor, row: RequestRow): Promise<string[]> {
    const members = row.councilId ? await findScopeMembers(tx, row.municipalityId, 'council_member', [row.councilId]) : [];
    return [row.submitterUserId, ...members.map((member) => member.userId)];
  }

  async function notify(tx: Executor, row: RequestRow, recipientUserIds: string[], message: { topic: string; notice: Notice }, context?: UseCaseContext) {
    await notifyUsers(tx, clock, publicUrl, { municipalityId: row.municipalityId, recipientUserIds, ...message, path: await pathOf(tx, row, context), payload: { requestId: row.id } });
  }

  async function notifySubmitterSide(tx: Executor, row: RequestRow, message: { topic?: string; notice: Notice }, context?: UseCaseContext, options: { withFollowers: boolean } = { withFollowers: true }) {
    // The one who acted does not need to hear of it.
    const submitterSide = await submitterSideOf(tx, row);
    const recipients = submitterSide.filter((userId) => userId !== context?.actor?.userId);
    await notify(tx, row, recipients, { topic: message.topic ?? 'request.update', notice: message.notice }, context);
    // Followers of a public request hear that there is news, in words for them (it is not their request).
    if (options.withFollowers && row.isPublic) {
      const followers = (await followersOf(tx, row)).filter((userId) => userId !== context?.actor?.userId && !submitterSide.includes(userId));
      if (followers.length > 0) await notify(tx, row, followers, { topic: 'request.followed', notice: requestNotices.followedUpdate(row) }, context);
    }
  }

  const isFollowedBy = (tx: Executor, row: RequestRow, userId: string) => createRequestFollowerRepository(tx).isFollowedBy(row.municipalityId, row.id, userId);
  const followersOf = (tx: Executor, row: RequestRow) => createRequestFollowerRepository(tx).followersOf(row.municipalityId, row.id);

  /**
   * The first point of contact (§3.3): the neighbourhood's advisors, or for a city-wide request the municipality's
   * city-wide advisor. Told of new requests and proposals, and reminded of deadlines.
   */
  async function advisorsOf(tx: Executor, row: Pick<RequestRow, 'municipalityId' | 'neighbourhoodId'>): Promise<string[]> {
    if (row.neighbourhoodId) return (await findScopeMembers(tx, row.municipalityId, 'advisor', [row.neighbourhoodId])).map((member) => member.userId);
    const { cityWideAdvisorUserId } = await settingsOf(tx, row.municipalityId);
    return cityWideAdvisorUserId ? [cityWideAdvisorUserId] : [];
  }

  /** Whoever handles a request: its advisors and the lead officer (or else the lead department's officers). */
  async function handlersOf(tx: Executor, row: RequestRow): Promise<string[]> {
    const officers = row.leadOfficerUserId ? [{ userId: row.leadOfficerUserId }] : row.leadDepartmentId ? await findScopeMembers(tx, row.municipalityId, 'officer', [row.leadDepartmentId]) : [];
    return [...(await advisorsOf(tx, row)), ...officers.map((member) => member.userId)];
  }

  /** Something from one side (a message, a file) is told to the other side; the one who did it is left out. */
  async function notifyOtherSide(tx: Executor, row: RequestRow, context: UseCaseContext, message: { topic: string; notice: Notice }) {
    if (isStaff(context.actor) && !isSubmitterSide(context.actor, row)) {
      // A message between the municipality and the submitter is theirs: followers are not told.
      await notifySubmitterSide(tx, row, message, context, { withFollowers: false });
      return;
    }
    const recipients = (await handlersOf(tx, row)).filter((userId) => userId !== context.actor?.userId);
    await notify(tx, row, recipients, message, context);
  }

  return { db, clock, present, loadVisible, settingsOf, accessOf, advisorsOf, step, addEvent, notify, notifySubmitterSide, notifyOtherSide, submitterSideOf };
}

export type RequestSteps = ReturnType<typeof createRequestSteps>;
