import { and, asc, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { department } from '../organisation/organisation.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { adviceRequest, adviceRequestCouncil } from './advice-request.tables.ts';
import { request } from './request.tables.ts';

export type AdviceRequestRow = typeof adviceRequest.$inferSelect;

/** The only place with SQL for advice requests and the councils they were sent to. */
export function createAdviceRequestRepository(db: Executor) {
  return {
    async insert(values: typeof adviceRequest.$inferInsert, councilIds: string[]): Promise<AdviceRequestRow> {
      const [row] = await db.insert(adviceRequest).values(values).returning();
      await db.insert(adviceRequestCouncil).values(councilIds.map((councilId) => ({ municipalityId: values.municipalityId, adviceRequestId: row.id, councilId })));
      return row;
    },

    async findById(municipalityId: string, adviceRequestId: string): Promise<AdviceRequestRow | undefined> {
      const [row] = await db.select().from(adviceRequest).where(and(eq(adviceRequest.municipalityId, municipalityId), eq(adviceRequest.id, adviceRequestId)));
      return row;
    },

    async councilIdsOf(municipalityId: string, adviceRequestId: string): Promise<string[]> {
      const rows = await db
        .select({ councilId: adviceRequestCouncil.councilId })
        .from(adviceRequestCouncil)
        .where(and(eq(adviceRequestCouncil.municipalityId, municipalityId), eq(adviceRequestCouncil.adviceRequestId, adviceRequestId)));
      return rows.map((row) => row.councilId);
    },

    /** Each council asked, with its advice once given (the latest, should it have given more than one). */
    async answersOf(municipalityId: string, adviceRequestId: string) {
      return db
        .select({ councilId: council.id, councilName: council.name, adviceId: request.id, adviceTitle: request.title, adviceState: request.state })
        .from(adviceRequestCouncil)
        .innerJoin(council, and(eq(council.municipalityId, adviceRequestCouncil.municipalityId), eq(council.id, adviceRequestCouncil.councilId)))
        .leftJoin(
          request,
          and(eq(request.municipalityId, adviceRequestCouncil.municipalityId), eq(request.adviceRequestId, adviceRequestCouncil.adviceRequestId), eq(request.councilId, adviceRequestCouncil.councilId)),
        )
        .where(and(eq(adviceRequestCouncil.municipalityId, municipalityId), eq(adviceRequestCouncil.adviceRequestId, adviceRequestId)))
        .orderBy(asc(council.name), desc(request.createdAt));
    },

    async namesFor(row: AdviceRequestRow, language: 'nl' | 'en' = 'nl') {
      const [requester] = await db.select({ name: userAccount.displayName }).from(userAccount).where(and(eq(userAccount.municipalityId, row.municipalityId), eq(userAccount.id, row.requestedByUserId)));
      const [unit] = row.departmentId ? await db
            .select({ id: department.id, name: language === 'en' ? sql<string>`coalesce(${department.nameEn}, ${department.name})` : department.name })
            .from(department)
            .where(and(eq(department.municipalityId, row.municipalityId), eq(department.id, row.departmentId))) : [];
      return { requestedBy: requester?.name ?? '', department: unit ?? null };
    },

    /** A page, nearest due date first; `councilIds` limits it to what was sent to those councils. */
    async list(municipalityId: string, filter: { councilIds?: string[]; dueFrom?: string; offset: number; limit: number }) {
      const sentTo = filter.councilIds
        ? inArray(
            adviceRequest.id,
            db
              .select({ id: adviceRequestCouncil.adviceRequestId })
              .from(adviceRequestCouncil)
              .where(and(eq(adviceRequestCouncil.municipalityId, municipalityId), inArray(adviceRequestCouncil.councilId, filter.councilIds))),
          )
        : undefined;
      const where = and(eq(adviceRequest.municipalityId, municipalityId), sentTo, filter.dueFrom ? gte(adviceRequest.dueOn, filter.dueFrom) : undefined);
      // Qualified by hand: inside a select list drizzle writes a column without its table.
      const councilCount = sql<number>`(select count(*)::int from advice_request_council c where c.municipality_id = advice_request.municipality_id and c.advice_request_id = advice_request.id)`;
      const adviceCount = sql<number>`(select count(distinct r.council_id)::int from request r where r.municipality_id = advice_request.municipality_id and r.advice_request_id = advice_request.id)`;
      const rows = await db
        .select({ row: adviceRequest, councilCount, adviceCount })
        .from(adviceRequest)
        .where(where)
        .orderBy(asc(adviceRequest.dueOn), asc(adviceRequest.id))
        .offset(filter.offset)
        .limit(filter.limit);
      const [{ total }] = await db.select({ total: count() }).from(adviceRequest).where(where);
      return { rows, total };
    },
  };
}
