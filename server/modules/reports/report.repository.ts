import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { insertTogether } from '../../db/insert-together.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { area, neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { department } from '../organisation/organisation.tables.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import type { SubmissionRows } from './report-submission-writer.ts';
import { report, reportCategory, reportEvent, reportFollower, reportReferenceCounter } from './report.tables.ts';
import type { ReportStatus } from './report.workflow.ts';
import { closedStatuses } from './report.workflow.ts';

export type ReportRow = typeof report.$inferSelect;
export type ReportCategoryRow = typeof reportCategory.$inferSelect;

/** Who is looking at the queue: everything for admins and aldermen, else their departments and neighbourhoods. */
export type ReportViewer = { seesAll: true } | { seesAll: false; departmentIds: string[]; neighbourhoodIds: string[] };

/** What the queue and the back-office map filter on. */
export interface ReportFilter {
  status?: ReportStatus | 'open' | 'closed';
  categoryId?: string;
  neighbourhoodId?: string;
  departmentId?: string;
  priority?: string;
  overdue?: 'overdue' | 'threeTimes';
  assignedUserId?: string;
  search?: string;
  today: string;
}

export interface ReportListFilter extends ReportFilter {
  offset: number;
  limit: number;
}

export interface PublicReportFilter {
  references?: string[];
  categoryCodes?: string[];
  from?: Date;
  until?: Date;
  isOpen?: boolean;
  offset: number;
  limit: number;
}

const mainCategory = alias(reportCategory, 'main_category');
const closedList = sql.join(
  closedStatuses.map((status) => sql`${status}`),
  sql`, `,
);

/** The columns every list and detail shows: the report with the names it points at, in one query. */
const summaryColumns = {
  report,
  categoryCode: reportCategory.code,
  categoryName: reportCategory.name,
  categoryNameEn: reportCategory.nameEn,
  mainCategoryName: mainCategory.name,
  mainCategoryNameEn: mainCategory.nameEn,
  neighbourhoodName: neighbourhood.name,
  departmentName: department.name,
  departmentNameEn: department.nameEn,
  assignedName: userAccount.displayName,
};
export type ReportWithNames = {
  report: ReportRow;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string | null;
  mainCategoryName: string | null;
  mainCategoryNameEn: string | null;
  neighbourhoodName: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  assignedName: string | null;
};

/**
 * The queue's conditions in SQL: the municipality, the viewer's reach and the filters. The category filter looks at
 * the category's parent too, so the query joins report_category.
 */
export function reportFilterOf(municipalityId: string, viewer: ReportViewer, filter: ReportFilter): SQL {
  const conditions: SQL[] = [eq(report.municipalityId, municipalityId)];
  if (!viewer.seesAll) {
    const reach: SQL[] = [];
    if (viewer.departmentIds.length > 0) reach.push(inArray(report.departmentId, viewer.departmentIds));
    if (viewer.neighbourhoodIds.length > 0) reach.push(inArray(report.neighbourhoodId, viewer.neighbourhoodIds));
    conditions.push(reach.length > 0 ? sql`(${sql.join(reach, sql` or `)})` : sql`false`);
  }
  // Open is "no closing date" (every closing status sets one, reopening clears it): the queue's partial indexes.
  if (filter.status === 'open') conditions.push(sql`${report.closedAt} is null`);
  else if (filter.status === 'closed') conditions.push(sql`${report.closedAt} is not null`);
  else if (filter.status) conditions.push(eq(report.status, filter.status));
  if (filter.categoryId) conditions.push(sql`(${report.categoryId} = ${filter.categoryId} or ${reportCategory.parentId} = ${filter.categoryId})`);
  if (filter.neighbourhoodId) conditions.push(eq(report.neighbourhoodId, filter.neighbourhoodId));
  if (filter.departmentId) conditions.push(eq(report.departmentId, filter.departmentId));
  if (filter.priority) conditions.push(eq(report.priority, filter.priority as ReportRow['priority']));
  if (filter.assignedUserId) conditions.push(eq(report.assignedUserId, filter.assignedUserId));
  if (filter.overdue) {
    conditions.push(sql`${report.closedAt} is null and ${report.handleBy} < ${filter.today}::date`);
    // Three times its term: open for at least three times the days between reporting and the deadline.
    if (filter.overdue === 'threeTimes')
      conditions.push(sql`(${filter.today}::date - (${report.createdAt} at time zone 'Europe/Amsterdam')::date) >= 3 * greatest(1, ${report.handleBy} - (${report.createdAt} at time zone 'Europe/Amsterdam')::date)`);
  }
  if (filter.search) {
    const words = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`(${report.reference} = ${filter.search.toUpperCase()} or ${report.description} ilike ${words} or ${report.address} ilike ${words})`);
  }
  return and(...conditions)!;
}

/** A category by its code, with its main category's names: every submission asks, so it is prepared (planned once per connection). */
function prepareCategoryByCode(db: Executor) {
  return db
    .select({ category: reportCategory, mainName: mainCategory.name, mainNameEn: mainCategory.nameEn })
    .from(reportCategory)
    .leftJoin(mainCategory, and(eq(mainCategory.municipalityId, reportCategory.municipalityId), eq(mainCategory.id, reportCategory.parentId)))
    .where(and(eq(reportCategory.municipalityId, sql.placeholder('municipalityId')), eq(reportCategory.code, sql.placeholder('code'))))
    .prepare('report_category_by_code');
}
const categoryByCode = new WeakMap<Executor, ReturnType<typeof prepareCategoryByCode>>();

export function createReportRepository(db: Executor) {
  function withNames() {
    return db
      .select(summaryColumns)
      .from(report)
      .innerJoin(reportCategory, and(eq(reportCategory.municipalityId, report.municipalityId), eq(reportCategory.id, report.categoryId)))
      .leftJoin(mainCategory, and(eq(mainCategory.municipalityId, reportCategory.municipalityId), eq(mainCategory.id, reportCategory.parentId)))
      .innerJoin(neighbourhood, and(eq(neighbourhood.municipalityId, report.municipalityId), eq(neighbourhood.id, report.neighbourhoodId)))
      .leftJoin(department, and(eq(department.municipalityId, report.municipalityId), eq(department.id, report.departmentId)))
      .leftJoin(userAccount, and(eq(userAccount.municipalityId, report.municipalityId), eq(userAccount.id, report.assignedUserId)));
  }

  return {
    async categories(municipalityId: string): Promise<ReportCategoryRow[]> {
      return db.select().from(reportCategory).where(eq(reportCategory.municipalityId, municipalityId)).orderBy(asc(reportCategory.sortOrder), asc(reportCategory.name));
    },

    async findCategoryByCode(municipalityId: string, code: string) {
      let query = categoryByCode.get(db);
      if (!query) {
        query = prepareCategoryByCode(db);
        categoryByCode.set(db, query);
      }
      const [row] = await query.execute({ municipalityId, code });
      return row;
    },

    async insertCategory(values: typeof reportCategory.$inferInsert): Promise<ReportCategoryRow> {
      const [row] = await db.insert(reportCategory).values(values).returning();
      return row;
    },

    async countCategories(municipalityId: string): Promise<number> {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(reportCategory).where(eq(reportCategory.municipalityId, municipalityId));
      return row.count;
    },

    /** The municipality's neighbourhoods and areas with their boundaries, for point-in-polygon. */
    async places(municipalityId: string) {
      const neighbourhoods = await db.select({ id: neighbourhood.id, name: neighbourhood.name, boundary: neighbourhood.boundary }).from(neighbourhood).where(eq(neighbourhood.municipalityId, municipalityId));
      const areas = await db.select({ id: area.id, neighbourhoodId: area.neighbourhoodId, name: area.name, boundary: area.boundary }).from(area).where(eq(area.municipalityId, municipalityId));
      return { neighbourhoods, areas };
    },

    /** `count` numbers at once for new reports; returns the last of them (the first is last − count + 1). */
    async takeReferenceNumbers(municipalityId: string, year: number, count: number): Promise<number> {
      const [row] = await db
        .insert(reportReferenceCounter)
        .values({ municipalityId, year, lastNumber: count })
        .onConflictDoUpdate({ target: [reportReferenceCounter.municipalityId, reportReferenceCounter.year], set: { lastNumber: sql`${reportReferenceCounter.lastNumber} + ${count}` } })
        .returning({ lastNumber: reportReferenceCounter.lastNumber });
      return row.lastNumber;
    },

    async nextReferenceNumber(municipalityId: string, year: number): Promise<number> {
      const [row] = await db
        .insert(reportReferenceCounter)
        .values({ municipalityId, year, lastNumber: 1 })
        .onConflictDoUpdate({ target: [reportReferenceCounter.municipalityId, reportReferenceCounter.year], set: { lastNumber: sql`${reportReferenceCounter.lastNumber} + 1` } })
        .returning({ lastNumber: reportReferenceCounter.lastNumber });
      return row.lastNumber;
    },

    async findByIdempotencyKey(municipalityId: string, key: string): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(report).where(and(eq(report.municipalityId, municipalityId), eq(report.idempotencyKey, key)));
      return row;
    },

    async insert(values: typeof report.$inferInsert): Promise<ReportRow> {
      const [row] = await db.insert(report).values(values).returning();
      return row;
    },

    /**
     * New reports with their first events, confirmations and audit rows: one statement, one commit. The audit rows
     * come last, so the municipality's audit chain is taken after the reports' own work.
     */
    async insertSubmissions(submissions: SubmissionRows[]): Promise<void> {
      const messages = submissions.flatMap((submission) => (submission.message ? [submission.message] : []));
      await insertTogether(db, [
        db.insert(report).values(submissions.map((submission) => submission.report)),
        db.insert(reportEvent).values(submissions.map((submission) => submission.event)),
        ...(messages.length > 0 ? [db.insert(outboxMessage).values(messages)] : []),
        db.insert(auditLog).values(submissions.map((submission) => submission.audit)),
      ]);
    },

    async addEvent(values: typeof reportEvent.$inferInsert): Promise<void> {
      await db.insert(reportEvent).values(values);
    },

    async findById(municipalityId: string, id: string): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(report).where(and(eq(report.municipalityId, municipalityId), eq(report.id, id)));
      return row;
    },

    async findWithNames(municipalityId: string, id: string): Promise<ReportWithNames | undefined> {
      const [row] = await withNames().where(and(eq(report.municipalityId, municipalityId), eq(report.id, id)));
      return row;
    },

    async findByTokenHash(municipalityId: string, tokenHash: string): Promise<ReportWithNames | undefined> {
      const [row] = await withNames().where(and(eq(report.municipalityId, municipalityId), eq(report.statusTokenHash, tokenHash)));
      return row;
    },

    async referenceOf(municipalityId: string, id: string): Promise<string | null> {
      const [row] = await db.select({ reference: report.reference }).from(report).where(and(eq(report.municipalityId, municipalityId), eq(report.id, id)));
      return row?.reference ?? null;
    },

    async userExists(municipalityId: string, userId: string): Promise<boolean> {
      const rows = await db.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId))).limit(1);
      return rows.length > 0;
    },

    async requestExists(municipalityId: string, requestId: string): Promise<boolean> {
      const rows = await db.select({ id: request.id }).from(request).where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId))).limit(1);
      return rows.length > 0;
    },

    async areaName(municipalityId: string, areaId: string | null): Promise<string | null> {
      if (!areaId) return null;
      const [row] = await db.select({ name: area.name }).from(area).where(and(eq(area.municipalityId, municipalityId), eq(area.id, areaId)));
      return row?.name ?? null;
    },

    /** The back-office queue: filtered and paged in SQL, overdue first, then by deadline. */
    async list(municipalityId: string, viewer: ReportViewer, filter: ReportListFilter) {
      const where = reportFilterOf(municipalityId, viewer, filter);
      const rows = await withNames()
        .where(where)
        .orderBy(sql`${report.handleBy} asc nulls last`, asc(report.createdAt), asc(report.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(report)
        .innerJoin(reportCategory, and(eq(reportCategory.municipalityId, report.municipalityId), eq(reportCategory.id, report.categoryId)))
        .where(where);
      return { rows, total };
    },

    /**
     * Reports for the public (Open311 and the map): newest first, filtered in SQL. The caller presents them
     * without contact data or the reporter's own words.
     */
    async publicList(municipalityId: string, filter: PublicReportFilter) {
      const conditions: SQL[] = [eq(report.municipalityId, municipalityId)];
      if (filter.references) conditions.push(inArray(report.reference, filter.references));
      if (filter.categoryCodes) conditions.push(inArray(reportCategory.code, filter.categoryCodes));
      if (filter.from) conditions.push(sql`${report.createdAt} >= ${filter.from.toISOString()}`);
      if (filter.until) conditions.push(sql`${report.createdAt} <= ${filter.until.toISOString()}`);
      if (filter.isOpen === true) conditions.push(sql`${report.status} not in (${closedList})`);
      if (filter.isOpen === false) conditions.push(sql`${report.status} in (${closedList})`);
      return withNames()
        .where(and(...conditions))
        .orderBy(sql`${report.createdAt} desc`, asc(report.id))
        .limit(filter.limit)
        .offset(filter.offset);
    },

    /** Open reports of one category inside a box: the indexed first cut of "al gemeld?". */
    async openInBox(municipalityId: string, categoryId: string, box: { south: number; north: number; west: number; east: number }, limit: number) {
      return withNames()
        .where(
          and(
            eq(report.municipalityId, municipalityId),
            eq(report.categoryId, categoryId),
            sql`${report.latitude} between ${box.south} and ${box.north}`,
            sql`${report.longitude} between ${box.west} and ${box.east}`,
            sql`${report.status} not in (${closedList})`,
          ),
        )
        .orderBy(sql`${report.createdAt} desc`)
        .limit(limit);
    },

    /** Adds a follower; an address that already follows the report is left as it is. */
    async addFollower(values: typeof reportFollower.$inferInsert): Promise<boolean> {
      const rows = await db.insert(reportFollower).values(values).onConflictDoNothing().returning({ id: reportFollower.id });
      return rows.length > 0;
    },

    async history(municipalityId: string, reportId: string) {
      return db
        .select({ event: reportEvent, actorName: userAccount.displayName })
        .from(reportEvent)
        .leftJoin(userAccount, and(eq(userAccount.municipalityId, reportEvent.municipalityId), eq(userAccount.id, reportEvent.actorUserId)))
        .where(and(eq(reportEvent.municipalityId, municipalityId), eq(reportEvent.reportId, reportId)))
        .orderBy(asc(reportEvent.createdAt), asc(reportEvent.id));
    },

    /** Writes a change when the caller read the current version; undefined when someone else changed it first. */
    async update(municipalityId: string, id: string, version: number, values: Partial<typeof report.$inferInsert>): Promise<ReportRow | undefined> {
      const [row] = await db
        .update(report)
        .set({ ...values, version: sql`${report.version} + 1` })
        .where(and(eq(report.municipalityId, municipalityId), eq(report.id, id), eq(report.version, version)))
        .returning();
      return row;
    },

    /** Everyone who hears of the report: the consenting reporter and followers, with their language. */
    async followers(municipalityId: string, reportId: string) {
      return db
        .select({ email: reportFollower.email, phone: reportFollower.phone, language: reportFollower.language })
        .from(reportFollower)
        .where(and(eq(reportFollower.municipalityId, municipalityId), eq(reportFollower.reportId, reportId)));
    },

    async followerCount(municipalityId: string, reportId: string): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(reportFollower)
        .where(and(eq(reportFollower.municipalityId, municipalityId), eq(reportFollower.reportId, reportId)));
      return row.count;
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
