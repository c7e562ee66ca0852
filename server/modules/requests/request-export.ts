import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { requestErrors } from './request.errors.ts';
import { readRequestSettings } from './request-settings.service.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { isStaff } from './request.policy.ts';
import { exportMediaTypes, type RequestExportQuery } from './request-export.contract.ts';
import { presentExportRow, renderCsv, renderXlsx } from './request-export.presenter.ts';
import { listFilterOf } from './request-filter.ts';
import { createRequestExportRepository } from './request-export.repository.ts';

/**
 * At most this many requests in one file. The whole file is built in memory and sent at once, so that a
 * failure is still a problem+json and the audit row knows what left; 50,000 rows of this width are a few
 * megabytes, and more than a municipality's staff can read anyway.
 */
export const exportRowLimit = 50_000;

export interface RequestExportDependencies {
  db: Executor;
  clock: Clock;
  /** The address of the web app, for the link to each request. */
  publicUrl?: string;
  maxRows?: number;
}

export interface RequestExportFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
  rowCount: number;
}

/** Staff take the requests that match the list's filters out as CSV or an Excel workbook. */
export function createRequestExportService(dependencies: RequestExportDependencies) {
  const { db, clock } = dependencies;
  const publicUrl = (dependencies.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const maxRows = dependencies.maxRows ?? exportRowLimit;

  return {
    async exportRequests(context: UseCaseContext, query: RequestExportQuery): Promise<RequestExportFile> {
      // The route already demands request.viewInternal; the use case does not rely on being called from it.
      if (!isStaff(context.actor)) throw new DomainError('FORBIDDEN');
      const { format, language, ...filters } = query;
      const today = dateInAmsterdam(clock.now());
      // One row more than allowed tells "too many" without counting everything first.
      const rows = await createRequestExportRepository(db).findForExport(context.municipalityId, listFilterOf(context, filters, today, await readRequestSettings(db, context.municipalityId)), { themeLanguage: language, limit: maxRows + 1 });
      if (rows.length > maxRows) throw new DomainError(requestErrors.EXPORT_TOO_LARGE, { params: { limit: maxRows } });

      const slug = context.municipalitySlug ?? (await createMunicipalityRepository(db).findById(context.municipalityId))?.slug ?? 'gemeente';
      const presented = rows.map((row) => presentExportRow(row, { language, today, requestUrl: (id) => `${publicUrl}/${slug}/vragen/${id}` }));
      const baseName = `${language === 'en' ? 'requests' : 'verzoeken'}-${slug}-${today}`;
      const body = format === 'csv' ? renderCsv(presented, language) : await renderXlsx(presented, language, language === 'en' ? 'Requests' : 'Verzoeken');

      // Data leaves the system: who took what, with which filters, is on record.
      await recordAudit(db, clock, context, {
        action: 'request.export',
        entityType: 'municipality',
        entityId: context.municipalityId,
        after: { format, language, filters, rowCount: rows.length },
      });
      return { fileName: `${baseName}.${format}`, mediaType: exportMediaTypes[format], body, rowCount: rows.length };
    },
  };
}

export type RequestExportService = ReturnType<typeof createRequestExportService>;
