import { type Column, and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { department } from '../organisation/organisation.tables.ts';
import { filterConditions, type RequestFilter } from './request.repository.ts';
import { request } from './request.tables.ts';

/** The list's filters, for staff: an export sees every request of the municipality. */
export type RequestExportFilter = Omit<RequestFilter, 'offset' | 'limit'>;

const amsterdamDate = (column: Column) => sql<string | null>`to_char(${column} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`;

function conditionsFor(municipalityId: string, filter: RequestExportFilter): SQL | undefined {
  return and(eq(request.municipalityId, municipalityId), ...filterConditions(filter));
}

/**
 * Reporting SQL for the export: one query returns every matching request with its names, dates already as
 * calendar dates in the Netherlands, and its themes aggregated in the database (no query per row). It selects
 * no submitter and no text body: an export carries no personal data of residents.
 */
export function createRequestExportRepository(db: Executor) {
  return {
    async findForExport(municipalityId: string, filter: RequestExportFilter, options: { themeLanguage: 'nl' | 'en'; limit: number }) {
      const themeName = options.themeLanguage === 'en' ? sql.raw('t.name_en') : sql.raw('t.name_nl');
      return db
        .select({
          id: request.id,
          reference: request.reference,
          kind: request.kind,
          title: request.title,
          neighbourhoodName: neighbourhood.name,
          councilName: council.name,
          scale: request.scale,
          weight: request.weight,
          state: request.state,
          verdict: request.verdict,
          submittedOn: amsterdamDate(request.createdAt),
          acknowledgeBy: request.acknowledgeBy,
          acknowledgedOn: amsterdamDate(request.acknowledgedAt),
          answerBy: request.answerBy,
          answeredOn: amsterdamDate(request.answeredAt),
          departmentName: options.themeLanguage === 'en' ? sql<string | null>`coalesce(${department.nameEn}, ${department.name})` : department.name,
          themes: sql<string[]>`coalesce((select json_agg(${themeName} order by t.sort_order, ${themeName}) from request_theme rt join theme t on t.id = rt.theme_id where rt.municipality_id = ${request.municipalityId} and rt.request_id = ${request.id}), '[]'::json)`,
          nextUpdateDue: request.nextUpdateDue,
          isPublic: request.isPublic,
        })
        .from(request)
        .leftJoin(neighbourhood, eq(neighbourhood.id, request.neighbourhoodId))
        .leftJoin(council, eq(council.id, request.councilId))
        .leftJoin(department, eq(department.id, request.leadDepartmentId))
        .where(conditionsFor(municipalityId, filter))
        .orderBy(desc(request.createdAt), desc(request.id))
        .limit(options.limit);
    },
  };
}

export type RequestExportRow = Awaited<ReturnType<ReturnType<typeof createRequestExportRepository>['findForExport']>>[number];
