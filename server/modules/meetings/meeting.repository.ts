import { and, asc, count, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { councilTerm, portfolio, portfolioTheme, theme } from '../organisation/organisation.tables.ts';
import { roleAssignment, userAccount } from '../users/user.tables.ts';
import { meetingKind } from './meeting-kind.tables.ts';
import { meeting, meetingTheme } from './meeting.tables.ts';

export type MeetingRow = typeof meeting.$inferSelect;

/** A meeting with what its answer names: its kind, neighbourhood, chair and dossier subjects. */
export interface MeetingRecord {
  meeting: MeetingRow;
  kind: { id: string; code: string; nameNl: string; nameEn: string; character: string; minutesDueWorkingDays: number | null };
  neighbourhoodName: string | null;
  chairName: string | null;
  themeIds: string[];
}

const recordColumns = {
  meeting,
  kind: { id: meetingKind.id, code: meetingKind.code, nameNl: meetingKind.nameNl, nameEn: meetingKind.nameEn, character: meetingKind.character, minutesDueWorkingDays: meetingKind.minutesDueWorkingDays },
  neighbourhoodName: neighbourhood.name,
  chairName: userAccount.displayName,
};

/** SQL for meetings; every query filters on the municipality. */
export function createMeetingRepository(db: Executor) {
  const withNames = () =>
    db
      .select(recordColumns)
      .from(meeting)
      .innerJoin(meetingKind, and(eq(meetingKind.municipalityId, meeting.municipalityId), eq(meetingKind.id, meeting.kindId)))
      .leftJoin(neighbourhood, and(eq(neighbourhood.municipalityId, meeting.municipalityId), eq(neighbourhood.id, meeting.neighbourhoodId)))
      .leftJoin(userAccount, and(eq(userAccount.municipalityId, meeting.municipalityId), eq(userAccount.id, meeting.chairUserId)));

  async function themesOf(municipalityId: string, meetingIds: string[]): Promise<Map<string, string[]>> {
    const byMeeting = new Map<string, string[]>();
    if (meetingIds.length === 0) return byMeeting;
    const rows = await db
      .select({ meetingId: meetingTheme.meetingId, themeId: meetingTheme.themeId })
      .from(meetingTheme)
      .where(and(eq(meetingTheme.municipalityId, municipalityId), inArray(meetingTheme.meetingId, meetingIds)));
    for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row.themeId]);
    return byMeeting;
  }

  return {
    async findRecord(municipalityId: string, meetingId: string): Promise<MeetingRecord | undefined> {
      const [row] = await withNames().where(and(eq(meeting.municipalityId, municipalityId), eq(meeting.id, meetingId)));
      if (!row) return undefined;
      return { ...row, themeIds: (await themesOf(municipalityId, [meetingId])).get(meetingId) ?? [] };
    },

    /**
     * A page of meetings by start, in SQL; `publicOnly` keeps what outsiders may see: public meetings and closed
     * ones with a public part.
     */
    async list(
      municipalityId: string,
      filter: { neighbourhoodId?: string; kindCode?: string; from?: string; to?: string; state?: string; overriddenOnly: boolean; publicOnly: boolean; insiderNeighbourhoodIds?: string[]; offset: number; limit: number },
    ) {
      const conditions: (SQL | undefined)[] = [eq(meeting.municipalityId, municipalityId)];
      if (filter.neighbourhoodId) conditions.push(eq(meeting.neighbourhoodId, filter.neighbourhoodId));
      if (filter.kindCode) conditions.push(eq(meetingKind.code, filter.kindCode as never));
      if (filter.from) conditions.push(gte(meeting.startsAt, sql`(${filter.from}::date)::timestamp at time zone 'Europe/Amsterdam'`));
      if (filter.to) conditions.push(lte(meeting.startsAt, sql`((${filter.to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam'`));
      if (filter.state) conditions.push(eq(meeting.state, filter.state as never));
      if (filter.overriddenOnly) conditions.push(sql`cardinality(${meeting.overriddenRules}) > 0`);
      if (filter.publicOnly) {
        // A council member also sees the closed meetings of their own neighbourhood.
        const own = filter.insiderNeighbourhoodIds?.length ? inArray(meeting.neighbourhoodId, filter.insiderNeighbourhoodIds) : undefined;
        conditions.push(or(eq(meetingKind.character, 'public'), sql`${meeting.publicPartStartsAt} is not null`, own));
        // A draft is the municipality's working copy, not yet a meeting anyone outside it knows of.
        conditions.push(ne(meeting.state, 'draft'));
      }
      const where = and(...conditions);
      const [rows, [{ total }]] = await Promise.all([
        withNames().where(where).orderBy(asc(meeting.startsAt), asc(meeting.id)).offset(filter.offset).limit(filter.limit),
        db
          .select({ total: count() })
          .from(meeting)
          .innerJoin(meetingKind, and(eq(meetingKind.municipalityId, meeting.municipalityId), eq(meetingKind.id, meeting.kindId)))
          .where(where),
      ]);
      const themes = await themesOf(
        municipalityId,
        rows.map((row) => row.meeting.id),
      );
      return { rows: rows.map((row) => ({ ...row, themeIds: themes.get(row.meeting.id) ?? [] })) as MeetingRecord[], total };
    },

    /**
     * What a neighbourhood's public calendar shows, in one query: public meetings and closed ones with a public part,
     * from a day on, soonest first. No count and no dossier subjects — a calendar shows neither.
     */
    async publicCalendarRows(municipalityId: string, neighbourhoodId: string, from: string, limit: number): Promise<MeetingRecord[]> {
      const rows = await withNames()
        .where(
          and(
            eq(meeting.municipalityId, municipalityId),
            eq(meeting.neighbourhoodId, neighbourhoodId),
            gte(meeting.startsAt, sql`(${from}::date)::timestamp at time zone 'Europe/Amsterdam'`),
            ne(meeting.state, 'draft'),
            or(eq(meetingKind.character, 'public'), sql`${meeting.publicPartStartsAt} is not null`),
          ),
        )
        .orderBy(asc(meeting.startsAt), asc(meeting.id))
        .limit(limit);
      return rows.map((row) => ({ ...row, themeIds: [] }));
    },

    async insert(values: typeof meeting.$inferInsert, themeIds: string[]): Promise<MeetingRow> {
      const [row] = await db.insert(meeting).values(values).returning();
      const unique = [...new Set(themeIds)];
      if (unique.length > 0) await db.insert(meetingTheme).values(unique.map((themeId) => ({ municipalityId: row.municipalityId, meetingId: row.id, themeId })));
      return row;
    },

    async update(municipalityId: string, meetingId: string, expectedVersion: number, values: Partial<typeof meeting.$inferInsert>): Promise<MeetingRow | undefined> {
      const [row] = await db
        .update(meeting)
        .set({ ...values, version: sql`${meeting.version} + 1` })
        .where(and(eq(meeting.municipalityId, municipalityId), eq(meeting.id, meetingId), eq(meeting.version, expectedVersion)))
        .returning();
      return row;
    },

    /** Start moments of the neighbourhood's meetings of a kind that are not cancelled (for the per-term limit). */
    async startsOfKind(municipalityId: string, neighbourhoodId: string, kindId: string): Promise<Date[]> {
      const rows = await db
        .select({ startsAt: meeting.startsAt })
        .from(meeting)
        .where(and(eq(meeting.municipalityId, municipalityId), eq(meeting.neighbourhoodId, neighbourhoodId), eq(meeting.kindId, kindId), ne(meeting.state, 'cancelled')))
        .limit(500);
      return rows.map((row) => row.startsAt);
    },

    async neighbourhoodExists(municipalityId: string, neighbourhoodId: string): Promise<boolean> {
      const [row] = await db.select({ id: neighbourhood.id }).from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return Boolean(row);
    },

    async neighbourhoodOf(municipalityId: string, neighbourhoodId: string): Promise<{ name: string; slug: string } | undefined> {
      const [row] = await db.select({ name: neighbourhood.name, slug: neighbourhood.slug }).from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return row;
    },

    /** The neighbourhoods of these councils. */
    async neighbourhoodIdsOfCouncils(municipalityId: string, councilIds: string[]): Promise<string[]> {
      if (councilIds.length === 0) return [];
      const rows = await db.select({ id: council.neighbourhoodId }).from(council).where(and(eq(council.municipalityId, municipalityId), inArray(council.id, councilIds)));
      return rows.map((row) => row.id);
    },

    async councilIdsOf(municipalityId: string, neighbourhoodId: string): Promise<string[]> {
      const rows = await db.select({ id: council.id }).from(council).where(and(eq(council.municipalityId, municipalityId), eq(council.neighbourhoodId, neighbourhoodId)));
      return rows.map((row) => row.id);
    },

    /** The chair's roles, or undefined when there is no such person in this municipality. */
    async rolesOf(municipalityId: string, userId: string): Promise<{ role: string; scopeId: string | null }[] | undefined> {
      const [person] = await db.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      if (!person) return undefined;
      return db.select({ role: roleAssignment.role, scopeId: roleAssignment.scopeId }).from(roleAssignment).where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.userId, userId)));
    },

    async themesExist(municipalityId: string, themeIds: string[]): Promise<boolean> {
      if (themeIds.length === 0) return true;
      const rows = await db.select({ id: theme.id }).from(theme).where(and(eq(theme.municipalityId, municipalityId), inArray(theme.id, themeIds)));
      return rows.length === new Set(themeIds).size;
    },

    /** The portfolios with their subjects, and which one is neighbourhood policy. */
    async portfolios(municipalityId: string) {
      const rows = await db.select({ id: portfolio.id, isNeighbourhoodPolicy: portfolio.isNeighbourhoodPolicy }).from(portfolio).where(eq(portfolio.municipalityId, municipalityId)).limit(100);
      const links = await db.select({ portfolioId: portfolioTheme.portfolioId, themeId: portfolioTheme.themeId }).from(portfolioTheme).where(eq(portfolioTheme.municipalityId, municipalityId));
      return {
        neighbourhoodPolicyPortfolioId: rows.find((row) => row.isNeighbourhoodPolicy)?.id ?? null,
        portfolios: rows.map((row) => ({ id: row.id, themeIds: links.filter((link) => link.portfolioId === row.id).map((link) => link.themeId) })),
      };
    },

    /**
     * Who can chair or take part: the aldermen with their portfolio, the officers and partners, and the members of the
     * councils of these neighbourhoods. Active people only; bounded.
     */
    async candidates(municipalityId: string, councilIds: string[]) {
      const councilMembers = councilIds.length > 0 ? and(eq(roleAssignment.role, 'council_member'), inArray(roleAssignment.scopeId, councilIds)) : undefined;
      return db
        .select({ userId: userAccount.id, name: userAccount.displayName, role: roleAssignment.role, portfolioName: portfolio.name, portfolioNameEn: portfolio.nameEn, isNeighbourhoodPolicy: portfolio.isNeighbourhoodPolicy })
        .from(roleAssignment)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, roleAssignment.municipalityId), eq(userAccount.id, roleAssignment.userId)))
        .leftJoin(portfolio, and(eq(portfolio.municipalityId, roleAssignment.municipalityId), eq(roleAssignment.role, 'alderman'), eq(portfolio.id, roleAssignment.scopeId)))
        .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(userAccount.isActive, true), or(inArray(roleAssignment.role, ['alderman', 'officer', 'partner', 'advisor']), councilMembers)))
        .orderBy(asc(roleAssignment.role), asc(userAccount.displayName))
        .limit(500);
    },

    async terms(municipalityId: string) {
      return db.select({ startsOn: councilTerm.startsOn, endsOn: councilTerm.endsOn }).from(councilTerm).where(eq(councilTerm.municipalityId, municipalityId)).limit(100);
    },
  };
}
