import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, duplicateFromDatabase } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { calendarFeedPermissions as permissions } from './calendar-feed.permissions.ts';
import { createCalendarFeedRepository, type Participation } from './calendar-feed.repository.ts';
import { meetingCalendar } from './meeting-calendar.ts';

/** 256 random bits, URL-safe; the prefix tells a leaked one apart in a secret scanner. */
const newToken = () => `wcal_${randomBytes(32).toString('base64url')}`;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The roles that take part in meetings; a resident's role alone gives nothing to show. */
const participatingRoles = new Set(['council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin']);

/** A year back, so that a meeting just held stays in the calendar with its place and time. */
const lookBackMs = 365 * 86_400_000;

/**
 * Personal calendar feeds: a secret address per person that a calendar app polls without a session. Making a new
 * address revokes the old one; the token is shown once and only its hash is kept.
 */
export function createCalendarFeedService(dependencies: { db: Executor; clock: Clock; publicUrl?: string }) {
  const { db, clock } = dependencies;
  const publicUrl = dependencies.publicUrl ?? 'http://localhost:3000';

  function requireSubscriber(context: UseCaseContext) {
    if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
    if (!can(context.actor, permissions['meeting.subscribeCalendar'])) throw new DomainError('FORBIDDEN');
    return context.actor;
  }

  /** Who takes part in what, from the grants as stored now (not as they were when the address was made). */
  async function participationOf(tx: Executor, municipalityId: string, userId: string): Promise<Participation | null> {
    const repository = createCalendarFeedRepository(tx);
    const grants = await repository.grantsOf(municipalityId, userId);
    if (!grants.some((grant) => participatingRoles.has(grant.role))) return null;
    const scopes = (role: string) => grants.filter((grant) => grant.role === role && grant.scopeId !== null).map((grant) => grant.scopeId as string);
    const councilIds = scopes('council_member');
    const councilNeighbourhoods = await repository.neighbourhoodIdsOfCouncils(municipalityId, councilIds);
    return { userId, councilIds, neighbourhoodIds: [...new Set([...councilNeighbourhoods, ...scopes('advisor')])], isCollegeMember: grants.some((grant) => grant.role === 'alderman') };
  }

  return {
    async getMyCalendarFeed(context: UseCaseContext) {
      const actor = requireSubscriber(context);
      const feed = await createCalendarFeedRepository(db).findActiveFeedOf(context.municipalityId, actor.userId);
      return { isActive: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
    },

    /** A new secret address; an earlier one stops working at once. The address is in this answer only. */
    async createMyCalendarFeed(context: UseCaseContext) {
      const actor = requireSubscriber(context);
      const token = newToken();
      // Two made at the same moment: the one-working-address index refuses the second (409), never a 500.
      return inTransaction(db, async (tx) => {
        const repository = createCalendarFeedRepository(tx);
        const now = clock.now();
        const earlier = await repository.findActiveFeedOf(context.municipalityId, actor.userId);
        if (earlier) {
          await repository.revoke(context.municipalityId, earlier.id, now);
          await recordAudit(tx, clock, context, { action: 'calendarFeed.revoke', entityType: 'calendar_feed', entityId: earlier.id, before: { revokedAt: null }, after: { revokedAt: now, reason: 'replaced' } });
        }
        const row = await repository.insert({ municipalityId: context.municipalityId, userId: actor.userId, tokenHash: hashOf(token), createdAt: now });
        await recordAudit(tx, clock, context, { action: 'calendarFeed.create', entityType: 'calendar_feed', entityId: row.id, after: row });
        return { url: `${publicUrl}/api/v1/municipalities/${context.municipalitySlug ?? ''}/calendar-feeds/${token}`, createdAt: row.createdAt.toISOString() };
      }).catch((error: unknown) => {
        throw duplicateFromDatabase(error, {}) ?? error;
      });
    },

    async revokeMyCalendarFeed(context: UseCaseContext) {
      const actor = requireSubscriber(context);
      await inTransaction(db, async (tx) => {
        const repository = createCalendarFeedRepository(tx);
        const feed = await repository.findActiveFeedOf(context.municipalityId, actor.userId);
        if (!feed) throw new DomainError('NOT_FOUND');
        const now = clock.now();
        // Revoked by a second request in the meantime: already gone.
        if (!(await repository.revoke(context.municipalityId, feed.id, now))) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'calendarFeed.revoke', entityType: 'calendar_feed', entityId: feed.id, before: { revokedAt: null }, after: { revokedAt: now } });
      });
    },

    /**
     * The feed behind a token: the meetings of the last year and to come that its owner takes part in, whole, as
     * they see them when logged in. Unknown, revoked, or its owner no longer active: not found, all alike.
     */
    async personalCalendar(context: Pick<UseCaseContext, 'municipalityId' | 'municipalitySlug'>, token: string) {
      const repository = createCalendarFeedRepository(db);
      const feed = await repository.findByTokenHash(context.municipalityId, hashOf(token));
      if (!feed) throw new DomainError('NOT_FOUND');
      const participation = await participationOf(db, context.municipalityId, feed.userId);
      // Someone without a participating role any more gets an empty calendar, not an error: the calendar app keeps
      // working and shows nothing, and giving the role back brings the meetings back.
      const records = participation ? await repository.meetingsOf(context.municipalityId, participation, new Date(clock.now().getTime() - lookBackMs)) : [];
      const language = feed.locale === 'en' ? 'en' : 'nl';
      // Neither the owner's name nor address goes into the calendar: a feed URL gets shared with calendar services.
      return meetingCalendar(records, {
        name: language === 'en' ? 'My meetings' : 'Mijn overleggen',
        pageUrl: `${publicUrl}/${context.municipalitySlug ?? ''}/mijn`,
        host: new URL(publicUrl).host,
        language,
        isInsider: true,
      });
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;
