import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Language } from '../../platform/language.ts';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { area, neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { department, partnerOrganisation, theme } from '../organisation/organisation.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { adviceRequest } from './advice-request.tables.ts';
import { asReference, isUuid } from './request-reference.rules.ts';
import { request, requestEvent, requestLink, requestReferenceCounter, requestTheme } from './request.tables.ts';

export type RequestRow = typeof request.$inferSelect;
export type RequestEventRow = typeof requestEvent.$inferSelect;

/** Who is looking decides what a list contains: staff see all, others public requests and their own side's. */
export type RequestViewer = { isStaff: true } | { isStaff: false; userId: string | null; councilIds: string[] };

export interface RequestFilter {
  neighbourhoodId?: string;
  state?: string;
  kind?: string;
  verdict?: string;
  departmentId?: string;
  themeId?: string;
  councilId?: string;
  overdueOn?: string;
  search?: string;
  isOpen?: boolean;
  /** "Mine": any of these; an empty scope matches nothing. */
  mine?: { neighbourhoodIds: string[]; includesCityWide: boolean; departmentIds: string[]; councilIds: string[]; partnerOrganisationIds: string[]; portfolioIds: string[]; submitterUserId: string | null };
  /** Only the requests this person follows. */
  followedByUserId?: string;
  decidingBody?: string;
  sort?: 'newest' | 'deadline';
  offset: number;
  limit: number;
}

function visibleTo(viewer: RequestViewer): SQL | undefined {
  if (viewer.isStaff) return undefined;
  const conditions: SQL[] = [eq(request.isPublic, true)];
  if (viewer.userId) conditions.push(eq(request.submitterUserId, viewer.userId));
  if (viewer.councilIds.length > 0) conditions.push(inArray(request.councilId, viewer.councilIds));
  return or(...conditions);
}

/** The list's filters as SQL conditions; the list and the export share them, so both find the same requests. */
export function filterConditions(filter: Omit<RequestFilter, 'offset' | 'limit'>): SQL[] {
  const conditions: SQL[] = [];
  if (filter.neighbourhoodId) conditions.push(eq(request.neighbourhoodId, filter.neighbourhoodId));
  if (filter.state) conditions.push(eq(request.state, filter.state as RequestRow['state']));
  if (filter.kind) conditions.push(eq(request.kind, filter.kind));
  if (filter.verdict) conditions.push(eq(request.verdict, filter.verdict));
  if (filter.councilId) conditions.push(eq(request.councilId, filter.councilId));
  if (filter.departmentId) conditions.push(eq(request.leadDepartmentId, filter.departmentId));
  if (filter.themeId) conditions.push(sql`exists (select 1 from request_theme rt where rt.municipality_id = ${request.municipalityId} and rt.request_id = ${request.id} and rt.theme_id = ${filter.themeId})`);
  if (filter.overdueOn) {
    conditions.push(
      sql`((${request.state} = 'submitted' and ${request.acknowledgeBy} < ${filter.overdueOn}) or (${request.state} in ('submitted', 'acknowledged', 'routed') and ${request.answerBy} < ${filter.overdueOn}))`,
    );
  }
  if (filter.search) {
    // A reference ("HLM-2026-0142") finds exactly that request; anything else is a full-text search.
    const reference = asReference(filter.search);
    conditions.push(reference ? eq(request.reference, reference) : sql`${request.searchVector} @@ websearch_to_tsquery('dutch', ${filter.search})`);
  }
  if (filter.isOpen) conditions.push(inArray(request.state, ['submitted', 'acknowledged', 'routed']));
  if (filter.mine) conditions.push(mineCondition(filter.mine));
  if (filter.decidingBody) conditions.push(sql`${request.advicePosition} ->> 'decidingBody' = ${filter.decidingBody}`);
  if (filter.followedByUserId) {
    conditions.push(sql`exists (select 1 from request_follower rf where rf.request_id = ${request.id} and rf.municipality_id = ${request.municipalityId} and rf.user_id = ${filter.followedByUserId})`);
  }
  return conditions;
}

/**
 * An alderman's requests: those of the departments their portfolios steer (leading or contributing), of the
 * subjects the portfolios hold, and of the neighbourhoods they look after as wijkwethouder.
 */
function portfolioCondition(portfolioIds: string[]): SQL {
  const portfolios = sql.join(
    portfolioIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const tenant = request.municipalityId;
  return sql`(
    ${request.leadDepartmentId} in (select pd.department_id from portfolio_department pd where pd.municipality_id = ${tenant} and pd.portfolio_id in (${portfolios}))
    or ${request.contributingDepartmentIds} && array(select pd.department_id from portfolio_department pd where pd.municipality_id = ${tenant} and pd.portfolio_id in (${portfolios}))
    or ${request.neighbourhoodId} in (select pn.neighbourhood_id from portfolio_neighbourhood pn where pn.municipality_id = ${tenant} and pn.portfolio_id in (${portfolios}))
    or exists (select 1 from request_theme rt join portfolio_theme pt on pt.municipality_id = rt.municipality_id and pt.theme_id = rt.theme_id
               where rt.municipality_id = ${tenant} and rt.request_id = ${request.id} and pt.portfolio_id in (${portfolios}))
  )`;
}

function mineCondition(mine: NonNullable<RequestFilter['mine']>): SQL {
  const any: SQL[] = [];
  if (mine.neighbourhoodIds.length > 0) any.push(inArray(request.neighbourhoodId, mine.neighbourhoodIds));
  if (mine.includesCityWide) any.push(isNull(request.neighbourhoodId));
  // A partner's organisation's own requests.
  if (mine.partnerOrganisationIds.length > 0) any.push(inArray(request.partnerOrganisationId, mine.partnerOrganisationIds));
  if (mine.departmentIds.length > 0) {
    any.push(inArray(request.leadDepartmentId, mine.departmentIds));
    // A contributing department works on the request too: its officers find it among their own work.
    any.push(sql`${request.contributingDepartmentIds} && array[${sql.join(
      mine.departmentIds.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]`);
  }
  if (mine.councilIds.length > 0) any.push(inArray(request.councilId, mine.councilIds));
  if (mine.portfolioIds.length > 0) any.push(portfolioCondition(mine.portfolioIds));
  if (mine.submitterUserId) any.push(eq(request.submitterUserId, mine.submitterUserId));
  return any.length > 0 ? (or(...any) as SQL) : sql`false`;
}

export function createRequestRepository(db: Executor) {
  return {
    async insert(values: typeof request.$inferInsert, themeIds: string[]): Promise<RequestRow> {
      const [row] = await db.insert(request).values(values).returning();
      if (themeIds.length > 0) await db.insert(requestTheme).values(themeIds.map((themeId) => ({ municipalityId: row.municipalityId, requestId: row.id, themeId })));
      return row;
    },

    async addEvent(values: typeof requestEvent.$inferInsert): Promise<void> {
      await db.insert(requestEvent).values(values);
    },

    async findById(municipalityId: string, requestId: string): Promise<RequestRow | undefined> {
      const [row] = await db.select().from(request).where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId)));
      return row;
    },

    /** By its id or by its reference ("HLM-2026-0142"); anything else finds nothing. */
    async findByIdOrReference(municipalityId: string, idOrReference: string): Promise<RequestRow | undefined> {
      const reference = asReference(idOrReference);
      if (!isUuid(idOrReference) && !reference) return undefined;
      const [row] = await db
        .select()
        .from(request)
        .where(and(eq(request.municipalityId, municipalityId), reference ? eq(request.reference, reference) : eq(request.id, idOrReference)));
      return row;
    },

    /**
     * The next number for a municipality's year. One upsert: the row lock it takes makes a second submit in the
     * same year wait for the first transaction, so two submits never get the same number.
     */
    async nextReferenceNumber(municipalityId: string, year: number): Promise<number> {
      const [row] = await db
        .insert(requestReferenceCounter)
        .values({ municipalityId, year, lastNumber: 1 })
        .onConflictDoUpdate({ target: [requestReferenceCounter.municipalityId, requestReferenceCounter.year], set: { lastNumber: sql`${requestReferenceCounter.lastNumber} + 1` } })
        .returning({ lastNumber: requestReferenceCounter.lastNumber });
      return row.lastNumber;
    },

    /** Names for what a request points at, in one query; the department's English name where it has one. */
    async namesFor(row: RequestRow, language: Language = 'nl') {
      const [names] = await db
        .select({
          neighbourhoodName: neighbourhood.name,
          councilName: council.name,
          departmentName: language === 'en' ? sql<string | null>`coalesce(${department.nameEn}, ${department.name})` : department.name,
          submitterName: userAccount.displayName,
        })
        .from(request)
        .leftJoin(neighbourhood, eq(neighbourhood.id, request.neighbourhoodId))
        .leftJoin(council, eq(council.id, request.councilId))
        .leftJoin(department, eq(department.id, request.leadDepartmentId))
        .leftJoin(userAccount, eq(userAccount.id, request.submitterUserId))
        .where(and(eq(request.municipalityId, row.municipalityId), eq(request.id, row.id)));
      return names;
    },

    async themesOf(municipalityId: string, requestId: string, language: Language = 'nl') {
      return db
        .select({ id: theme.id, name: language === 'en' ? theme.nameEn : theme.nameNl })
        .from(requestTheme)
        .innerJoin(theme, eq(theme.id, requestTheme.themeId))
        .where(and(eq(requestTheme.municipalityId, municipalityId), eq(requestTheme.requestId, requestId)))
        .orderBy(asc(theme.sortOrder));
    },

    async eventsOf(municipalityId: string, requestId: string): Promise<RequestEventRow[]> {
      return db.select().from(requestEvent).where(and(eq(requestEvent.municipalityId, municipalityId), eq(requestEvent.requestId, requestId))).orderBy(asc(requestEvent.occurredAt)).limit(1000);
    },

    async update(municipalityId: string, requestId: string, expectedVersion: number, values: Partial<typeof request.$inferInsert>): Promise<RequestRow | undefined> {
      const [row] = await db
        .update(request)
        .set({ ...values, version: sql`${request.version} + 1` })
        .where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId), eq(request.version, expectedVersion)))
        .returning();
      return row;
    },

    async list(municipalityId: string, viewer: RequestViewer, filter: RequestFilter) {
      const conditions: (SQL | undefined)[] = [eq(request.municipalityId, municipalityId), visibleTo(viewer), ...filterConditions(filter)];
      const where = and(...conditions);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({ request, neighbourhoodName: neighbourhood.name })
          .from(request)
          .leftJoin(neighbourhood, eq(neighbourhood.id, request.neighbourhoodId))
          .where(where)
          .orderBy(...(filter.sort === 'deadline' ? [asc(request.answerBy), asc(request.createdAt), asc(request.id)] : [desc(request.createdAt), desc(request.id)]))
          .offset(filter.offset)
          .limit(filter.limit),
        db.select({ total: count() }).from(request).where(where),
      ]);
      return { rows, total };
    },

    async departmentExists(municipalityId: string, departmentIds: string[]): Promise<boolean> {
      if (departmentIds.length === 0) return true;
      const rows = await db.select({ id: department.id }).from(department).where(and(eq(department.municipalityId, municipalityId), inArray(department.id, departmentIds)));
      return rows.length === new Set(departmentIds).size;
    },

    /** Department names by id, in Dutch and English, for words in the timeline. */
    async departmentNames(municipalityId: string, departmentIds: string[]): Promise<Map<string, { nl: string; en: string }>> {
      if (departmentIds.length === 0) return new Map();
      const rows = await db
        .select({ id: department.id, name: department.name, nameEn: department.nameEn })
        .from(department)
        .where(and(eq(department.municipalityId, municipalityId), inArray(department.id, departmentIds)));
      return new Map(rows.map((row) => [row.id, { nl: row.name, en: row.nameEn ?? row.name }]));
    },

    async themesExist(municipalityId: string, themeIds: string[]): Promise<boolean> {
      if (themeIds.length === 0) return true;
      const rows = await db.select({ id: theme.id }).from(theme).where(and(eq(theme.municipalityId, municipalityId), inArray(theme.id, themeIds)));
      return rows.length === new Set(themeIds).size;
    },

    /** Links in both directions, with the other request's title and state, for one request. */
    async linksOf(municipalityId: string, requestId: string) {
      const rows = await db
        .select({ requestId: requestLink.requestId, relatedRequestId: requestLink.relatedRequestId, kind: requestLink.kind, title: request.title, state: request.state, isPublic: request.isPublic })
        .from(requestLink)
        .innerJoin(request, or(and(eq(requestLink.requestId, requestId), eq(request.id, requestLink.relatedRequestId)), and(eq(requestLink.relatedRequestId, requestId), eq(request.id, requestLink.requestId))))
        .where(and(eq(requestLink.municipalityId, municipalityId), or(eq(requestLink.requestId, requestId), eq(requestLink.relatedRequestId, requestId))))
        .limit(100);
      return rows.map((row) => ({
        id: row.requestId === requestId ? row.relatedRequestId : row.requestId,
        // "duplicate" reads from the duplicate's side: this one duplicates the other, or the other duplicates this one.
        kind: row.kind === 'related' ? ('related' as const) : row.requestId === requestId ? ('duplicateOf' as const) : ('duplicatedBy' as const),
        title: row.title,
        state: row.state,
        isPublic: row.isPublic,
      }));
    },

    async addLink(values: typeof requestLink.$inferInsert): Promise<boolean> {
      const rows = await db.insert(requestLink).values(values).onConflictDoNothing().returning({ requestId: requestLink.requestId });
      return rows.length > 0;
    },

    async removeLink(municipalityId: string, requestId: string, relatedRequestId: string): Promise<boolean> {
      const rows = await db
        .delete(requestLink)
        .where(
          and(
            eq(requestLink.municipalityId, municipalityId),
            or(and(eq(requestLink.requestId, requestId), eq(requestLink.relatedRequestId, relatedRequestId)), and(eq(requestLink.requestId, relatedRequestId), eq(requestLink.relatedRequestId, requestId))),
          ),
        )
        .returning({ requestId: requestLink.requestId });
      return rows.length > 0;
    },

    /** Open requests past a deadline whose advisors were not told yet, across all municipalities (the sweep). */
    async findNewlyOverdue(today: string, limit: number) {
      return db
        .select()
        .from(request)
        .where(
          and(
            sql`${request.overdueNotifiedAt} is null`,
            sql`((${request.state} = 'submitted' and ${request.acknowledgeBy} < ${today}) or (${request.state} in ('submitted', 'acknowledged', 'routed') and ${request.answerBy} < ${today}))`,
          ),
        )
        .limit(limit);
    },

    /** Ooit answers whose next update falls due by a date and whose owner was not reminded of that due date yet. */
    async findUpdatesDue(dueBy: string, limit: number) {
      return db
        .select()
        .from(request)
        .where(and(eq(request.state, 'answered'), eq(request.verdict, 'ooit'), sql`${request.nextUpdateDue} <= ${dueBy}`, sql`${request.updateRemindedFor} is distinct from ${request.nextUpdateDue}`))
        .limit(limit);
    },

    /** Ooit answers whose promised decision date is within the municipality's reminder window, not reminded yet. */
    async findDecisionsDue(today: string, limit: number) {
      return db
        .select()
        .from(request)
        .where(
          and(
            eq(request.state, 'answered'),
            eq(request.verdict, 'ooit'),
            sql`${request.decisionRemindedAt} is null`,
            sql`(${request.answer} ->> 'decisionDueOn')::date <= ${today}::date + coalesce((select (m.settings -> 'requests' ->> 'decisionReminderDays')::int from municipality m where m.id = ${request.municipalityId}), 10)`,
          ),
        )
        .limit(limit);
    },

    /** Marks a reminder as sent without touching the version: a reminder is not an edit someone could conflict with. */
    async markReminded(requestId: string, values: Pick<Partial<typeof request.$inferInsert>, 'overdueNotifiedAt' | 'updateRemindedFor' | 'decisionRemindedAt'>): Promise<void> {
      await db.update(request).set(values).where(eq(request.id, requestId));
    },

    async neighbourhoodExists(municipalityId: string, neighbourhoodId: string): Promise<boolean> {
      const rows = await db.select({ id: neighbourhood.id }).from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return rows.length > 0;
    },

    async adviceRequestTitleOf(municipalityId: string, adviceRequestId: string): Promise<{ id: string; title: string } | null> {
      const [row] = await db
        .select({ id: adviceRequest.id, title: adviceRequest.title })
        .from(adviceRequest)
        .where(and(eq(adviceRequest.municipalityId, municipalityId), eq(adviceRequest.id, adviceRequestId)));
      return row ?? null;
    },

    async councilsExist(municipalityId: string, councilIds: string[]): Promise<boolean> {
      if (councilIds.length === 0) return true;
      const rows = await db.select({ id: council.id }).from(council).where(and(eq(council.municipalityId, municipalityId), inArray(council.id, councilIds)));
      return rows.length === new Set(councilIds).size;
    },

    /** A buurt of this municipality, and of the given neighbourhood when there is one. */
    async areaExists(municipalityId: string, areaId: string, neighbourhoodId: string | null): Promise<boolean> {
      const rows = await db
        .select({ id: area.id })
        .from(area)
        .where(and(eq(area.municipalityId, municipalityId), eq(area.id, areaId), neighbourhoodId ? eq(area.neighbourhoodId, neighbourhoodId) : undefined));
      return rows.length > 0;
    },

    async partnerOrganisationExists(municipalityId: string, partnerOrganisationId: string): Promise<boolean> {
      const rows = await db
        .select({ id: partnerOrganisation.id })
        .from(partnerOrganisation)
        .where(and(eq(partnerOrganisation.municipalityId, municipalityId), eq(partnerOrganisation.id, partnerOrganisationId)));
      return rows.length > 0;
    },
  };
}
